package org.carebridge.integration;

import java.util.ArrayList;
import java.util.List;

/** A {@link SyncPort} that accepts one key and records what it was asked to do. */
final class RecordingSyncPort implements SyncPort {

    static final String ID = "cb-testintegration";
    static final String KEY = "the-shared-key-of-the-test-integration";

    final List<String> calls = new ArrayList<>();
    final List<List<SyncContact>> applied = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
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

    @Override
    public boolean badgeAnswer(long integrationId, SyncFrame.BadgeAnswer answer) {
        calls.add("badgeAnswer");
        return false;
    }

    @Override
    public void linkedStatus(long integrationId, SyncFrame.LinkedStatus status) {
        calls.add("linkedStatus");
    }

    /** Whether anything but refused sign-ins, heartbeats and failed runs happened: i.e. anything changed. */
    boolean changedSomething() {
        return calls.stream().anyMatch(c -> c.equals("apply") || c.equals("linkedStatus"));
    }
}
