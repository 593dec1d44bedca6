package org.carebridge.integration;

import java.util.List;

/**
 * What a sync conversation needs from the rest of the server; {@link SyncService} in the
 * container, a recording stand-in in tests. Every method is its own transaction.
 */
public interface SyncPort {

    /**
     * The id of the enabled integration whose key answers {@code challenge} this way, or
     * {@code null}. Refusals are logged here, without the answer or the key.
     */
    Long authenticate(String integrationUserId, String challenge, String response, SystemKind systemKind);

    void heartbeat(long integrationId);

    /** Applies a complete run as one unit and finishes it. */
    ImportSummary apply(long runId, List<SyncContact> contacts);

    /** Finishes a run as failed; nothing of it is applied. */
    ImportSummary fail(long runId, String message);

    /** A badge's answer to a multiple-choice message; {@code false} when no such message awaits one. */
    boolean badgeAnswer(long integrationId, SyncFrame.BadgeAnswer answer);

    void linkedStatus(long integrationId, SyncFrame.LinkedStatus status);
}
