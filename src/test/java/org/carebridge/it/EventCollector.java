package org.carebridge.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real client of the event socket ({@code java.net.http.WebSocket}) for in-container tests:
 * collects the text frames the server sends, keeping the {@code ready} frame every socket starts
 * with apart from the events, and how the server closed the socket.
 */
final class EventCollector implements WebSocket.Listener {

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<String> ready = new CompletableFuture<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    /** Opens the event socket with {@code token} (subprotocol form) and optional {@code ?after=}. */
    static WebSocket connect(HttpClient http, String base, String token, Long after, EventCollector collector)
            throws Exception {
        String query = after == null ? "" : "?after=" + after;
        return http.newWebSocketBuilder().subprotocols("carebridge.v1", "bearer." + token)
                .buildAsync(URI.create(base.replace("http", "ws") + "/api/v1/events" + query), collector)
                .get(20, TimeUnit.SECONDS);
    }

    /** The next event, or {@code null} after {@code seconds}. */
    String next(int seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith.complete(statusCode);
        closeReason.complete(reason);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
        partial.append(text);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (frame.contains("\"type\":\"ready\"") && !ready.isDone()) {
                ready.complete(frame);
            } else {
                messages.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }
}
