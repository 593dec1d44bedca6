package org.carebridge.integration;

/** How a run ended, as the server reports it to the connector in a {@code sync-result} frame. */
public record ImportSummary(long runId, ImportRunState state, int created, int unchanged, int updated, int deleted,
        int overwritten, int errors, String message) {

    public static ImportSummary of(ImportRun run) {
        return new ImportSummary(run.getId(), run.getState(), run.getCreated(), run.getUnchanged(), run.getUpdated(),
                run.getDeleted(), run.getOverwritten(), run.getErrors(), run.getFailureMessage());
    }
}
