package org.carebridge.connector;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The reference on-premises connector: signs in to a Carebridge server's sync socket with an
 * integration user id and shared key, serves the contacts of a CSV or JSON file whenever the
 * server asks, sends heartbeats, prints what the server pushes (the directory of native users,
 * sync results, badge messages), acknowledges badge messages and, with {@code --answer}, answers
 * multiple-choice ones. It speaks docs/sync-protocol.md with nothing but the JDK's WebSocket
 * client and JSON-P, and doubles as the client the end-to-end tests and the benchmark drive.
 *
 * <pre>
 * CAREBRIDGE_SHARED_KEY=... java ... org.carebridge.connector.ReferenceConnector \
 *     --server ws://127.0.0.1:8080/ws/SyncService --id cb-... --contacts contacts.csv [--answer Yes]
 * </pre>
 */
public final class ReferenceConnector implements AutoCloseable {

    public static final int PROTOCOL = 1;

    /** Where the contacts come from; read again for every sync request. */
    @FunctionalInterface
    public interface ContactSource {
        List<ConnectorContact> contacts() throws IOException;
    }

    /** How the server closed the connection. */
    public record Closed(int code, String reason) { }

    private final String integrationUserId;
    private final String sharedKey;
    private final String systemKind;
    private final ContactSource source;
    private final PrintStream out;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> history = new ArrayList<>();
    private final CompletableFuture<JsonObject> welcome = new CompletableFuture<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "connector-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile WebSocket socket;
    private volatile String answer;
    private volatile int abortAfterPages = -1;
    private volatile boolean heartbeatsOn = true;
    private volatile boolean badgeAcks = true;
    private final Set<String> badgeMessagesSeen = ConcurrentHashMap.newKeySet();

    private ReferenceConnector(String integrationUserId, String sharedKey, String systemKind, ContactSource source,
            PrintStream out) {
        this.integrationUserId = integrationUserId;
        this.sharedKey = sharedKey;
        this.systemKind = systemKind;
        this.source = source;
        this.out = out;
    }

    /** Connects and answers the challenge; {@link #awaitWelcome} tells whether the server accepted it. */
    public static ReferenceConnector connect(URI server, String integrationUserId, String sharedKey, String systemKind,
            ContactSource source, PrintStream out) {
        ReferenceConnector connector = new ReferenceConnector(integrationUserId, sharedKey, systemKind, source, out);
        connector.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(server, connector.new Listener()).join();
        return connector;
    }

    /** The answer a connector holding {@code key} gives: base64(HMAC-SHA256(key, challenge + id)). */
    public static String answer(String key, String challenge, String integrationUserId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((challenge + integrationUserId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            // The challenge may arrive before buildAsync's future completes: answer on this socket.
            socket = ws;
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(Json.createReader(new StringReader(text)).readObject());
                } catch (RuntimeException e) {
                    out.println("! could not handle a frame from the server: " + e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            out.println("< closed " + statusCode + (reason == null || reason.isEmpty() ? "" : ": " + reason));
            finish(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            out.println("! connection failed: " + error);
            finish(new Closed(1006, String.valueOf(error.getMessage())));
        }
    }

    private void finish(Closed how) {
        heartbeats.shutdownNow();
        welcome.completeExceptionally(new IllegalStateException("Closed " + how.code() + ": " + how.reason()));
        closed.complete(how);
    }

    private void handle(JsonObject frame) {
        synchronized (history) {
            history.add(frame);
        }
        received.add(frame);
        String type = frame.getString("type", "");
        switch (type) {
            case "challenge" -> {
                out.println("< challenge (protocol " + frame.getInt("protocol", 0) + ")");
                JsonObjectBuilder hello = Json.createObjectBuilder().add("type", "hello").add("protocol", PROTOCOL)
                        .add("integrationUserId", integrationUserId)
                        .add("response", answer(sharedKey, frame.getString("challenge"), integrationUserId));
                if (systemKind != null) {
                    hello.add("systemKind", systemKind);
                }
                send(hello.build().toString());
            }
            case "welcome" -> {
                int seconds = frame.getInt("heartbeatSeconds", 10);
                out.println("< welcome: signed in for " + frame.getString("organization", "?") + "; heartbeat every "
                        + seconds + " s");
                heartbeats.scheduleAtFixedRate(() -> {
                    if (heartbeatsOn) {
                        send("{\"type\":\"heartbeat\"}");
                    }
                }, seconds, seconds, TimeUnit.SECONDS);
                welcome.complete(frame);
            }
            case "sync-request" -> serve(frame.getJsonNumber("runId").longValue(), frame.getInt("pageSize", 500));
            case "sync-result" -> out.println("< sync-result: run " + frame.getJsonNumber("runId") + " "
                    + frame.getString("state") + " (created " + frame.getInt("created") + ", unchanged "
                    + frame.getInt("unchanged") + ", updated " + frame.getInt("updated") + ", deleted "
                    + frame.getInt("deleted") + ", overwritten " + frame.getInt("overwritten") + ", errors "
                    + frame.getInt("errors") + ")" + (frame.containsKey("message") ? " " + frame.getString("message") : ""));
            case "directory" -> {
                JsonArray users = frame.getJsonArray("users");
                out.println("< directory: " + users.size() + " users to list on premises; organizations:");
                for (JsonValue o : frame.getJsonArray("organizations")) {
                    JsonObject org = o.asJsonObject();
                    out.println("    " + org.getString("name") + " via "
                            + (org.isNull("voiceNumber") ? "(no voice number)" : org.getString("voiceNumber")));
                }
                for (JsonValue u : users) {
                    JsonObject user = u.asJsonObject();
                    out.println("    " + user.getString("lastName") + ", " + user.getString("firstName") + " ("
                            + user.getString("organization") + ", staff id " + user.getString("staffId") + ")");
                }
            }
            case "badge-message" -> badgeMessage(frame);
            case "error" -> out.println("< error: the server did not take " + frame.getString("frame", "?") + " "
                    + frame.getString("messageId", "?") + " for " + frame.getString("externalId", "?") + ": "
                    + frame.getString("code", "?") + " " + frame.getString("message", ""));
            default -> out.println("< " + type + " (not handled by this connector version)");
        }
    }

    /**
     * Prints a badge message, acknowledges it (the server then counts it delivered) and, when
     * told which choice to give and the message offers it, answers it. A copy the server sends
     * again (after a reconnect) is acknowledged again but printed and answered once.
     */
    private void badgeMessage(JsonObject frame) {
        String messageId = frame.getString("messageId", "?");
        String externalId = frame.getString("externalId", "?");
        JsonArray choices = frame.containsKey("choices") ? frame.getJsonArray("choices") : null;
        boolean first = badgeMessagesSeen.add(messageId + "\n" + externalId);
        if (first) {
            out.println("< badge-message " + messageId + " for badge user " + externalId + " from "
                    + frame.getString("from", "?") + " (" + frame.getString("fromOrganization", "?") + "), "
                    + frame.getString("priority", "NORMAL") + ", expires " + frame.getString("expiresAt", "?") + ": "
                    + frame.getString("text", "")
                    + (choices == null ? "" : " " + choices.getValuesAs(JsonString::getString)));
        }
        if (!badgeAcks) {
            return;
        }
        send(Json.createObjectBuilder().add("type", "badge-ack").add("messageId", messageId)
                .add("externalId", externalId).build().toString());
        String choice = answer;
        if (!first || choices == null || choice == null) {
            return;
        }
        if (!choices.getValuesAs(JsonString::getString).contains(choice)) {
            out.println("! not answering " + messageId + ": \"" + choice + "\" is not one of its choices");
            return;
        }
        out.println("> badge-answer " + messageId + " for " + externalId + ": " + choice);
        send(Json.createObjectBuilder().add("type", "badge-answer").add("messageId", messageId)
                .add("externalId", externalId).add("choice", choice).build().toString());
    }

    private void serve(long runId, int pageSize) {
        List<ConnectorContact> contacts;
        try {
            contacts = source.contacts();
        } catch (IOException | RuntimeException e) {
            out.println("! cannot read contacts: " + e.getMessage());
            send(Json.createObjectBuilder().add("type", "sync-failed").add("runId", runId)
                    .add("message", "Cannot read contacts: " + e.getClass().getSimpleName()).build().toString());
            return;
        }
        out.println("< sync-request for run " + runId + ": sending " + contacts.size() + " contacts");
        int pages = Math.max(1, (contacts.size() + pageSize - 1) / pageSize);
        for (int p = 0; p < pages; p++) {
            if (abortAfterPages >= 0 && p == abortAfterPages) {
                out.println("! breaking the connection off after " + p + " pages (as asked)");
                socket.abort();
                finish(new Closed(1006, "aborted"));
                return;
            }
            JsonArrayBuilder page = Json.createArrayBuilder();
            for (ConnectorContact c : contacts.subList(p * pageSize, Math.min(contacts.size(), (p + 1) * pageSize))) {
                JsonObjectBuilder b = Json.createObjectBuilder();
                put(b, "externalId", c.externalId());
                put(b, "firstName", c.firstName());
                put(b, "middleName", c.middleName());
                put(b, "lastName", c.lastName());
                put(b, "guestAccessNumber", c.guestAccessNumber());
                put(b, "deskPhone", c.deskPhone());
                page.add(b);
            }
            send(Json.createObjectBuilder().add("type", "contacts").add("runId", runId).add("seq", p + 1)
                    .add("last", p == pages - 1).add("contacts", page).build().toString());
        }
    }

    private static void put(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    /** Sends one text frame as is (tests use it to send what a broken connector would). */
    public synchronized void send(String text) {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendText(text, true).join();
        }
    }

    public JsonObject awaitWelcome(Duration timeout) throws Exception {
        return welcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame received that passes {@code test}, skipping others. */
    public JsonObject await(Predicate<JsonObject> test, Duration timeout) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            JsonObject frame = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new TimeoutException("No matching frame within " + timeout);
            }
            if (test.test(frame)) {
                return frame;
            }
        }
    }

    public static Predicate<JsonObject> ofType(String type) {
        return f -> type.equals(f.getString("type", ""));
    }

    public Closed awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every frame received so far, oldest first. */
    public List<JsonObject> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** The choice to answer multiple-choice badge messages with, when they offer it; {@code null}: do not answer. */
    public void answerWith(String choice) {
        this.answer = choice;
    }

    /** Tests: take badge messages without acknowledging them, as a connector that lost them would. */
    public void stopBadgeAcks() {
        this.badgeAcks = false;
    }

    /** Tests: drop the connection without a close frame before sending page {@code pages + 1} of the next run. */
    public void abortAfterPages(int pages) {
        this.abortAfterPages = pages;
    }

    /** Tests: stop sending heartbeats, as a hung connector would. */
    public void stopHeartbeats() {
        this.heartbeatsOn = false;
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "connector stopping").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
        heartbeats.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        String server = "ws://127.0.0.1:8080/ws/SyncService";
        String id = null;
        String contacts = null;
        String kind = null;
        String answerWith = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--server" -> { server = value; i++; }
                case "--id" -> { id = value; i++; }
                case "--contacts" -> { contacts = value; i++; }
                case "--system-kind" -> { kind = value; i++; }
                case "--answer" -> { answerWith = value; i++; }
                default -> usage("Unknown option " + args[i]);
            }
        }
        String key = System.getenv("CAREBRIDGE_SHARED_KEY");
        if (id == null || contacts == null || key == null || key.isBlank()) {
            usage("Give --id and --contacts, and the shared key in the environment variable CAREBRIDGE_SHARED_KEY.");
        }
        Path file = Path.of(contacts);
        try {
            ContactFiles.read(file); // fail fast on a bad file
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Cannot read the contacts in " + file + ": " + e.getMessage());
            System.exit(2);
        }
        ReferenceConnector connector = connect(URI.create(server), id, key, kind, () -> ContactFiles.read(file), System.out);
        connector.answerWith(answerWith);
        Runtime.getRuntime().addShutdownHook(new Thread(connector::close));
        Closed how = connector.awaitClose(Duration.ofDays(3650));
        System.exit(how.code() == WebSocket.NORMAL_CLOSURE ? 0 : 1);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: CAREBRIDGE_SHARED_KEY=<key> ReferenceConnector --id <integration user id>"
                + " --contacts <file.csv|file.json> [--server ws://host:port/ws/SyncService]"
                + " [--system-kind VOICE_ONLY|VOICE_AND_MESSAGING] [--answer <choice>]");
        System.exit(2);
    }
}
