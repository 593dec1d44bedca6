package org.carebridge.device;

/** Remote wipe: an administrator requests it, the device carries it out on its next contact and confirms. */
public enum WipeState {
    NONE,
    REQUESTED,
    WIPED
}
