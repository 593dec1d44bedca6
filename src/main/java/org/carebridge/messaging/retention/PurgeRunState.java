package org.carebridge.messaging.retention;

/** Where a purge run stands. Only {@link #RUNNING} ever changes. */
public enum PurgeRunState {
    /** Holding the purge lease and emptying messages batch by batch. */
    RUNNING("Running"),
    /** Every message due at the run's cutoff was purged. */
    COMPLETED("Completed"),
    /** A batch failed; the batches before it stay purged and the next run continues. */
    FAILED("Failed"),
    /** Its node stopped mid-run (found when the lease was next claimed); the next run continues. */
    INTERRUPTED("Interrupted");

    private final String label;

    PurgeRunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
