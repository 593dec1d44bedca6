package org.carebridge.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A REST telephony service stand-in on a loopback port (the JDK's HTTP server): records every
 * request and answers with what the test's responder says, after an optional delay (for
 * timeouts). Public so the in-container test can run it in front of the deployed application.
 */
public final class TelephonyStub implements AutoCloseable {

    /** One request as the stub saw it; header names in lower case, the form decoded in order. */
    public record Request(String method, String path, Map<String, String> headers, Map<String, String> form) {
    }

    /** The answer to give, after {@code delayMillis}. */
    public record Answer(int status, String body, long delayMillis) {
        public Answer(int status, String body) {
            this(status, body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public TelephonyStub(Function<Request, Answer> responder) {
        this(0, responder);
    }

    /** On {@code port} (0: any free one). */
    public TelephonyStub(int port, Function<Request, Answer> responder) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                        String.join(",", values)));
                Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                requests.add(request);
                Answer answer = responder.apply(request);
                if (answer.delayMillis() > 0) {
                    Thread.sleep(answer.delayMillis());
                }
                byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client gave up (a timeout test): nothing to answer.
            }
        });
        server.start();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(p -> form.put(
                    URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                    p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        }
        return form;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/2010-04-01");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
