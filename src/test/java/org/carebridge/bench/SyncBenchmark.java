package org.carebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.carebridge.connector.ConnectorContact;
import org.carebridge.connector.ReferenceConnector;
import org.carebridge.integration.Integration;
import org.carebridge.integration.IntegrationCredentials;
import org.carebridge.it.Deployments;
import org.carebridge.it.ItData;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 5,000-user sync end to end through the socket: the built WAR on its own Payara Micro over
 * a fresh PostgreSQL schema, driven by the reference connector. Times, from the moment the
 * connector receives {@code sync-request} to the moment it receives {@code sync-result}: a first
 * import (5,000 created) and an unchanged re-sync (5,000 unchanged). Needs the WAR:
 * {@code mvn -q package -DskipTests && mvn -Pbench test -Dtest=SyncBenchmark}. Results go to
 * stdout and target/bench/sync.txt, and are written down in docs/benchmarks.md.
 */
@Tag("benchmark")
class SyncBenchmark {

    private static final int USERS = 5_000;
    private static final int FIRST_IMPORTS = 3;
    private static final int RESYNCS = 5;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String PG = System.getProperty("test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("test.pg.user", "postgres");

    @Test
    void fiveThousandUsersThroughTheSocket() throws Exception {
        File war = new File("target/carebridge.war");
        assertTrue(war.isFile(), "Build the WAR first: mvn -q package -DskipTests");
        String schema = "cb_bench_sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("create schema " + schema);
        Process server = null;
        try {
            int port = freePort();
            Path logs = Files.createDirectories(Path.of("target/bench"));
            server = new ProcessBuilder("java", "-Xmx512m", "-Djava.io.tmpdir=target",
                    "-Ddb.url=" + PG + "?currentSchema=" + schema, "-Ddb.user=" + PG_USER, "-Dmail.transport=folder",
                    "-Dmail.folder=target/bench/mail", "-jar", "target/payara-micro.jar", "--deploy", war.getPath(),
                    "--contextroot", "/", "--port", String.valueOf(port), "--prebootcommandfile",
                    "payara/pre-boot-local.asadmin", "--nocluster", "--startport", String.valueOf(freePort()),
                    "--rootdir", "target/bench/payara")
                    .redirectErrorStream(true).redirectOutput(logs.resolve("sync-payara.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            Deployments.awaitReady(base);
            System.setProperty("it.pg.schema", schema);
            List<String> report = new ArrayList<>();
            try (ItData data = new ItData()) {
                URI socket = URI.create("ws://127.0.0.1:" + port + "/ws/SyncService");
                List<ConnectorContact> contacts = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    contacts.add(new ConnectorContact("vs-" + i, "First" + i, i % 3 == 0 ? "M" : null, "Last" + i,
                            "4085550100", String.valueOf(2000 + i)));
                }
                double[] first = new double[FIRST_IMPORTS];
                double[] again = new double[RESYNCS * FIRST_IMPORTS];
                for (int round = 0; round < FIRST_IMPORTS; round++) {
                    Organization hospital = data.organization(OrganizationKind.HOSPITAL,
                            ItData.unique("Bench Hospital"), "(408) 882-5830");
                    IntegrationCredentials credentials = data.enableIntegration(hospital);
                    long[] requested = new long[1];
                    ReferenceConnector connector = ReferenceConnector.connect(socket, credentials.integrationUserId(),
                            credentials.sharedKey(), null, () -> {
                                requested[0] = System.nanoTime();
                                return contacts;
                            }, new PrintStream(OutputStream.nullOutputStream()));
                    try {
                        JsonObject created = connector.await(ReferenceConnector.ofType("sync-result"), WAIT);
                        first[round] = (System.nanoTime() - requested[0]) / 1e6;
                        assertEquals(USERS, created.getInt("created"), created.toString());
                        for (int i = 0; i < RESYNCS; i++) {
                            data.transaction(em -> {
                                em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class)
                                        .setParameter("organizationId", hospital.getId()).getSingleResult()
                                        .requestSync(Instant.now());
                                return null;
                            });
                            JsonObject unchanged = connector.await(ReferenceConnector.ofType("sync-result"), WAIT);
                            again[round * RESYNCS + i] = (System.nanoTime() - requested[0]) / 1e6;
                            assertEquals(USERS, unchanged.getInt("unchanged"), unchanged.toString());
                        }
                    } finally {
                        connector.close();
                    }
                }
                report.add(line("first import, 5,000 created", first));
                report.add(line("unchanged re-sync, 5,000 unchanged", again));
            }
            report.forEach(System.out::println);
            Files.write(logs.resolve("sync.txt"), report);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
            execute("drop schema " + schema + " cascade");
        }
    }

    private static String line(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-38s median %8.0f ms   min %8.0f ms   max %8.0f ms   (%d runs)", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
