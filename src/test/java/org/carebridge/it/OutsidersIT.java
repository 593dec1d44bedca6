package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;

import org.carebridge.audit.AuditEvent;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.telephony.TelephonyStub;
import org.carebridge.user.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Messages to people without an account against the real WAR on Payara Micro (PostgreSQL), with
 * a real SMTP server (GreenMail) and the server's HTTP SMS gateway pointed at a stub SMS service
 * on the reserved port {@code telephony.stub.port}: a user writes to an e-mail address, the mail
 * arrives without the message, its link opens once into the non-user's page, which reads and
 * replies, and the user sees the read receipt and the reply over the event socket; the same by
 * text message; and every refusal (setting off, malformed, too many, a used link, no session).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutsidersIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final Pattern LINK = Pattern.compile("https?://\\S+?/m/[A-Za-z0-9_-]+");
    private static ItData data;
    private static TelephonyStub smsService;
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
    private User alice;
    private String aliceToken;

    @BeforeAll
    static void start() {
        data = new ItData();
        smsService = new TelephonyStub(Integer.getInteger("telephony.stub.port"), request ->
                new TelephonyStub.Answer(201, "{\"sid\": \"SM-it-" + System.nanoTime() + "\", \"status\": \"queued\"}"));
    }

    @AfterAll
    static void stop() {
        smsService.close();
        data.close();
    }

    @BeforeEach
    void arrange() {
        base = Deployments.loopback(deployed);
        Deployments.awaitReady(base);
        smsService.requests.clear();
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Lakeside Hospital"), "(617) 882-5830");
        allowNonUsers(true);
        alice = data.member(hospital, ItData.uniqueEmail("alice"));
        aliceToken = data.clientToken(alice);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::abort);
    }

    private void allowNonUsers(boolean allowed) {
        data.transaction(em -> {
            em.find(Organization.class, hospital.getId()).changeMessaging(false, allowed);
            return null;
        });
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return new ClientApi(http, base).call(method, path, token, body);
    }

    /** The non-user page's API, with the session cookie as a browser sends it. */
    private HttpResponse<String> page(String method, String path, String cookie, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/outsider/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> link(String method, String link) throws Exception {
        // The link names the public base URL, which the build sets to this server's loopback address.
        return http.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> startTo(String to, String text) throws Exception {
        return call("POST", "/api/v1/conversations", aliceToken, "{\"to\": " + to + ", \"clientMessageId\": \""
                + UUID.randomUUID() + "\", \"text\": \"" + text + "\"}");
    }

    private EventCollector socket() throws Exception {
        EventCollector collector = new EventCollector();
        sockets.add(EventCollector.connect(http, base, aliceToken, null, collector));
        collector.ready.get(20, TimeUnit.SECONDS);
        return collector;
    }

    /** The next event of {@code type}, skipping presence and others; fails after 20 s. */
    private static JsonObject next(EventCollector events, String type) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String frame = events.next(1);
            if (frame != null && frame.contains("\"type\":\"" + type + "\"")) {
                return ClientApi.json(frame);
            }
        }
        throw new AssertionError("No " + type + " event within 20 s");
    }

    private static String linkIn(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "no link in: " + text);
        return m.group();
    }

    /** Opens {@code link} as its button does: the session cookie, as the browser would send it back. */
    private String open(String link) throws Exception {
        HttpResponse<String> opened = link("POST", link);
        assertEquals(303, opened.statusCode(), opened.body());
        assertEquals("/app/outsider.html", opened.headers().firstValue("Location").orElseThrow());
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/api/v1/outsider"), setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private List<AuditEvent> audit(String action, long conversationId) {
        return data.transaction(em -> em.createQuery("select e from AuditEvent e where e.action = :action"
                + " and e.conversationId = :c order by e.id", AuditEvent.class).setParameter("action", action)
                .setParameter("c", conversationId).getResultList());
    }

    @Test
    void aNonUserReadsTheMailedMessageOnceRepliesAndTheSenderSeesBoth() throws Exception {
        String address = ItData.uniqueEmail("pat").replace("@", ".outside@");
        EventCollector events = socket();
        HttpResponse<String> sent = startTo("{\"emails\": [\"" + address.toUpperCase() + "\"]}",
                "The biopsy result is benign; please book a follow-up.");
        assertEquals(201, sent.statusCode(), sent.body());
        JsonObject started = ClientApi.json(sent.body());
        long conversationId = started.getJsonObject("conversation").getJsonNumber("id").longValue();
        long messageId = started.getJsonObject("message").getJsonNumber("id").longValue();
        assertEquals(address, started.getJsonObject("conversation").getJsonArray("nonUsers").getJsonObject(0)
                .getString("address"));
        next(events, "message");

        MimeMessage mail = Mailbox.await(SMTP, address, "You have a secure message from " + hospital.getName());
        String text = Mailbox.text(mail);
        for (String secret : List.of("biopsy", "benign", "User alice")) {
            assertFalse(text.contains(secret) || mail.getSubject().contains(secret), "not in the mail: " + secret);
        }
        String link = linkIn(text);
        assertTrue(link.startsWith(base + "/m/"), link);

        HttpResponse<String> landing = link("GET", link);
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("Open the message"));
        assertTrue(landing.body().contains(hospital.getName()));
        assertFalse(landing.body().contains("biopsy"), "the landing page shows no message");
        assertTrue(landing.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
        assertFalse(landing.body().contains("<script"), "a plain page, no script");
        assertEquals(200, link("GET", link).statusCode(), "looking at the link does not spend it");

        String cookie = open(link);
        JsonObject delivered = next(events, "receipt");
        assertEquals("DELIVERED", delivered.getJsonObject("payload").getString("state"));
        HttpResponse<String> used = link("GET", link);
        assertEquals(410, used.statusCode());
        assertTrue(used.body().contains("This link was used already"));
        assertFalse(used.body().contains(hospital.getName()) || used.body().contains("Open the message"));
        assertEquals(410, link("POST", link).statusCode(), "a second opening gets nothing");
        assertEquals(404, link("GET", base + "/m/not-a-token-of-ours").statusCode());

        HttpResponse<String> pageAnswer = page("GET", "conversation", cookie, null, null);
        assertEquals(200, pageAnswer.statusCode(), pageAnswer.body());
        JsonObject conversation = ClientApi.json(pageAnswer.body());
        assertEquals(hospital.getName(), conversation.getString("organizationName"));
        JsonObject shown = conversation.getJsonArray("messages").getJsonObject(0);
        assertEquals("The biopsy result is benign; please book a follow-up.", shown.getString("text"));
        assertEquals(messageId, shown.getJsonNumber("id").longValue());

        HttpResponse<String> read = page("POST", "read", cookie, "application/json",
                "{\"messageIds\": [" + messageId + "]}");
        assertEquals(200, read.statusCode(), read.body());
        JsonObject readReceipt = next(events, "receipt").getJsonObject("payload");
        assertEquals("READ", readReceipt.getString("state"));
        assertTrue(readReceipt.containsKey("nonUserId"));
        JsonObject forAlice = ClientApi.json(call("GET", "/api/v1/messages/" + messageId, aliceToken, null).body());
        JsonObject recipient = forAlice.getJsonArray("recipients").getJsonObject(0);
        assertEquals("READ", recipient.getString("state"));
        assertEquals(address, recipient.getString("name"));
        assertEquals("SENT", recipient.getString("notice"));

        assertEquals(415, page("POST", "messages", cookie, "text/plain", "text=forged").statusCode(),
                "a form on another site cannot post a reply");
        HttpResponse<String> reply = page("POST", "messages", cookie, "application/json",
                "{\"clientMessageId\": \"r-1\", \"text\": \"Thanks, booking now.\"}");
        assertEquals(201, reply.statusCode(), reply.body());
        JsonObject arrived = next(events, "message").getJsonObject("payload");
        assertEquals("Thanks, booking now.", arrived.getString("text"));
        assertEquals(address, arrived.getJsonObject("nonUserSender").getString("address"));
        assertFalse(arrived.containsKey("sender"));
        JsonObject history = ClientApi.json(call("GET", "/api/v1/conversations/" + conversationId + "/messages",
                aliceToken, null).body());
        assertEquals(2, history.getJsonArray("messages").size());
        assertEquals(1, audit("message.non-user-notified", conversationId).size());
        assertEquals(1, audit("message.non-user-read", conversationId).size());
        assertEquals(1, audit("message.non-user-replied", conversationId).size());

        HttpResponse<String> noSession = page("GET", "conversation", null, null, null);
        assertEquals(401, noSession.statusCode());
        assertEquals("/problems/non-user-session-ended", ClientApi.json(noSession.body()).getString("type"));
        HttpResponse<String> left = page("DELETE", "session", cookie, null, null);
        assertEquals(204, left.statusCode());
        assertTrue(left.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, page("GET", "conversation", cookie, null, null).statusCode(), "left means closed");

        HttpResponse<String> outsiderPage = http.send(HttpRequest.newBuilder(URI.create(base + "/app/outsider.html"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, outsiderPage.statusCode());
        assertTrue(outsiderPage.headers().firstValue("Content-Security-Policy").orElseThrow()
                .contains("script-src 'self'"));
        assertFalse(call("GET", "/api/v1/directory?q=pat", aliceToken, null).body().contains(address),
                "non-users are never in the directory");
    }

    @Test
    void aMobileNumberGetsATextMessageThroughTheSmsServiceWithTheLinkOnly() throws Exception {
        HttpResponse<String> sent = startTo("{\"mobileNumbers\": [\"(508) 555-0123\"]}", "Your test results are in.");
        assertEquals(201, sent.statusCode(), sent.body());
        long deadline = System.currentTimeMillis() + 30_000;
        while (smsService.requests.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, smsService.requests.size(), "one text message");
        TelephonyStub.Request asked = smsService.requests.get(0);
        assertTrue(asked.path().endsWith("/Accounts/AC-it/Messages.json"), asked.path());
        assertEquals("+15085550123", asked.form().get("To"));
        String body = asked.form().get("Body");
        assertTrue(body.startsWith("You have a secure message from " + hospital.getName()), body);
        assertFalse(body.contains("results") || body.contains("User alice"), body);
        String cookie = open(linkIn(body));
        assertEquals("Your test results are in.", ClientApi.json(page("GET", "conversation", cookie, null, null)
                .body()).getJsonArray("messages").getJsonObject(0).getString("text"));
        assertEquals("+15085550123", ClientApi.json(page("GET", "conversation", cookie, null, null).body())
                .getString("you"));
    }

    @Test
    void nonUsersAreRefusedWhenNotAllowedMalformedOrTooManyAndTurningTheSettingOffClosesLinks() throws Exception {
        String address = ItData.uniqueEmail("sam").replace("@", ".outside@");
        HttpResponse<String> first = startTo("{\"emails\": [\"" + address + "\"]}", "Before the setting changes");
        assertEquals(201, first.statusCode(), first.body());
        long conversationId = ClientApi.json(first.body()).getJsonObject("conversation").getJsonNumber("id").longValue();
        String link = linkIn(Mailbox.text(Mailbox.await(SMTP, address, "secure message")));

        HttpResponse<String> malformed = startTo("{\"emails\": [\"sam@\"], \"mobileNumbers\": [\"555\"]}", "Hello");
        assertEquals(422, malformed.statusCode());
        JsonObject problem = ClientApi.json(malformed.body());
        assertEquals("/problems/non-user-address-invalid", problem.getString("type"));
        assertEquals(List.of("sam@", "555"), problem.getJsonArray("invalidAddresses").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ", ").append("\"p").append(i).append("@example.org\"");
        }
        HttpResponse<String> tooMany = startTo("{\"emails\": [" + eleven + "]}", "Hello");
        assertEquals(422, tooMany.statusCode());
        assertEquals("/problems/too-many-non-users", ClientApi.json(tooMany.body()).getString("type"));

        allowNonUsers(false);
        HttpResponse<String> off = startTo("{\"emails\": [\"new@example.org\"]}", "Hello");
        assertEquals(422, off.statusCode());
        assertEquals("/problems/non-users-not-allowed", ClientApi.json(off.body()).getString("type"));
        HttpResponse<String> intoExisting = call("POST", "/api/v1/conversations/" + conversationId + "/messages",
                aliceToken, "{\"clientMessageId\": \"" + UUID.randomUUID() + "\", \"text\": \"More\"}");
        assertEquals(422, intoExisting.statusCode());
        assertEquals("/problems/non-users-not-allowed", ClientApi.json(intoExisting.body()).getString("type"));
        HttpResponse<String> closed = link("POST", link);
        assertEquals(410, closed.statusCode());
        assertTrue(closed.body().contains("This link no longer works"));

        allowNonUsers(true);
        open(link);
    }
}
