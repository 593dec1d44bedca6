package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carebridge.device.Device;
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
 * The directory and presence parts of the client API against the real WAR on Payara Micro
 * (PostgreSQL): the directory's JSON (never a cell number), bearer tokens required, other
 * organizations' ids refused, sync tokens, and presence changes over a real WebSocket reaching
 * a user who may reach the changed one and not a user who may not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryIT {

    private static final String CELL = "(408) 555-0142";
    private static ItData data;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    private String base;
    private Organization hospital;
    private Organization practice;
    private Organization stranger;
    private User alice;
    private User bob;
    private User carol;
    private User carolsColleague;

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
        stranger = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Faraway Hospital"), "(408) 882-5832");
        data.affiliate(hospital, practice);
        alice = data.member(hospital, ItData.uniqueEmail("alice"));
        bob = data.member(practice, ItData.uniqueEmail("bob"));
        carol = data.member(stranger, ItData.uniqueEmail("carol"));
        carolsColleague = data.member(stranger, ItData.uniqueEmail("dave"));
        data.transaction(em -> {
            em.find(User.class, alice.getId()).setCellPhone(CELL);
            em.find(User.class, bob.getId()).setCellPhone(CELL);
            return null;
        });
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return new ClientApi(http, base).call(method, path, token, body);
    }

    @Test
    void theDirectoryListsReachablePeopleWithoutPrivateNumbers() throws Exception {
        String token = data.clientToken(alice);
        HttpResponse<String> page = send("GET", "/api/v1/directory", token, null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String json = page.body();
        assertTrue(json.contains("\"id\":" + bob.getId() + ","), json);
        assertTrue(json.contains("\"kind\":\"native\""), json);
        assertTrue(json.contains("\"organizationName\":\"" + practice.getName() + "\""), json);
        assertTrue(json.contains("\"status\":\"Available\""), json);
        assertTrue(json.contains("\"syncToken\":\""), json);
        assertFalse(json.contains("\"id\":" + carol.getId() + ","), "another hospital's user is not listed: " + json);
        assertFalse(json.toLowerCase().contains("cell"), json);
        assertFalse(json.contains("555-0142"), json);
        assertFalse(json.contains("@it.test"), "no e-mail addresses: " + json);

        HttpResponse<String> search = send("GET", "/api/v1/directory?q=" + bob.getLastName().split(" ")[1]
                + "&limit=5", token, null);
        assertEquals(200, search.statusCode(), search.body());
        assertTrue(search.body().contains("\"id\":" + bob.getId() + ","), search.body());

        HttpResponse<String> tooMany = send("GET", "/api/v1/directory?limit=100000", token, null);
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void everyDirectoryCallNeedsAnActiveToken() throws Exception {
        for (String path : new String[] {"/api/v1/directory", "/api/v1/directory/changes?since=x"}) {
            HttpResponse<String> none = send("GET", path, null, null);
            assertEquals(401, none.statusCode(), path);
            assertTrue(none.body().contains("/problems/invalid-token"), none.body());
            assertEquals(401, send("GET", path, "not-a-token", null).statusCode(), path);
        }
        assertEquals(401, send("PUT", "/api/v1/presence", null, "{\"status\":\"Busy\"}").statusCode());
        assertEquals(401, send("PUT", "/api/v1/directory/favorites/" + bob.getId(), null, null).statusCode());
        ExecutionException refused = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
                .subprotocols("carebridge.v1", "bearer.not-a-token")
                .buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/events"), new EventCollector())
                .get(20, TimeUnit.SECONDS));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(401, handshake.getResponse().statusCode());
    }

    @Test
    void otherOrganizationsIdsAndTokensAreRefused() throws Exception {
        String token = data.clientToken(alice);
        HttpResponse<String> foreign = send("PUT", "/api/v1/directory/favorites/" + carol.getId(), token, null);
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("/problems/not-found"), foreign.body());
        assertEquals(404, send("DELETE", "/api/v1/directory/favorites/" + carol.getId(), token, null).statusCode());
        assertEquals(204, send("PUT", "/api/v1/directory/favorites/" + bob.getId(), token, null).statusCode());
        String first = send("GET", "/api/v1/directory?limit=1", token, null).body();
        assertTrue(first.contains("\"id\":" + bob.getId() + ",") && first.contains("\"favorite\":true"), first);

        String aliceSync = syncToken(send("GET", "/api/v1/directory", token, null).body());
        HttpResponse<String> stolen = send("GET", "/api/v1/directory/changes?since=" + aliceSync,
                data.clientToken(carol), null);
        assertEquals(410, stolen.statusCode(), stolen.body());
        assertTrue(stolen.body().contains("/problems/sync-token-expired"), stolen.body());

        HttpResponse<String> changes = send("GET", "/api/v1/directory/changes?since=" + aliceSync, token, null);
        assertEquals(200, changes.statusCode(), changes.body());
        assertTrue(changes.body().contains("\"removedUsers\":[]"), changes.body());
    }

    @Test
    void presenceReachesConnectedUsersWhoMayReachTheChangedUserOnly() throws Exception {
        String aliceToken = data.clientToken(alice);
        EventCollector toBob = new EventCollector();
        EventCollector toCarol = new EventCollector();
        WebSocket bobSocket = connect(data.clientToken(bob), toBob);
        WebSocket carolSocket = connect(data.clientToken(carol), toCarol);
        assertEquals("carebridge.v1", bobSocket.getSubprotocol());

        HttpResponse<String> busy = send("PUT", "/api/v1/presence", aliceToken, "{\"status\":\"Busy\"}");
        assertEquals(200, busy.statusCode(), busy.body());
        assertEquals("{\"status\":\"Busy\"}", busy.body());

        String event = toBob.messages.poll(20, TimeUnit.SECONDS);
        assertEquals("{\"payload\":{\"status\":\"Busy\",\"userId\":" + alice.getId() + "},\"type\":\"presence\"}", event);
        // Carol's socket works (a colleague's change arrives) but Alice's change never did.
        String tokenOfDave = data.clientToken(carolsColleague);
        assertEquals(200, send("PUT", "/api/v1/presence", tokenOfDave, "{\"status\":\"Unavailable\"}").statusCode());
        String carolsEvent = toCarol.messages.poll(20, TimeUnit.SECONDS);
        assertNotNull(carolsEvent);
        assertTrue(carolsEvent.contains("\"userId\":" + carolsColleague.getId()), carolsEvent);
        assertNull(toCarol.messages.poll(1, TimeUnit.SECONDS), "no other event for Carol");
        assertNull(toBob.messages.poll(1, TimeUnit.SECONDS), "Bob cannot reach Dave");

        // Only the four statuses exist.
        assertEquals(400, send("PUT", "/api/v1/presence", aliceToken, "{\"status\":\"Asleep\"}").statusCode());
        bobSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        carolSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void theQueryTokenFormWorksAndAStatusShowsInTheNextSync() throws Exception {
        String bobToken = data.clientToken(bob);
        String sync = syncToken(send("GET", "/api/v1/directory", bobToken, null).body());
        EventCollector toBob = new EventCollector();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws")
                + "/api/v1/events?access_token=" + bobToken), toBob).get(20, TimeUnit.SECONDS);
        assertEquals(200, send("PUT", "/api/v1/presence", data.clientToken(alice), "{\"status\":\"Unavailable\"}")
                .statusCode());
        assertTrue(toBob.messages.poll(20, TimeUnit.SECONDS).contains("\"status\":\"Unavailable\""));
        HttpResponse<String> changes = send("GET", "/api/v1/directory/changes?since=" + sync, bobToken, null);
        assertEquals(200, changes.statusCode(), changes.body());
        assertTrue(changes.body().contains("\"id\":" + alice.getId() + ",") && changes.body().contains("\"status\":\"Unavailable\""),
                changes.body());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void signingOutClosesTheSessionsSocketAndAWipePendingDeviceIsToldAtTheHandshake() throws Exception {
        String bobToken = data.clientToken(bob);
        EventCollector toBob = new EventCollector();
        connect(bobToken, toBob);
        assertEquals(204, send("DELETE", "/api/v1/session", bobToken, null).statusCode());
        assertEquals(CLOSED_BY_POLICY, toBob.closedWith.get(20, TimeUnit.SECONDS),
                "a signed-out session's socket is closed, not left receiving events");

        // A device with a remote wipe pending gets its wipe instruction instead of a socket.
        String carolToken = data.clientToken(carol);
        data.transaction(em -> {
            em.createQuery("select s.device from ClientSession s where s.user.id = :user", Device.class)
                    .setParameter("user", carol.getId()).getResultList()
                    .forEach(device -> device.requestWipe(java.time.Instant.now()));
            return null;
        });
        ExecutionException refused = assertThrows(ExecutionException.class, () -> connect(carolToken, new EventCollector()));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(410, handshake.getResponse().statusCode());
        assertTrue(String.valueOf(handshake.getResponse().body()).contains("device-wipe"),
                String.valueOf(handshake.getResponse().body()));
    }

    private static final int CLOSED_BY_POLICY = 1008;

    private WebSocket connect(String token, EventCollector collector) throws Exception {
        return EventCollector.connect(http, base, token, null, collector);
    }

    private static String syncToken(String json) {
        Matcher m = Pattern.compile("\"syncToken\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
