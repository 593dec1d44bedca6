package org.carebridge.integration;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * One connector connection as a state machine, free of WebSocket and database so every rule is
 * tested alone: challenge, then exactly one {@code hello}; after that heartbeats, the pages of
 * the run the server asked for, in order, and the other connector frames. A frame that does
 * not fit throws {@link SyncRefusal}; the endpoint closes the connection and {@link #closed}
 * fails any run in progress, so a refused or broken-off connection applies nothing.
 */
public final class SyncConversation {

    enum Stage { AWAITING_HELLO, READY, CLOSED }

    private final SyncPort port;
    private final String challenge;
    private Stage stage = Stage.AWAITING_HELLO;
    private Long integrationId;
    private Run run;

    private static final class Run {
        final long id;
        final List<SyncContact> contacts = new ArrayList<>();
        int received;
        int nextSeq = 1;

        Run(long id) {
            this.id = id;
        }
    }

    public SyncConversation(SyncPort port, String challenge) {
        this.port = port;
        this.challenge = challenge;
    }

    /** The first frame the server sends. */
    public String challengeFrame() {
        return Json.createObjectBuilder().add("type", "challenge").add("protocol", SyncFrame.PROTOCOL_VERSION)
                .add("challenge", challenge).build().toString();
    }

    /**
     * Handles one text frame and returns the frames to send back.
     *
     * @throws SyncRefusal when the frame is malformed, too big, unauthenticated or out of order
     */
    public synchronized List<String> receive(String text) {
        if (stage == Stage.CLOSED) {
            throw SyncRefusal.outOfOrder("Connection is closing");
        }
        SyncFrame frame = SyncFrame.parse(text);
        if (stage == Stage.AWAITING_HELLO) {
            if (!(frame instanceof SyncFrame.Hello hello)) {
                throw new SyncRefusal(SyncRefusal.POLICY_VIOLATION, "Authenticate first: answer the challenge with hello");
            }
            if (hello.protocol() != SyncFrame.PROTOCOL_VERSION) {
                throw SyncRefusal.outOfOrder("Unsupported protocol version " + hello.protocol() + "; this server speaks "
                        + SyncFrame.PROTOCOL_VERSION);
            }
            Long id = port.authenticate(hello.integrationUserId(), challenge, hello.response(), hello.systemKind());
            if (id == null) {
                throw new SyncRefusal(SyncRefusal.POLICY_VIOLATION, "Authentication failed");
            }
            integrationId = id;
            stage = Stage.READY;
            return List.of();
        }
        if (frame instanceof SyncFrame.Heartbeat) {
            port.heartbeat(integrationId);
            return List.of();
        }
        if (frame instanceof SyncFrame.ContactsPage page) {
            return page(page);
        }
        if (frame instanceof SyncFrame.SyncFailed failed) {
            requireRun(failed.runId());
            Run ended = run;
            run = null;
            return List.of(resultFrame(port.fail(ended.id, "The on-premises system reported: " + failed.message())));
        }
        if (frame instanceof SyncFrame.BadgeAck ack) {
            return port.badgeAck(integrationId, ack)
                    .map(refusal -> List.of(refusal.frame("badge-ack", ack.messageId(), ack.externalId())))
                    .orElse(List.of());
        }
        if (frame instanceof SyncFrame.BadgeAnswer answer) {
            return port.badgeAnswer(integrationId, answer)
                    .map(refusal -> List.of(refusal.frame("badge-answer", answer.messageId(), answer.externalId())))
                    .orElse(List.of());
        }
        if (frame instanceof SyncFrame.LinkedStatus status) {
            port.linkedStatus(integrationId, status);
            return List.of();
        }
        throw SyncRefusal.outOfOrder("Already authenticated");
    }

    private List<String> page(SyncFrame.ContactsPage page) {
        requireRun(page.runId());
        if (page.seq() != run.nextSeq) {
            throw SyncRefusal.outOfOrder("Expected page " + run.nextSeq + " of run " + run.id);
        }
        run.nextSeq++;
        run.received += page.contacts().size();
        // Past the limit the rest is only counted, so an oversized run costs no memory.
        if (run.received <= ImportPlan.MAX_CONTACTS) {
            run.contacts.addAll(page.contacts());
        }
        if (!page.last()) {
            return List.of();
        }
        Run complete = run;
        run = null;
        ImportSummary summary;
        if (complete.received > ImportPlan.MAX_CONTACTS) {
            summary = port.fail(complete.id, ImportPlan.tooMany(complete.received));
        } else {
            try {
                summary = port.apply(complete.id, List.copyOf(complete.contacts));
            } catch (RuntimeException e) {
                // The apply transaction rolled back as a whole; the run is recorded as failed.
                summary = port.fail(complete.id, "The import could not be applied (" + e.getClass().getSimpleName()
                        + "). Nothing was imported.");
            }
        }
        return List.of(resultFrame(summary));
    }

    private void requireRun(long runId) {
        if (run == null || run.id != runId) {
            throw SyncRefusal.outOfOrder("Run " + runId + " was not requested or has ended");
        }
    }

    /**
     * Starts a run the server created, returning the {@code sync-request} frame to send.
     *
     * @throws IllegalStateException when the connector is not signed in or a run is in progress
     */
    public synchronized String startRun(long runId) {
        if (stage != Stage.READY) {
            throw new IllegalStateException("The connector is not signed in");
        }
        if (run != null) {
            throw new IllegalStateException("Run " + run.id + " is in progress");
        }
        run = new Run(runId);
        return Json.createObjectBuilder().add("type", "sync-request").add("runId", runId)
                .add("pageSize", SyncFrame.MAX_CONTACTS_PER_PAGE).build().toString();
    }

    /** The connection is gone: a run in progress fails and nothing of it is applied. */
    public synchronized void closed(String why) {
        stage = Stage.CLOSED;
        if (run != null) {
            Run lost = run;
            run = null;
            port.fail(lost.id, "The connection to the on-premises system was lost after " + lost.received
                    + " contacts (" + why + "). Nothing was imported.");
        }
    }

    public synchronized boolean isAuthenticated() {
        return stage == Stage.READY;
    }

    public synchronized boolean isRunning() {
        return run != null;
    }

    public synchronized Long integrationId() {
        return integrationId;
    }

    public static String resultFrame(ImportSummary s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "sync-result").add("runId", s.runId())
                .add("state", s.state().name()).add("created", s.created()).add("unchanged", s.unchanged())
                .add("updated", s.updated()).add("deleted", s.deleted()).add("overwritten", s.overwritten())
                .add("errors", s.errors());
        if (s.message() != null) {
            b.add("message", s.message());
        }
        return b.build().toString();
    }
}
