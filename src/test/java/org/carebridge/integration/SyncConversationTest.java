package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class SyncConversationTest {

    private final RecordingSyncPort port = new RecordingSyncPort();
    private final String challenge = SyncHandshake.newChallenge();
    private final SyncConversation conversation = new SyncConversation(port, challenge);

    private String hello(String id, String key) {
        return Json.createObjectBuilder().add("type", "hello").add("protocol", 1).add("integrationUserId", id)
                .add("response", SyncHandshake.answer(key, challenge, id)).build().toString();
    }

    private void signIn() {
        assertEquals(List.of(), conversation.receive(hello(RecordingSyncPort.ID, RecordingSyncPort.KEY)));
        assertTrue(conversation.isAuthenticated());
    }

    static String page(long runId, int seq, boolean last, int from, int count) {
        JsonArrayBuilder contacts = Json.createArrayBuilder();
        for (int i = from; i < from + count; i++) {
            contacts.add(Json.createObjectBuilder().add("externalId", "e" + i).add("firstName", "F" + i)
                    .add("lastName", "L" + i).add("guestAccessNumber", "4085550100").add("deskPhone", "" + i));
        }
        return Json.createObjectBuilder().add("type", "contacts").add("runId", runId).add("seq", seq).add("last", last)
                .add("contacts", contacts).build().toString();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theChallengeFrameCarriesTheVersionAndTheChallenge() {
        JsonObject frame = json(conversation.challengeFrame());
        assertEquals("challenge", frame.getString("type"));
        assertEquals(1, frame.getInt("protocol"));
        assertEquals(challenge, frame.getString("challenge"));
    }

    @Test
    void aWrongKeyAnUnknownIdOrAReplayedAnswerIsRefused() {
        SyncRefusal wrongKey = assertThrows(SyncRefusal.class, () -> conversation.receive(hello(RecordingSyncPort.ID, "guess")));
        assertEquals(SyncRefusal.POLICY_VIOLATION, wrongKey.code());
        assertEquals("Authentication failed", wrongKey.reason());

        SyncConversation other = new SyncConversation(port, SyncHandshake.newChallenge());
        // The answer to this conversation's challenge, replayed on another connection.
        assertThrows(SyncRefusal.class, () -> other.receive(hello(RecordingSyncPort.ID, RecordingSyncPort.KEY)));
        assertFalse(other.isAuthenticated());
        assertFalse(port.changedSomething());
    }

    @Test
    void nothingButHelloIsAcceptedBeforeSigningInAndHelloOnlyOnce() {
        SyncRefusal early = assertThrows(SyncRefusal.class, () -> conversation.receive("{\"type\":\"heartbeat\"}"));
        assertEquals(SyncRefusal.POLICY_VIOLATION, early.code());
        SyncConversation fresh = new SyncConversation(port, challenge);
        fresh.receive(hello(RecordingSyncPort.ID, RecordingSyncPort.KEY));
        assertEquals(SyncRefusal.PROTOCOL_ERROR, assertThrows(SyncRefusal.class,
                () -> fresh.receive(hello(RecordingSyncPort.ID, RecordingSyncPort.KEY))).code());
        String v2 = hello(RecordingSyncPort.ID, RecordingSyncPort.KEY).replace("\"protocol\":1", "\"protocol\":2");
        SyncRefusal version = assertThrows(SyncRefusal.class, () -> new SyncConversation(port, challenge).receive(v2));
        assertTrue(version.reason().contains("this server speaks 1"), version.reason());
    }

    @Test
    void aRunIsAppliedOnceItsLastPageArrivesInOrder() {
        signIn();
        JsonObject request = json(conversation.startRun(41));
        assertEquals("sync-request", request.getString("type"));
        assertEquals(41, request.getInt("runId"));
        assertThrows(IllegalStateException.class, () -> conversation.startRun(42), "one run at a time");
        assertEquals(List.of(), conversation.receive(page(41, 1, false, 0, 500)));
        conversation.receive("{\"type\":\"heartbeat\"}");
        assertTrue(port.applied.isEmpty(), "nothing is applied before the last page");
        List<String> result = conversation.receive(page(41, 2, true, 500, 20));
        assertEquals(520, port.applied.get(0).size());
        JsonObject summary = json(result.get(0));
        assertEquals("sync-result", summary.getString("type"));
        assertEquals("SUCCEEDED", summary.getString("state"));
        assertEquals(1, port.heartbeats);
        assertFalse(conversation.isRunning());
    }

    @Test
    void pagesOutOfOrderOrForAnotherRunCloseTheConnectionAndTheRunFails() {
        signIn();
        assertThrows(SyncRefusal.class, () -> conversation.receive(page(5, 1, true, 0, 1)), "no run requested");
        conversation.startRun(6);
        conversation.receive(page(6, 1, false, 0, 3));
        SyncRefusal skipped = assertThrows(SyncRefusal.class, () -> conversation.receive(page(6, 3, true, 3, 3)));
        assertEquals(SyncRefusal.PROTOCOL_ERROR, skipped.code());
        conversation.closed("refused");
        assertEquals(List.of("fail"), port.calls.subList(1, port.calls.size()));
        assertTrue(port.failures.get(0).contains("lost after 3 contacts"), port.failures.get(0));
        assertTrue(port.applied.isEmpty());
    }

    @Test
    void aRunBrokenOffMidwayFailsAndAppliesNothing() {
        signIn();
        conversation.startRun(8);
        conversation.receive(page(8, 1, false, 0, 10));
        conversation.closed("close code 1006");
        assertTrue(port.applied.isEmpty());
        assertEquals(1, port.failures.size());
        assertTrue(port.failures.get(0).contains("Nothing was imported"));
    }

    @Test
    void moreThanFiveThousandContactsFailTheRunWithACountAndApplyNothing() {
        signIn();
        conversation.startRun(9);
        for (int seq = 1; seq <= 10; seq++) {
            conversation.receive(page(9, seq, false, (seq - 1) * 500, 500));
        }
        JsonObject result = json(conversation.receive(page(9, 11, true, 5000, 1)).get(0));
        assertEquals("FAILED", result.getString("state"));
        assertTrue(result.getString("message").contains("sent 5,001 contacts"), result.getString("message"));
        assertTrue(port.applied.isEmpty());
    }

    @Test
    void anApplyThatFailsIsRecordedAsAFailedRun() {
        signIn();
        port.applyFails = new IllegalStateException("database gone");
        conversation.startRun(10);
        JsonObject result = json(conversation.receive(page(10, 1, true, 0, 2)).get(0));
        assertEquals("FAILED", result.getString("state"));
        assertEquals(List.of("authenticate", "apply", "fail"), port.calls);
    }

    @Test
    void theConnectorMayReportAFailedReadOfItsSystem() {
        signIn();
        conversation.startRun(11);
        JsonObject result = json(conversation.receive(
                "{\"type\":\"sync-failed\",\"runId\":11,\"message\":\"voice server unreachable\"}").get(0));
        assertEquals("FAILED", result.getString("state"));
        assertTrue(result.getString("message").contains("voice server unreachable"));
    }

    private static final String ACK = "{\"type\":\"badge-ack\",\"messageId\":\"41\",\"externalId\":\"e1\"}";

    private static String answer(String messageId, String externalId, String choice) {
        return Json.createObjectBuilder().add("type", "badge-answer").add("messageId", messageId)
                .add("externalId", externalId).add("choice", choice).build().toString();
    }

    @Test
    void badgeFramesBeforeSigningInCloseTheConnectionAndChangeNothing() {
        for (String frame : List.of(ACK, answer("41", "e1", "Yes"))) {
            SyncConversation fresh = new SyncConversation(port, challenge);
            SyncRefusal refused = assertThrows(SyncRefusal.class, () -> fresh.receive(frame));
            assertEquals(SyncRefusal.POLICY_VIOLATION, refused.code());
        }
        assertFalse(port.changedSomething());
    }

    @Test
    void anAcknowledgementAndAnAnswerAreTakenAndRefusalsComeBackAsErrorFramesOnAnOpenConnection() {
        signIn();
        assertEquals(List.of(), conversation.receive(ACK));
        JsonObject notAChoice = json(conversation.receive(answer("41", "e1", "Maybe")).get(0));
        assertEquals("error", notAChoice.getString("type"));
        assertEquals("badge-answer", notAChoice.getString("frame"));
        assertEquals("41", notAChoice.getString("messageId"));
        assertEquals("e1", notAChoice.getString("externalId"));
        assertEquals("NOT_A_CHOICE", notAChoice.getString("code"));
        assertEquals("UNKNOWN_MESSAGE", json(conversation.receive(answer("42", "e1", "Yes")).get(0)).getString("code"));
        assertEquals("UNKNOWN_MESSAGE", json(conversation.receive(answer("41", "e2", "Yes")).get(0)).getString("code"),
                "another badge user's copy");
        JsonObject unknownAck = json(conversation.receive(
                "{\"type\":\"badge-ack\",\"messageId\":\"9\",\"externalId\":\"e1\"}").get(0));
        assertEquals("badge-ack", unknownAck.getString("frame"));
        assertEquals(List.of(), port.answers, "refusals change nothing");

        assertEquals(List.of(), conversation.receive(answer("41", "e1", "Yes")));
        assertEquals("ALREADY_ANSWERED", json(conversation.receive(answer("41", "e1", "No")).get(0)).getString("code"));
        assertEquals(List.of("Yes"), port.answers, "once per recipient");
        assertTrue(conversation.isAuthenticated(), "refused answers keep the connection open");
        conversation.receive("{\"type\":\"heartbeat\"}");
        assertEquals(1, port.heartbeats);
    }

    @Test
    void badgeFramesMayArriveInTheMiddleOfARunWithoutDisturbingIt() {
        signIn();
        conversation.startRun(12);
        conversation.receive(page(12, 1, false, 0, 3));
        assertEquals(List.of(), conversation.receive(ACK));
        assertEquals(List.of(), conversation.receive(answer("41", "e1", "No")));
        JsonObject result = json(conversation.receive(page(12, 2, true, 3, 2)).get(0));
        assertEquals("SUCCEEDED", result.getString("state"));
        assertEquals(5, port.applied.get(0).size());
    }

    @Test
    void malformedBadgeFramesCloseTheConnectionAndChangeNothing() {
        signIn();
        List<String> malformed = List.of(
                "{\"type\":\"badge-ack\",\"messageId\":\"41\"}",
                "{\"type\":\"badge-ack\",\"messageId\":41,\"externalId\":\"e1\"}",
                "{\"type\":\"badge-ack\",\"messageId\":\"41\",\"externalId\":\"e1\",\"choice\":\"Yes\"}",
                "{\"type\":\"badge-answer\",\"messageId\":\"41\",\"externalId\":\"e1\"}",
                "{\"type\":\"badge-answer\",\"messageId\":\"41\",\"externalId\":\"e1\",\"choice\":\" \"}",
                answer("41", "e1", "Y".repeat(201)),
                answer("4".repeat(65), "e1", "Yes"),
                answer("41", "e".repeat(SyncContact.EXTERNAL_ID_MAX + 1), "Yes"));
        for (String frame : malformed) {
            SyncConversation other = new SyncConversation(port, challenge);
            other.receive(hello(RecordingSyncPort.ID, RecordingSyncPort.KEY));
            SyncRefusal refused = assertThrows(SyncRefusal.class, () -> other.receive(frame), frame);
            assertEquals(SyncRefusal.UNSUPPORTED_DATA, refused.code(), frame);
        }
        assertFalse(port.changedSomething());
    }

    /**
     * Property: random and mangled badge frames on a signed-in connection are each refused (the
     * connection closes), or taken, or answered with an error frame that keeps it open; an answer
     * is recorded at most once and only with an offered choice, and no import is touched.
     */
    @Test
    void randomBadgeFramesAreRefusedOrAnsweredAndRecordAtMostOneValidAnswer() {
        Random random = new Random(20261125);
        String[] valid = {ACK, answer("41", "e1", "Yes"), answer("41", "e1", "No"), answer("41", "e1", "Maybe"),
            answer("42", "e1", "Yes")};
        int refused = 0;
        int errors = 0;
        for (int trial = 0; trial < 3000; trial++) {
            RecordingSyncPort fuzzPort = new RecordingSyncPort();
            String fuzzChallenge = SyncHandshake.newChallenge();
            SyncConversation fuzzed = new SyncConversation(fuzzPort, fuzzChallenge);
            fuzzed.receive(Json.createObjectBuilder().add("type", "hello").add("protocol", 1)
                    .add("integrationUserId", RecordingSyncPort.ID)
                    .add("response", SyncHandshake.answer(RecordingSyncPort.KEY, fuzzChallenge, RecordingSyncPort.ID))
                    .build().toString());
            for (int frames = 0; frames < 3; frames++) {
                String frame = random.nextBoolean() ? valid[random.nextInt(valid.length)]
                        : mangle(valid[random.nextInt(valid.length)], random);
                try {
                    List<String> replies = fuzzed.receive(frame);
                    for (String reply : replies) {
                        assertEquals("error", json(reply).getString("type"), reply);
                        errors++;
                    }
                } catch (SyncRefusal expected) {
                    refused++;
                    assertTrue(expected.code() >= 1000 && expected.reason().length() <= 120);
                    break;
                }
            }
            fuzzed.closed("fuzz");
            assertTrue(fuzzPort.answers.size() <= 1, "one answer at most: " + fuzzPort.answers);
            assertTrue(List.of("Yes", "No").containsAll(fuzzPort.answers), "offered choices only: " + fuzzPort.answers);
            assertTrue(fuzzPort.applied.isEmpty() && fuzzPort.failures.isEmpty());
        }
        assertTrue(refused > 1000, "mangled frames are refused: " + refused);
        assertTrue(errors > 500, "well-formed but unfitting frames get error frames: " + errors);
    }

    /**
     * Property: whatever random or mangled frames arrive, before or after signing in and in the
     * middle of a run, each is either refused (the endpoint then closes the connection) or one
     * of the harmless valid frames; and once the connection closes nothing was applied.
     */
    @Test
    void randomFramesChangeNothingAndCloseTheConnection() {
        Random random = new Random(20261124);
        String[] valid = {
            "{\"type\":\"heartbeat\"}",
            page(77, 1, false, 0, 2),
            "{\"type\":\"contacts\",\"runId\":77,\"seq\":1,\"last\":true,\"contacts\":[]}",
            "{\"type\":\"hello\",\"protocol\":1,\"integrationUserId\":\"cb-x\",\"response\":\"AAAA\"}",
            "{\"type\":\"linked-status\",\"statuses\":[{\"externalId\":\"e1\",\"state\":\"DND\"}]}",
            "{\"type\":\"sync-failed\",\"runId\":77,\"message\":\"x\"}",
            ACK,
            answer("41", "e1", "Yes"),
        };
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            RecordingSyncPort fuzzPort = new RecordingSyncPort();
            String fuzzChallenge = SyncHandshake.newChallenge();
            SyncConversation fuzzed = new SyncConversation(fuzzPort, fuzzChallenge);
            boolean signedIn = trial % 2 == 1;
            if (signedIn) {
                fuzzed.receive(Json.createObjectBuilder().add("type", "hello").add("protocol", 1)
                        .add("integrationUserId", RecordingSyncPort.ID)
                        .add("response", SyncHandshake.answer(RecordingSyncPort.KEY, fuzzChallenge, RecordingSyncPort.ID))
                        .build().toString());
                fuzzed.startRun(77);
            }
            String frame = mangle(valid[random.nextInt(valid.length)], random);
            try {
                fuzzed.receive(frame);
            } catch (SyncRefusal expected) {
                refused++;
                assertTrue(expected.code() >= 1000 && expected.reason().length() <= 120);
            }
            fuzzed.closed("fuzz");
            assertTrue(fuzzPort.applied.isEmpty() || frame.contains("\"last\":true"),
                    "only a well-formed last page of the requested run applies: " + frame);
            if (!signedIn) {
                assertFalse(fuzzPort.changedSomething(), "nothing changes before signing in: " + frame);
            }
        }
        assertTrue(refused > 2000, "most mangled frames are refused: " + refused);
    }

    private static String mangle(String frame, Random random) {
        StringBuilder sb = new StringBuilder(frame);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int kind = random.nextInt(7);
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (kind) {
                case 0 -> { if (sb.length() > 0) { sb.deleteCharAt(at); } }
                case 1 -> sb.insert(at, (char) random.nextInt(0x3000));
                case 2 -> { if (sb.length() > 0) { String noise = "{}[]\",:0-9aZ\\ "; sb.setCharAt(at, noise.charAt(random.nextInt(noise.length()))); } }
                case 3 -> sb.setLength(at);
                case 4 -> sb.insert(at, "\"extra\":1,");
                case 5 -> { return randomBytes(random); }
                default -> sb.replace(0, sb.length(), sb.toString().replace("77", String.valueOf(random.nextInt(100))));
            }
        }
        return sb.toString();
    }

    private static String randomBytes(Random random) {
        char[] chars = new char[random.nextInt(200)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(128);
        }
        return new String(chars);
    }

    @Test
    void closingWithoutARunFailsNothing() {
        signIn();
        conversation.closed("bye");
        assertEquals(List.of("authenticate"), port.calls);
        assertThrows(SyncRefusal.class, () -> conversation.receive("{\"type\":\"heartbeat\"}"));
        List<String> none = new ArrayList<>();
        assertEquals(none, port.failures);
    }
}
