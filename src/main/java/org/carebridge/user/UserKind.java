package org.carebridge.user;

/**
 * Native users are created in Carebridge; external users are synced from an on-premises voice
 * system. An external user linked to a native profile is a "linked user".
 */
public enum UserKind {
    NATIVE,
    EXTERNAL
}
