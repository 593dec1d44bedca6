package org.carebridge.messaging.retention;

/** What started a retention purge run. */
public enum PurgeTrigger {
    /** The nightly timer. */
    SCHEDULED("Scheduled"),
    /** An administrator, from Update Organization, to test the organization's retention setting. */
    MANUAL("Started by an administrator");

    private final String label;

    PurgeTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
