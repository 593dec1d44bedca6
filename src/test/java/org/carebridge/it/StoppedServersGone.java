package org.carebridge.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test class, waits until the Payara Micro server Arquillian stopped for it has really
 * exited. Arquillian only signals the process to stop and starts the next class's server at once,
 * on the same port; a server still shutting down (or stuck doing so) then keeps the port and the
 * next server comes up without the application ("No Application deployed" on /health/ready). A
 * server still there after 30 s gets its threads written to {@code target/stuck-servers/} (to
 * find out why) and is killed.
 *
 * <p>Registered for every test class by the service loader (META-INF/services), so it is outside
 * the classes' own extensions and runs its after-all step after Arquillian's.
 */
public class StoppedServersGone implements AfterAllCallback {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @Override
    public void afterAll(ExtensionContext context) {
        for (ProcessHandle server : servers()) {
            long since = System.nanoTime();
            if (exited(server, GRACE)) {
                System.err.println("[StoppedServersGone] test server " + server.pid() + " exited "
                        + Duration.ofNanos(System.nanoTime() - since).toMillis() + " ms after "
                        + context.getRequiredTestClass().getSimpleName() + " ended");
            } else {
                Path dump = threadDump(server, context.getRequiredTestClass().getSimpleName());
                System.err.println("The test server " + server.pid() + " stopped after "
                        + context.getRequiredTestClass().getSimpleName() + " was still running after "
                        + GRACE.toSeconds() + " s; killed it (its threads: " + dump + ")");
                server.destroyForcibly();
                exited(server, Duration.ofSeconds(10));
            }
        }
    }

    /** Payara Micro processes this test JVM started (Arquillian starts them as child processes). */
    static List<ProcessHandle> servers() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .toList();
    }

    private static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Path threadDump(ProcessHandle process, String testClass) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "stuck-servers");
            Files.createDirectories(dir);
            Path file = dir.resolve(testClass + "-" + process.pid() + ".txt");
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process dump = new ProcessBuilder(jcmd, String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            dump.waitFor(20, TimeUnit.SECONDS);
            return file;
        } catch (IOException e) {
            return Path.of("not written: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Path.of("not written: interrupted");
        }
    }
}
