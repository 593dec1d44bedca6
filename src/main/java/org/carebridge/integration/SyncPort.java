package org.carebridge.integration;

import java.util.List;
import java.util.Optional;

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

    /** The connector took a badge message; a refusal (unknown message) changes nothing. */
    Optional<BadgeRefusal> badgeAck(long integrationId, SyncFrame.BadgeAck ack);

    /**
     * A badge user's answer to a multiple-choice message, recorded for the recipient; a refusal
     * (unknown message, expired, answered already, not a choice) changes nothing.
     */
    Optional<BadgeRefusal> badgeAnswer(long integrationId, SyncFrame.BadgeAnswer answer);

    void linkedStatus(long integrationId, SyncFrame.LinkedStatus status);
}
