package org.carebridge.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link SyncPort} that accepts one key and records what it was asked to do. */
final class RecordingSyncPort implements SyncPort {

    static final String ID = "cb-testintegration";
    static final String KEY = "the-shared-key-of-the-test-integration";
    static final String MESSAGE = "41";
    static final String BADGE = "e1";

    final List<String> calls = new ArrayList<>();
    final List<List<SyncContact>> applied = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    int heartbeats;
    RuntimeException applyFails;

    @Override
    public Long authenticate(String integrationUserId, String challenge, String response, SystemKind systemKind) {
        calls.add("authenticate");
        return ID.equals(integrationUserId) && SyncHandshake.verify(KEY, challenge, integrationUserId, response) ? 7L : null;
    }

    @Override
    public void heartbeat(long integrationId) {
        heartbeats++;
    }

    @Override
    public ImportSummary apply(long runId, List<SyncContact> contacts) {
        calls.add("apply");
        if (applyFails != null) {
            throw applyFails;
        }
        applied.add(contacts);
        return new ImportSummary(runId, ImportRunState.SUCCEEDED, contacts.size(), 0, 0, 0, 0, 0, null);
    }

    @Override
    public ImportSummary fail(long runId, String message) {
        calls.add("fail");
        failures.add(message);
        return new ImportSummary(runId, ImportRunState.FAILED, 0, 0, 0, 0, 0, 0, message);
    }

    /** Acknowledges and answers only message {@link #MESSAGE} for badge user {@link #BADGE}: Yes or No, once. */
    @Override
    public Optional<BadgeRefusal> badgeAck(long integrationId, SyncFrame.BadgeAck ack) {
        if (!MESSAGE.equals(ack.messageId()) || !BADGE.equals(ack.externalId())) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.UNKNOWN_MESSAGE));
        }
        calls.add("badgeAck");
        return Optional.empty();
    }

    @Override
    public Optional<BadgeRefusal> badgeAnswer(long integrationId, SyncFrame.BadgeAnswer answer) {
        if (!MESSAGE.equals(answer.messageId()) || !BADGE.equals(answer.externalId())) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.UNKNOWN_MESSAGE));
        }
        if (!List.of("Yes", "No").contains(answer.choice())) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.NOT_A_CHOICE));
        }
        if (!answers.isEmpty()) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.ALREADY_ANSWERED));
        }
        calls.add("badgeAnswer");
        answers.add(answer.choice());
        return Optional.empty();
    }

    @Override
    public void linkedStatus(long integrationId, SyncFrame.LinkedStatus status) {
        calls.add("linkedStatus");
    }

    /** Whether anything but refused sign-ins, heartbeats and failed runs happened: i.e. anything changed. */
    boolean changedSomething() {
        return calls.stream().anyMatch(c -> c.equals("apply") || c.equals("linkedStatus") || c.equals("badgeAck")
                || c.equals("badgeAnswer"));
    }
}
