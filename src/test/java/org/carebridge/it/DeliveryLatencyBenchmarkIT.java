package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery latency: the time from a sender's {@code POST} of a message to the recipient's event
 * socket receiving it, with many real WebSocket clients on loopback against the real WAR on
 * Payara Micro and PostgreSQL. Every recipient acknowledges what it receives, as an app does, so
 * the server also does the delivered receipts. Reports p50/p99 and messages per second; run with
 * {@code mvn -Pbench verify} (see docs/benchmarks.md), never by the normal build.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("benchmark")
class DeliveryLatencyBenchmarkIT {

    /** Pairs of users: each sender writes to its own recipient, each recipient holds a socket. */
    private static final int PAIRS = Integer.getInteger("bench.pairs", 100);
    /** Senders sending at once. */
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int WARMUP = 300;
    private static final int MEASURED = Integer.getInteger("bench.messages", 3_000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    /** Event sockets that had to be opened again because no ready frame came. */
    private final AtomicInteger reopened = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();

    @Test
    void deliveryLatencyFromSendToTheRecipientsSocket() throws Exception {
        String base = Deployments.loopback(deployed);
        Deployments.awaitReady(base);
        List<String> senderTokens = new ArrayList<>();
        List<Long> recipients = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        try (ItData data = new ItData()) {
            Organization hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Bench Hospital"),
                    "(408) 882-5830");
            for (int i = 0; i < PAIRS; i++) {
                User sender = data.member(hospital, ItData.uniqueEmail("sender"));
                User recipient = data.member(hospital, ItData.uniqueEmail("recipient"));
                senderTokens.add(data.clientToken(sender));
                recipients.add(recipient.getId());
                sockets.add(openReceiver(base, data.clientToken(recipient)));
            }
        }
        if (reopened.get() > 0) {
            System.out.println(reopened.get() + " event socket(s) opened without a ready frame were reopened");
        }
        // Each sender starts its one conversation; later messages go into it.
        long[] conversations = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            conversations[i] = json(post(base, senderTokens.get(i), "/api/v1/conversations", "{\"to\":{\"users\":["
                    + recipients.get(i) + "]},\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"hello\"}")
                    .body()).getJsonObject("conversation").getJsonNumber("id").longValue();
        }
        run(base, senderTokens, conversations, WARMUP);
        sentAt.clear();
        arrivedAt.clear();
        long start = System.nanoTime();
        run(base, senderTokens, conversations, MEASURED);
        awaitArrivals(MEASURED);
        double seconds = (System.nanoTime() - start) / 1e9;

        double[] millis = sentAt.entrySet().stream().filter(e -> arrivedAt.containsKey(e.getKey()))
                .mapToLong(e -> arrivedAt.get(e.getKey()) - e.getValue()).sorted().asDoubleStream().map(n -> n / 1e6)
                .toArray();
        assertEquals(MEASURED, millis.length, "every message arrived");
        String report = String.format(Locale.ROOT, "Delivery latency, %d messages, %d sender/recipient pairs, %d"
                        + " senders at once: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f messages/s%n",
                MEASURED, PAIRS, CONCURRENCY, millis[millis.length / 2], millis[(int) (millis.length * 0.90)],
                millis[(int) (millis.length * 0.99)], millis[millis.length - 1], MEASURED / seconds);
        System.out.print(report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("delivery-latency.txt"), report);
        sockets.forEach(WebSocket::abort);
        assertTrue(Arrays.stream(millis).allMatch(m -> m >= 0));
    }

    /** Sends {@code count} messages from the senders, {@value #CONCURRENCY} at a time, round robin. */
    private void run(String base, List<String> tokens, long[] conversations, int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(CONCURRENCY);
        for (int t = 0; t < CONCURRENCY; t++) {
            senders.execute(() -> {
                try {
                    int n;
                    while ((n = next.getAndIncrement()) < count) {
                        int pair = n % tokens.size();
                        String marker = UUID.randomUUID().toString();
                        sentAt.put(marker, System.nanoTime());
                        HttpResponse<String> sent = post(base, tokens.get(pair), "/api/v1/conversations/"
                                + conversations[pair] + "/messages", "{\"clientMessageId\":\"" + marker
                                + "\",\"text\":\"" + marker + "\"}");
                        if (sent.statusCode() != 201) {
                            throw new IllegalStateException(sent.statusCode() + " " + sent.body());
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(10, TimeUnit.MINUTES));
        senders.shutdown();
        awaitArrivals(count);
    }

    private void awaitArrivals(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (arrivedAt.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /**
     * A recipient's event socket, open once its {@code ready} frame arrived. A socket whose
     * handshake succeeded but that never sends {@code ready} is closed and opened again, as an
     * app does (docs/client-api.md): the server never took it into service.
     */
    private WebSocket openReceiver(String base, String token) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Receiver receiver = new Receiver();
            WebSocket socket = http.newWebSocketBuilder().subprotocols("carebridge.v1", "bearer." + token)
                    .buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/events"), receiver)
                    .get(20, TimeUnit.SECONDS);
            try {
                receiver.ready.get(10, TimeUnit.SECONDS);
                return socket;
            } catch (java.util.concurrent.TimeoutException e) {
                socket.abort();
                reopened.incrementAndGet();
                assertTrue(attempt < 3, "three event sockets in a row sent no ready frame");
            }
        }
    }

    private HttpResponse<String> post(String base, String token, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return ClientApi.json(text);
    }

    /** A recipient app: notes when each message arrives and acknowledges it. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.CompletableFuture<String> ready = new java.util.concurrent.CompletableFuture<>();
        /** The socket sends one frame at a time: acknowledgements queue behind each other. */
        private java.util.concurrent.CompletableFuture<?> sending = java.util.concurrent.CompletableFuture
                .completedFuture(null);

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                long now = System.nanoTime();
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"type\":\"ready\"")) {
                    ready.complete(frame);
                } else if (frame.contains("\"type\":\"message\"")) {
                    JsonObject event = json(frame);
                    arrivedAt.putIfAbsent(event.getJsonObject("payload").getString("text"), now);
                    String ack = "{\"type\":\"ack\",\"sequence\":" + event.getJsonNumber("sequence") + "}";
                    sending = sending.thenCompose(x -> socket.sendText(ack, true));
                }
            }
            socket.request(1);
            return null;
        }
    }
}
