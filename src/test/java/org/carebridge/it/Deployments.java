package org.carebridge.it;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deploys the real build output (target/carebridge.war) rather than a hand-assembled archive,
 * so the tests exercise exactly what ships.
 */
public final class Deployments {

    /**
     * Servers that already failed to come up, by test class and address: later tests of the same
     * class fail at once. Keyed by class too, because the next class boots its own server on the
     * same port, and one slow boot must not fail it.
     */
    private static final java.util.Set<String> NEVER_READY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Deployments() {
    }

    /** The WAR as built, deployed at the root context. */
    public static WebArchive carebridge() {
        File war = new File(System.getProperty("carebridge.war", "target/carebridge.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the tests through 'mvn verify'");
        }
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        // Named ROOT.war so Payara Micro serves it at "/", as the run command does.
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }

    /**
     * Waits until the deployed application reports ready (database migrated and answering).
     * Arquillian may return from a managed Payara Micro start a moment before the application
     * has finished deploying; tests that arrange data in the database first call this.
     */
    public static void awaitReady(String baseUrl) {
        awaitReady(baseUrl, StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass());
    }

    /** {@link #awaitReady(String)} for {@code testClass}, when a shared base class calls it. */
    public static void awaitReady(String baseUrl, Class<?> testClass) {
        String server = testClass.getName() + " " + baseUrl;
        if (NEVER_READY.contains(server)) {
            throw new IllegalStateException(baseUrl + " did not become ready earlier in this test class");
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl + "/health/ready")).timeout(java.time.Duration.ofSeconds(10)).build();
        // What the server last answered, for the failure message when it never becomes ready.
        String lastAnswer = "no answer";
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                java.net.http.HttpResponse<String> answer = http.send(ready,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                lastAnswer = answer.statusCode() + " " + answer.body();
            } catch (java.io.IOException e) {
                // Not listening yet (or not answering).
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        NEVER_READY.add(server);
        throw new IllegalStateException(baseUrl + " did not become ready within 2 minutes; /health/ready last"
                + " answered: " + lastAnswer + "; the server's log is in target/failsafe-reports/"
                + testClass.getName() + "-output.txt");
    }

    /** Payara reports its LAN address; the server listens on loopback only. */
    public static String loopback(URL deployed) {
        try {
            URL url = new URL(deployed.getProtocol(), "127.0.0.1", deployed.getPort(), deployed.getPath());
            String s = url.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
