package org.carebridge.integration;

/** An import is running until it finishes one way or the other. */
public enum ImportRunState {
    RUNNING,
    SUCCEEDED,
    FAILED
}
