package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messaging against the real WAR on Payara Micro (PostgreSQL) with real WebSocket clients:
 * send → delivered → read over the event socket, replay in order after a reconnect with a gap,
 * idempotent retries (also two at once), group expansion, unreachable recipients refused,
 * multiple-choice answers, expiry by the sender's organization across two organizations with
 * the expiry event, malformed frames, and tenant isolation of every endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessagingIT {

    private static ItData data;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<WebSocket> sockets = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    private String base;
    private Organization hospital;
    private Organization practice;
    private User alice;
    private User amir;
    private User bob;
    private User carol;

    @BeforeAll
    static void connect() {
        data = new ItData();
    }

    @AfterAll
    static void disconnect() {
        data.close();
    }

    @BeforeEach
    void arrange() {
        base = Deployments.loopback(deployed);
        Deployments.awaitReady(base);
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Mercy Hospital"), "(408) 882-5830");
        practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Elm Practice"), "(408) 882-5831");
        Organization stranger = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Faraway Hospital"),
                "(408) 882-5832");
        data.transaction(em -> {
            em.find(Organization.class, hospital.getId()).changeMessageExpiration(30);
            em.find(Organization.class, practice.getId()).changeMessageExpiration(24 * 60);
            return null;
        });
        data.affiliate(hospital, practice);
        alice = data.member(hospital, ItData.uniqueEmail("alice"));
        amir = data.member(hospital, ItData.uniqueEmail("amir"));
        bob = data.member(practice, ItData.uniqueEmail("bob"));
        carol = data.member(stranger, ItData.uniqueEmail("carol"));
    }

    @org.junit.jupiter.api.AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::abort);
    }

    // --- helpers -------------------------------------------------------------------------

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return new ClientApi(http, base).call(method, path, token, body);
    }

    private static JsonObject json(String text) {
        return ClientApi.json(text);
    }

    private EventCollector socket(String token, Long after) throws Exception {
        EventCollector collector = new EventCollector();
        sockets.add(EventCollector.connect(http, base, token, after, collector));
        return collector;
    }

    /** The next event of the given type, skipping presence; fails after 20 s. */
    private static JsonObject next(EventCollector events, String type) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String frame = events.next(1);
            if (frame != null && !frame.contains("\"type\":\"presence\"")) {
                JsonObject event = json(frame);
                assertEquals(type, event.getString("type"), frame);
                return event;
            }
        }
        throw new AssertionError("No " + type + " event within 20 s");
    }

    private static String startBody(String to, String clientId, String text) {
        return "{\"to\":" + to + ",\"clientMessageId\":\"" + clientId + "\",\"text\":\"" + text + "\"}";
    }

    private JsonObject start(String token, User to, String text) throws Exception {
        HttpResponse<String> sent = call("POST", "/api/v1/conversations", token,
                startBody("{\"users\":[" + to.getId() + "]}", UUID.randomUUID().toString(), text));
        assertEquals(201, sent.statusCode(), sent.body());
        return json(sent.body());
    }

    private JsonObject write(String token, long conversationId, String text) throws Exception {
        HttpResponse<String> sent = call("POST", "/api/v1/conversations/" + conversationId + "/messages", token,
                "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}");
        assertEquals(201, sent.statusCode(), sent.body());
        return json(sent.body());
    }

    // --- tests ---------------------------------------------------------------------------

    @Test
    void aMessageTravelsSentDeliveredReadOverRealSockets() throws Exception {
        String aliceToken = data.clientToken(alice);
        String bobToken = data.clientToken(bob);
        EventCollector toAlice = socket(aliceToken, null);
        EventCollector toBob = socket(bobToken, null);
        assertEquals(0, json(toBob.ready.get(20, TimeUnit.SECONDS)).getJsonObject("payload").getInt("lastSequence"));

        JsonObject started = start(aliceToken, bob, "Bed 12 is ready for review");
        long messageId = started.getJsonObject("message").getJsonNumber("id").longValue();
        long conversationId = started.getJsonObject("conversation").getJsonNumber("id").longValue();
        assertTrue(started.getJsonObject("message").getString("expiresAt").length() > 0);

        JsonObject arrived = next(toBob, "message");
        long sequence = arrived.getJsonNumber("sequence").longValue();
        assertEquals(1, sequence);
        assertEquals("Bed 12 is ready for review", arrived.getJsonObject("payload").getString("text"));
        assertEquals("SENT", arrived.getJsonObject("payload").getString("state"));
        assertEquals(messageId, next(toAlice, "message").getJsonObject("payload").getJsonNumber("id").longValue(),
                "the sender's other devices see it too");

        sockets.get(1).sendText("{\"type\":\"ack\",\"sequence\":" + sequence + "}", true).get(10, TimeUnit.SECONDS);
        JsonObject delivered = next(toAlice, "receipt");
        assertEquals("DELIVERED", delivered.getJsonObject("payload").getString("state"));
        assertEquals(bob.getId(), delivered.getJsonObject("payload").getJsonNumber("recipientId").longValue());

        HttpResponse<String> read = call("POST", "/api/v1/conversations/" + conversationId + "/read", bobToken,
                "{\"messageIds\":[" + messageId + "]}");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("{\"changed\":1}", read.body());
        assertEquals("READ", next(toAlice, "receipt").getJsonObject("payload").getString("state"));
        assertEquals("receipt", next(toBob, "receipt").getString("type"), "Bob's other devices clear the unread count");

        JsonObject asSender = json(call("GET", "/api/v1/messages/" + messageId, aliceToken, null).body());
        assertEquals("READ", asSender.getJsonArray("recipients").getJsonObject(0).getString("state"));
        JsonObject bobsList = json(call("GET", "/api/v1/conversations", bobToken, null).body());
        assertEquals(0, bobsList.getJsonArray("conversations").getJsonObject(0).getInt("unread"));

        sockets.get(1).sendText("{\"type\":\"ping\"}", true).get(10, TimeUnit.SECONDS);
        assertEquals("{\"type\":\"pong\"}", toBob.next(20));
    }

    @Test
    void aClientThatReconnectsAfterAGapReceivesEverythingInOrderOnce() throws Exception {
        String aliceToken = data.clientToken(alice);
        String bobToken = data.clientToken(bob);
        EventCollector first = socket(bobToken, null);
        first.ready.get(20, TimeUnit.SECONDS);
        long conversationId = start(aliceToken, bob, "Message 0").getJsonObject("conversation")
                .getJsonNumber("id").longValue();
        long seen = next(first, "message").getJsonNumber("sequence").longValue();
        sockets.remove(0).sendClose(WebSocket.NORMAL_CLOSURE, "going offline").get(10, TimeUnit.SECONDS);

        for (int i = 1; i <= 3; i++) {
            write(aliceToken, conversationId, "Message " + i);
        }
        EventCollector again = socket(bobToken, seen);
        assertEquals(seen + 3, json(again.ready.get(20, TimeUnit.SECONDS)).getJsonObject("payload")
                .getInt("lastSequence"));
        for (int i = 1; i <= 3; i++) {
            JsonObject event = next(again, "message");
            assertEquals(seen + i, event.getJsonNumber("sequence").longValue());
            assertEquals("Message " + i, event.getJsonObject("payload").getString("text"));
        }
        write(aliceToken, conversationId, "Message 4");
        assertEquals(seen + 4, next(again, "message").getJsonNumber("sequence").longValue(), "then live, no gap");
        assertNull(again.next(1), "nothing twice");

        HttpResponse<String> replayed = call("GET", "/api/v1/events?after=" + seen + "&limit=2", bobToken, null);
        assertEquals(200, replayed.statusCode(), replayed.body());
        JsonObject page = json(replayed.body());
        assertEquals(2, page.getJsonArray("events").size());
        assertEquals(seen + 1, page.getJsonArray("events").getJsonObject(0).getJsonNumber("sequence").longValue());
        assertEquals(seen + 4, page.getJsonNumber("lastSequence").longValue());
        assertEquals(204, call("POST", "/api/v1/events/ack", bobToken, "{\"sequence\":" + (seen + 4) + "}")
                .statusCode());
        JsonObject history = json(call("GET", "/api/v1/conversations/" + conversationId + "/messages", aliceToken,
                null).body());
        assertEquals(5, history.getJsonArray("messages").size());
        history.getJsonArray("messages").getValuesAs(JsonObject.class).forEach(m -> assertEquals("DELIVERED",
                m.getJsonArray("recipients").getJsonObject(0).getString("state"), m.toString()));
        assertEquals(400, call("POST", "/api/v1/events/ack", bobToken, "{\"sequence\":99999}").statusCode());
        JsonObject ahead = json(call("GET", "/api/v1/events?after=99999", bobToken, null).body());
        assertTrue(ahead.getBoolean("resync"), ahead.toString());
    }

    @Test
    void aRetriedSendNeverCreatesASecondMessageEvenWhenBothArriveAtOnce() throws Exception {
        String aliceToken = data.clientToken(alice);
        String clientId = UUID.randomUUID().toString();
        String body = startBody("{\"users\":[" + bob.getId() + "]}", clientId, "Only once");
        HttpResponse<String> first = call("POST", "/api/v1/conversations", aliceToken, body);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> retry = call("POST", "/api/v1/conversations", aliceToken, body);
        assertEquals(200, retry.statusCode(), retry.body());
        long messageId = json(first.body()).getJsonObject("message").getJsonNumber("id").longValue();
        assertEquals(messageId, json(retry.body()).getJsonObject("message").getJsonNumber("id").longValue());

        long conversationId = json(first.body()).getJsonObject("conversation").getJsonNumber("id").longValue();
        String racing = "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Racing\"}";
        List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/" + conversationId
                    + "/messages")).header("Authorization", "Bearer " + aliceToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(racing))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Long> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : both) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
            ids.add(json(response.body()).getJsonNumber("id").longValue());
        }
        assertEquals(ids.get(0), ids.get(1));
        JsonObject history = json(call("GET", "/api/v1/conversations/" + conversationId + "/messages",
                data.clientToken(bob), null).body());
        assertEquals(2, history.getJsonArray("messages").size(), history.toString());

        HttpResponse<String> reused = call("POST", "/api/v1/conversations", aliceToken,
                startBody("{\"users\":[" + bob.getId() + "]}", clientId, "Different text"));
        assertEquals(409, reused.statusCode(), reused.body());
        assertTrue(reused.body().contains("/problems/client-message-id-reused"), reused.body());
    }

    @Test
    void groupsExpandToTheirMembersAndUnreachableRecipientsAreRefusedByName() throws Exception {
        ContactGroup nurses = data.group(hospital, ItData.unique("Nurses"), amir);
        data.transaction(em -> {
            em.find(ContactGroup.class, nurses.getId()).changeWholeGroupMessaging(true);
            return null;
        });
        String aliceToken = data.clientToken(alice);
        EventCollector toAmir = socket(data.clientToken(amir), null);
        HttpResponse<String> toGroup = call("POST", "/api/v1/conversations", aliceToken,
                startBody("{\"users\":[" + bob.getId() + "],\"groups\":[" + nurses.getId() + "]}",
                        UUID.randomUUID().toString(), "Huddle at 4"));
        assertEquals(201, toGroup.statusCode(), toGroup.body());
        assertEquals(3, json(toGroup.body()).getJsonObject("conversation").getJsonArray("participants").size());
        assertEquals("Huddle at 4", next(toAmir, "message").getJsonObject("payload").getString("text"));

        HttpResponse<String> refused = call("POST", "/api/v1/conversations", aliceToken,
                startBody("{\"users\":[" + bob.getId() + "," + carol.getId() + "]}", UUID.randomUUID().toString(),
                        "Hello"));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = json(refused.body());
        assertEquals("/problems/recipient-not-reachable", problem.getString("type"));
        assertEquals(carol.getId(), problem.getJsonArray("unreachableUsers").getJsonNumber(0).longValue());
        assertEquals(0, json(call("GET", "/api/v1/conversations", data.clientToken(carol), null).body())
                .getJsonArray("conversations").size());
        assertEquals(400, call("POST", "/api/v1/conversations", aliceToken, "{\"to\":{\"users\":[" + bob.getId()
                + "]},\"clientMessageId\":\"x\",\"text\":\"\"}").statusCode(), "empty text");
        assertEquals(400, call("POST", "/api/v1/conversations", aliceToken, "{\"to\":").statusCode(), "malformed");
    }

    @Test
    void aRecipientAnswersAMultipleChoiceMessageAndTheSenderIsTold() throws Exception {
        String aliceToken = data.clientToken(alice);
        String bobToken = data.clientToken(bob);
        EventCollector toAlice = socket(aliceToken, null);
        toAlice.ready.get(20, TimeUnit.SECONDS);
        HttpResponse<String> asked = call("POST", "/api/v1/conversations", aliceToken, "{\"to\":{\"users\":["
                + bob.getId() + "]},\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Cover Friday night?\","
                + "\"priority\":\"HIGH\",\"choices\":[\"Yes\",\"No\"]}");
        assertEquals(201, asked.statusCode(), asked.body());
        long messageId = json(asked.body()).getJsonObject("message").getJsonNumber("id").longValue();
        next(toAlice, "message");
        JsonObject listed = json(call("GET", "/api/v1/conversations", bobToken, null).body())
                .getJsonArray("conversations").getJsonObject(0);
        assertTrue(listed.getBoolean("highPriorityUnread"), listed.toString());

        HttpResponse<String> answered = call("POST", "/api/v1/messages/" + messageId + "/response", bobToken,
                "{\"choice\":1}");
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(1, json(answered.body()).getInt("response"));
        JsonObject told = next(toAlice, "receipt");
        assertEquals("READ", told.getJsonObject("payload").getString("state"));
        assertEquals(1, next(toAlice, "response").getJsonObject("payload").getInt("response"));
        assertEquals(409, call("POST", "/api/v1/messages/" + messageId + "/response", bobToken, "{\"choice\":0}")
                .statusCode(), "once");
        assertEquals(400, call("POST", "/api/v1/messages/" + messageId + "/response", bobToken, "{}").statusCode());
    }

    @Test
    void expiryFollowsTheSendersOrganizationAndClientsAreTold() throws Exception {
        String aliceToken = data.clientToken(alice);
        String bobToken = data.clientToken(bob);
        JsonObject fromAlice = start(aliceToken, bob, "From the hospital").getJsonObject("message");
        long conversationId = fromAlice.getJsonNumber("conversationId").longValue();
        JsonObject fromBob = write(bobToken, conversationId, "From the practice");
        assertEquals(Duration.ofMinutes(30), Duration.between(java.time.Instant.parse(fromAlice.getString("sentAt")),
                java.time.Instant.parse(fromAlice.getString("expiresAt"))), "the hospital's 30 minutes");
        assertEquals(Duration.ofDays(1), Duration.between(java.time.Instant.parse(fromBob.getString("sentAt")),
                java.time.Instant.parse(fromBob.getString("expiresAt"))), "the practice's day");

        EventCollector toBob = socket(bobToken, null);
        toBob.ready.get(20, TimeUnit.SECONDS);
        long aliceMessage = fromAlice.getJsonNumber("id").longValue();
        // Forty minutes later, as far as the database knows.
        data.transaction(em -> em.createNativeQuery("update message set sent_at = sent_at - interval '40 minutes',"
                + " expires_at = expires_at - interval '40 minutes' where id = ?").setParameter(1, aliceMessage)
                .executeUpdate());
        JsonObject history = json(call("GET", "/api/v1/conversations/" + conversationId + "/messages", bobToken,
                null).body());
        assertEquals(1, history.getJsonArray("messages").size(), history.toString());
        assertEquals("From the practice", history.getJsonArray("messages").getJsonObject(0).getString("text"));
        assertEquals(404, call("GET", "/api/v1/messages/" + aliceMessage, bobToken, null).statusCode());

        // The expiry timer runs every minute.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(80);
        JsonObject expired = null;
        while (expired == null && System.nanoTime() < deadline) {
            String frame = toBob.next(5);
            if (frame != null && frame.contains("\"type\":\"expired\"")) {
                expired = json(frame);
            }
        }
        assertNotNull(expired, "an expired event within the timer's minute");
        assertEquals(aliceMessage, expired.getJsonObject("payload").getJsonNumber("messageId").longValue());
        assertTrue(expired.getJsonObject("payload").getBoolean("expired"));
    }

    @Test
    void malformedFramesCloseTheSocketWithAReason() throws Exception {
        EventCollector events = socket(data.clientToken(bob), null);
        events.ready.get(20, TimeUnit.SECONDS);
        sockets.get(0).sendText("{\"type\":\"ack\",\"sequence\":\"seven\"}", true).get(10, TimeUnit.SECONDS);
        assertEquals(1003, events.closedWith.get(20, TimeUnit.SECONDS));
        assertTrue(events.closeReason.get().contains("sequence"), events.closeReason.get());

        EventCollector second = socket(data.clientToken(bob), null);
        second.ready.get(20, TimeUnit.SECONDS);
        sockets.get(1).sendText("{\"type\":\"ack\",\"sequence\":12345}", true).get(10, TimeUnit.SECONDS);
        assertEquals(1003, second.closedWith.get(20, TimeUnit.SECONDS));
        assertTrue(second.closeReason.get().contains("never sent"), second.closeReason.get());

        EventCollector third = socket(data.clientToken(bob), null);
        third.ready.get(20, TimeUnit.SECONDS);
        sockets.get(2).sendText("not json", true).get(10, TimeUnit.SECONDS);
        assertEquals(1003, third.closedWith.get(20, TimeUnit.SECONDS));
    }

    @Test
    void nobodyReachesAnotherUsersConversationsByChangingAnId() throws Exception {
        String aliceToken = data.clientToken(alice);
        JsonObject started = start(aliceToken, bob, "Between us");
        long conversationId = started.getJsonObject("conversation").getJsonNumber("id").longValue();
        long messageId = started.getJsonObject("message").getJsonNumber("id").longValue();
        for (String token : List.of(data.clientToken(carol), data.clientToken(amir))) {
            assertEquals(404, call("GET", "/api/v1/conversations/" + conversationId, token, null).statusCode());
            assertEquals(404, call("GET", "/api/v1/conversations/" + conversationId + "/messages", token, null)
                    .statusCode());
            assertEquals(404, call("POST", "/api/v1/conversations/" + conversationId + "/messages", token,
                    "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Let me in\"}").statusCode());
            assertEquals(404, call("POST", "/api/v1/conversations/" + conversationId + "/read", token,
                    "{\"messageIds\":[" + messageId + "]}").statusCode());
            assertEquals(404, call("GET", "/api/v1/messages/" + messageId, token, null).statusCode());
            assertEquals(404, call("POST", "/api/v1/messages/" + messageId + "/response", token, "{\"choice\":0}")
                    .statusCode());
            JsonObject page = json(call("GET", "/api/v1/events?after=0", token, null).body());
            assertFalse(page.toString().contains("Between us"), page.toString());
        }
        for (String[] endpoint : new String[][] {{"GET", "/api/v1/conversations"},
                {"GET", "/api/v1/conversations/" + conversationId}, {"GET", "/api/v1/messages/" + messageId},
                {"GET", "/api/v1/events?after=0"}, {"POST", "/api/v1/events/ack"}}) {
            assertEquals(401, call(endpoint[0], endpoint[1], null, endpoint[0].equals("POST") ? "{}" : null)
                    .statusCode(), endpoint[1]);
        }
    }
}
