package org.carebridge.integration;

/** What started a user import: the 90-minute schedule or "Sync Users Now". */
public enum ImportTrigger {
    MANUAL,
    SCHEDULED
}
