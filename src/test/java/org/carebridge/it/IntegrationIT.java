package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;

import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.connector.ConnectorContact;
import org.carebridge.connector.ReferenceConnector;
import org.carebridge.integration.ConnectionState;
import org.carebridge.integration.ImportChange;
import org.carebridge.integration.ImportRecord;
import org.carebridge.integration.ImportRun;
import org.carebridge.integration.ImportRunState;
import org.carebridge.integration.Integration;
import org.carebridge.integration.IntegrationCredentials;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
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
 * The on-premises integration end to end: the reference connector's own code against the real
 * WAR on Payara Micro (PostgreSQL) over a real WebSocket. Sign-in by challenge, imports (created,
 * unchanged, updated, deleted, overwritten, per-record errors), a run cut off midway and one over
 * 5,000 (both failed, nothing applied), refused credentials and frames, the adapter status, a
 * regenerated key, the reverse sync on the guide's affiliation example, and the removal of a
 * badge user someone has written to.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntegrationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Correct-Horse-9";
    private static ItData data;

    /** Invitations sent from the Imported User page. */
    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    private URI socket;
    private final List<ReferenceConnector> connectors = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

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
        String base = Deployments.loopback(deployed);
        Deployments.awaitReady(base);
        socket = URI.create(base.replaceFirst("^http", "ws") + "/ws/SyncService");
    }

    @AfterEach
    void stopConnectors() {
        connectors.forEach(ReferenceConnector::close);
    }

    private ReferenceConnector connector(IntegrationCredentials credentials, List<ConnectorContact> contacts) {
        return connector(credentials.integrationUserId(), credentials.sharedKey(), () -> List.copyOf(contacts));
    }

    private ReferenceConnector connector(String id, String key, ReferenceConnector.ContactSource source) {
        ReferenceConnector connector = ReferenceConnector.connect(socket, id, key, "VOICE_ONLY", source,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        connectors.add(connector);
        return connector;
    }

    private static List<ConnectorContact> contacts(int count) {
        List<ConnectorContact> contacts = new CopyOnWriteArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(new ConnectorContact("vs-" + i, "First" + i, null, "Last" + i, "4085550100", "2" + i));
        }
        return contacts;
    }

    private static JsonObject result(ReferenceConnector connector) throws Exception {
        return connector.await(ReferenceConnector.ofType("sync-result"), WAIT);
    }

    private static void assertCounts(JsonObject result, int created, int unchanged, int updated, int deleted,
            int overwritten, int errors) {
        assertEquals(List.of(created, unchanged, updated, deleted, overwritten, errors),
                List.of(result.getInt("created"), result.getInt("unchanged"), result.getInt("updated"),
                        result.getInt("deleted"), result.getInt("overwritten"), result.getInt("errors")),
                result.toString());
    }

    /** "Sync Users Now", as the Integrations page records it; the node holding the socket starts the run. */
    private void syncNow(Organization org) {
        data.transaction(em -> {
            em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class).setParameter("organizationId", org.getId())
                    .getSingleResult().requestSync(Instant.now());
            return null;
        });
    }

    private Organization hospital(String name) {
        return data.organization(OrganizationKind.HOSPITAL, ItData.unique(name), "(408) 882-5830");
    }

    @Test
    void importsCreateThenFindNothingChangedThenUpdateDeleteOverwriteAndReportBadRecords() throws Exception {
        Organization hospital = hospital("Sync Hospital");
        IntegrationCredentials credentials = data.enableIntegration(hospital);
        List<ConnectorContact> contacts = contacts(20);
        ReferenceConnector connector = connector(credentials, contacts);
        JsonObject welcome = connector.awaitWelcome(WAIT);
        assertEquals(hospital.getName(), welcome.getString("organization"));

        // Never synced: the first run starts as soon as the connector signs in.
        JsonObject first = result(connector);
        assertEquals("SUCCEEDED", first.getString("state"));
        assertCounts(first, 20, 0, 0, 0, 0, 0);
        List<User> users = data.externalUsers(hospital);
        assertEquals(20, users.size());
        User user5 = users.stream().filter(u -> u.getExternalId().equals("vs-5")).findFirst().orElseThrow();
        assertEquals("First5", user5.getFirstName());
        assertEquals("408555010025", user5.getBadgePhoneNumber());
        assertNotNull(user5.getStaffId());
        assertEquals(ConnectionState.CONNECTED, data.integrationOf(hospital).connectionStateAt(Instant.now()));

        syncNow(hospital);
        assertCounts(result(connector), 0, 20, 0, 0, 0, 0);

        // Edits and removals on premises, an administrator's rename here, and bad records.
        contacts.set(1, new ConnectorContact("vs-1", "Renamed", null, "Last1", "4085550100", "21"));
        contacts.set(2, new ConnectorContact("vs-2", "First2", "Q", "Last2", "4085550100", "9999"));
        contacts.removeIf(c -> Set.of("vs-17", "vs-18", "vs-19").contains(c.externalId()));
        data.transaction(em -> {
            em.find(User.class, user5.getId()).renameImported("Admin", null, "Edited");
            return null;
        });
        contacts.set(3, new ConnectorContact("vs-3", "First3", null, " ", null, null));
        contacts.add(new ConnectorContact("vs-dup", "Dee", null, "Dupe", null, null));
        contacts.add(new ConnectorContact("vs-dup", "Dee", null, "Dupe", null, null));
        syncNow(hospital);
        JsonObject third = result(connector);
        // vs-3's bad record is an error and vs-3 stays; the duplicate pair is two errors.
        assertCounts(third, 0, 13, 2, 3, 1, 3);
        Map<String, User> after = data.externalUsers(hospital).stream()
                .collect(Collectors.toMap(User::getExternalId, Function.identity()));
        assertEquals(17, after.size());
        assertEquals("Renamed", after.get("vs-1").getFirstName());
        assertEquals("First5", after.get("vs-5").getFirstName(), "the on-premises name replaces the rename");
        assertFalse(after.containsKey("vs-17"));
        assertTrue(after.containsKey("vs-3"));

        ImportRun run = data.importRuns(hospital).get(0);
        assertEquals(third.getJsonNumber("runId").longValue(), run.getId());
        List<ImportRecord> records = data.transaction(em -> em.createNamedQuery(ImportRecord.OF_RUN, ImportRecord.class)
                .setParameter("runId", run.getId()).getResultList());
        assertEquals(run.total(), records.size());
        assertTrue(records.stream().anyMatch(r -> r.getChange() == ImportChange.ERROR
                && "Missing last name.".equals(r.getMessage()) && "vs-3".equals(r.getExternalId())));
        assertTrue(records.stream().anyMatch(r -> r.getChange() == ImportChange.OVERWRITTEN && "vs-5".equals(r.getExternalId())
                && r.getStaffId().equals(user5.getStaffId())));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("sync-result: run " + run.getId() + " SUCCEEDED"));
    }

    /**
     * A badge user a clinician has written to (and marked as favorite) leaves the on-premises
     * contacts group: the run succeeds with one deletion, the user leaves the clinician's
     * directory (an incremental sync reports it removed), the conversation stays readable with
     * the name and refuses new messages by name, the next run succeeds, and the same external id
     * listed again is a new user.
     */
    @Test
    void aBadgeUserSomeoneWroteToIsRemovedAndEveryLaterSyncSucceeds() throws Exception {
        Organization hospital = hospital("Removal Hospital");
        IntegrationCredentials credentials = data.enableIntegration(hospital);
        List<ConnectorContact> contacts = contacts(3);
        ReferenceConnector connector = connector(credentials, contacts);
        connector.awaitWelcome(WAIT);
        assertCounts(result(connector), 3, 0, 0, 0, 0, 0);
        User badge = data.externalUsers(hospital).stream().filter(u -> u.getExternalId().equals("vs-1")).findFirst()
                .orElseThrow();

        User nurse = data.member(hospital, ItData.uniqueEmail("nurse"));
        String token = data.clientToken(nurse);
        ClientApi api = new ClientApi(HttpClient.newHttpClient(), Deployments.loopback(deployed));
        HttpResponse<String> started = api.call("POST", "/api/v1/conversations", token, "{\"to\":{\"users\":["
                + badge.getId() + "]},\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Bed 4 is ready\"}");
        assertEquals(201, started.statusCode(), started.body());
        long conversationId = ClientApi.json(started.body()).getJsonObject("conversation").getJsonNumber("id")
                .longValue();
        assertEquals(204, api.call("PUT", "/api/v1/directory/favorites/" + badge.getId(), token, null).statusCode());
        JsonObject directory = ClientApi.json(api.call("GET", "/api/v1/directory", token, null).body());
        assertTrue(listsPerson(directory, badge), directory.toString());

        contacts.removeIf(c -> c.externalId().equals("vs-1"));
        syncNow(hospital);
        JsonObject removal = result(connector);
        assertEquals("SUCCEEDED", removal.getString("state"), removal.toString());
        assertCounts(removal, 0, 2, 0, 1, 0, 0);
        assertEquals(List.of("vs-0", "vs-2"), data.externalUsers(hospital).stream().map(User::getExternalId).toList());
        assertTrue(data.reload(badge).isRemoved(), "kept for history");

        JsonObject changes = ClientApi.json(api.call("GET", "/api/v1/directory/changes?since="
                + URLEncoder.encode(directory.getString("syncToken"), StandardCharsets.UTF_8), token, null).body());
        assertTrue(changes.getJsonArray("removedUsers").stream()
                .anyMatch(v -> ((jakarta.json.JsonNumber) v).longValue() == badge.getId()), changes.toString());
        assertFalse(listsPerson(ClientApi.json(api.call("GET", "/api/v1/directory", token, null).body()), badge));
        HttpResponse<String> history = api.call("GET", "/api/v1/conversations/" + conversationId + "/messages", token,
                null);
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().contains(badge.getDisplayName()), history.body());
        HttpResponse<String> refused = api.call("POST", "/api/v1/conversations/" + conversationId + "/messages", token,
                "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"text\":\"Still there?\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        JsonObject problem = ClientApi.json(refused.body());
        assertTrue(problem.getString("type").endsWith("/recipient-not-reachable"), refused.body());
        assertTrue(problem.getString("detail").contains(badge.getDisplayName()), refused.body());

        syncNow(hospital);
        JsonObject next = result(connector);
        assertEquals("SUCCEEDED", next.getString("state"), next.toString());
        assertCounts(next, 0, 2, 0, 0, 0, 0);

        contacts.add(new ConnectorContact("vs-1", "First1", null, "Last1", "4085550100", "21"));
        syncNow(hospital);
        assertCounts(result(connector), 1, 2, 0, 0, 0, 0);
        User again = data.externalUsers(hospital).stream().filter(u -> u.getExternalId().equals("vs-1")).findFirst()
                .orElseThrow();
        assertFalse(again.getId().equals(badge.getId()), "a new user");
    }

    private static boolean listsPerson(JsonObject directoryPage, User user) {
        return directoryPage.getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> "external".equals(e.getString("kind")) && e.getJsonNumber("id").longValue() == user.getId());
    }

    @Test
    void aRunBrokenOffMidwayAndOneOverFiveThousandChangeNothingAndAreRecordedFailed() throws Exception {
        Organization hospital = hospital("Cut Hospital");
        IntegrationCredentials credentials = data.enableIntegration(hospital);
        ReferenceConnector cut = connector(credentials, contacts(1_200));
        cut.abortAfterPages(1);
        cut.awaitWelcome(WAIT);
        cut.awaitClose(WAIT);
        ImportRun failed = awaitFinished(hospital);
        assertEquals(ImportRunState.FAILED, failed.getState());
        assertTrue(failed.getFailureMessage().contains("lost after 500 contacts"), failed.getFailureMessage());
        assertEquals(List.of(), data.externalUsers(hospital));

        ReferenceConnector tooMany = connector(credentials, contacts(5_001));
        tooMany.awaitWelcome(WAIT);
        // The broken-off run started moments ago, so this one waits for "Sync Users Now".
        syncNow(hospital);
        JsonObject refused = result(tooMany);
        assertEquals("FAILED", refused.getString("state"));
        assertTrue(refused.getString("message").contains("5,001 contacts; at most 5,000"), refused.getString("message"));
        assertEquals(List.of(), data.externalUsers(hospital));
        assertEquals(ImportRunState.FAILED, data.importRuns(hospital).get(0).getState());
        assertEquals(2, data.importRuns(hospital).size());
    }

    private ImportRun awaitFinished(Organization org) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            List<ImportRun> runs = data.importRuns(org);
            if (!runs.isEmpty() && !runs.get(0).isRunning()) {
                return runs.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No finished import for " + org.getName());
    }

    @Test
    void wrongCredentialsAndBadFramesAreRefusedWithAReasonAndChangeNothing() throws Exception {
        Organization hospital = hospital("Guarded Hospital");
        IntegrationCredentials credentials = data.enableIntegration(hospital);

        ReferenceConnector wrongKey = connector(credentials.integrationUserId(), "not-the-key", () -> contacts(3));
        assertThrows(Exception.class, () -> wrongKey.awaitWelcome(WAIT));
        ReferenceConnector.Closed closed = wrongKey.awaitClose(WAIT);
        assertEquals(1008, closed.code());
        assertEquals("Authentication failed", closed.reason());

        ReferenceConnector unknown = connector("cb-nosuchintegration", credentials.sharedKey(), () -> contacts(3));
        assertEquals(1008, unknown.awaitClose(WAIT).code());

        ReferenceConnector garbage = connector(credentials, contacts(0));
        garbage.awaitWelcome(WAIT);
        result(garbage);
        garbage.send("{\"type\":\"contacts\",\"runId\":1,\"seq\":1,\"last\":true,\"contacts\":[{\"externalId\":\"x\","
                + "\"lastName\":\"X\",\"firstName\":\"Y\",\"password\":\"z\"}]}");
        ReferenceConnector.Closed malformed = garbage.awaitClose(WAIT);
        assertEquals(1003, malformed.code());
        assertEquals("Unexpected field in frame", malformed.reason());
        assertEquals(List.of(), data.externalUsers(hospital));
        assertEquals(1, data.importRuns(hospital).size(), "only the empty first run");
    }

    @Test
    void theStatusFollowsTheConnectorAndRegenerateDisconnectsIt() throws Exception {
        Organization hospital = hospital("Status Hospital");
        IntegrationCredentials credentials = data.enableIntegration(hospital);
        assertEquals(ConnectionState.NOT_CONNECTED, data.integrationOf(hospital).connectionStateAt(Instant.now()));
        ReferenceConnector connector = connector(credentials, contacts(2));
        connector.awaitWelcome(WAIT);
        assertEquals(ConnectionState.CONNECTED, data.integrationOf(hospital).connectionStateAt(Instant.now()));
        connector.close();
        connector.awaitClose(WAIT);
        awaitState(hospital, ConnectionState.NOT_CONNECTED);

        ReferenceConnector again = connector(credentials, contacts(2));
        again.awaitWelcome(WAIT);
        awaitState(hospital, ConnectionState.CONNECTED);
        IntegrationCredentials fresh = data.regenerateIntegration(hospital);
        ReferenceConnector.Closed closed = again.awaitClose(WAIT);
        assertEquals(1008, closed.code());
        assertEquals("The integration was disabled or its key regenerated", closed.reason());
        awaitState(hospital, ConnectionState.NOT_CONNECTED);
        ReferenceConnector old = connector(credentials, contacts(2));
        assertEquals(1008, old.awaitClose(WAIT).code(), "the old credentials no longer sign in");
        ReferenceConnector renewed = connector(fresh, contacts(2));
        renewed.awaitWelcome(WAIT);
    }

    private void awaitState(Organization org, ConnectionState state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (data.integrationOf(org).connectionStateAt(Instant.now()) != state) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Status did not become " + state.label());
            }
            Thread.sleep(200);
        }
    }

    /**
     * The guide's example: Hospital A's system is connected and A is affiliated with Hospitals B
     * and C but not D (D is affiliated with B). A's connector lists the native users of A, B and
     * C, B's external users only when linked, nobody of D; and the names of A and its affiliated
     * practice with A's voice number.
     */
    @Test
    void theReverseSyncListsNativeUsersOfTheOrganizationAndItsAffiliatesAndTheirLinkedExternalUsers() throws Exception {
        Organization a = hospital("Hospital A");
        Organization b = hospital("Hospital B");
        Organization c = hospital("Hospital C");
        Organization d = hospital("Hospital D");
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Practice 1"), "(408) 882-5831");
        data.affiliate(a, b);
        data.affiliate(a, c);
        data.affiliate(b, d);
        data.affiliate(a, practice);
        User ann = data.member(a, ItData.uniqueEmail("ann"));
        User bea = data.member(b, ItData.uniqueEmail("bea"));
        User cal = data.member(c, ItData.uniqueEmail("cal"));
        User dan = data.member(d, ItData.uniqueEmail("dan"));
        User pia = data.member(practice, ItData.uniqueEmail("pia"));
        User badgeOnly = data.externalUser(b, "b-badge-1", "Unlinked", "Badge");
        User linked = data.externalUser(b, "b-badge-2", "Linked", "Badge");
        data.transaction(em -> {
            em.find(User.class, linked.getId()).setLinkedUser(em.find(User.class, bea.getId()));
            return null;
        });
        Organization aNow = data.reload(a);

        IntegrationCredentials credentials = data.enableIntegration(a);
        ReferenceConnector connector = connector(credentials, contacts(0));
        connector.awaitWelcome(WAIT);
        JsonObject directory = connector.await(ReferenceConnector.ofType("directory"), WAIT);
        Set<String> staffIds = directory.getJsonArray("users").stream()
                .map(v -> v.asJsonObject().getString("staffId")).collect(Collectors.toSet());
        assertTrue(staffIds.containsAll(Set.of(ann.getStaffId(), bea.getStaffId(), cal.getStaffId(), pia.getStaffId(),
                linked.getStaffId())), directory.toString());
        assertFalse(staffIds.contains(dan.getStaffId()), "D is not affiliated with A");
        assertFalse(staffIds.contains(badgeOnly.getStaffId()), "B's unlinked external user");
        List<String> organizations = directory.getJsonArray("organizations").stream()
                .map(v -> v.asJsonObject().getString("name")).toList();
        assertEquals(List.of(a.getName(), practice.getName()), organizations);
        for (JsonValue o : directory.getJsonArray("organizations")) {
            JsonValue number = o.asJsonObject().get("voiceNumber");
            assertEquals(aNow.getVoiceNumber(), number == JsonValue.NULL ? null : o.asJsonObject().getString("voiceNumber"),
                    "every name is dialled through A's voice number");
        }

        // A change reaches the connector promptly: C stops exposing its members to A.
        data.transaction(em -> {
            Affiliation ac = em.createQuery("select x from Affiliation x where (x.organizationLow.id = :a and"
                    + " x.organizationHigh.id = :c) or (x.organizationLow.id = :c and x.organizationHigh.id = :a)",
                    Affiliation.class).setParameter("a", a.getId()).setParameter("c", c.getId()).getSingleResult();
            ac.setPermission(em.find(Organization.class, c.getId()), AssociationPermission.NONE, List.of());
            return null;
        });
        JsonObject changed = connector.await(ReferenceConnector.ofType("directory"), WAIT);
        Set<String> now = changed.getJsonArray("users").stream().map(v -> v.asJsonObject().getString("staffId"))
                .collect(Collectors.toSet());
        assertFalse(now.contains(cal.getStaffId()));
        assertTrue(now.contains(bea.getStaffId()));
    }

    /**
     * The Integrations page in Chromium: Enable shows the credentials once, the connector signs in
     * with them, the status turns Connected without reloading, the import appears with its counts
     * and its per-user rows, and another organization's pages and runs are not found.
     */
    @Test
    void theIntegrationsPageEnablesFollowsTheStatusAndListsImportsOfItsOwnOrganizationOnly() throws Exception {
        Organization hospital = hospital("Console Hospital");
        String email = ItData.uniqueEmail("integrator");
        data.administrator(hospital, email, "Correct-Horse-9");
        Organization other = hospital("Other Hospital");
        ReferenceConnector others = connector(data.enableIntegration(other), contacts(1));
        long otherRun = result(others).getJsonNumber("runId").longValue();

        try (Browser browser = new Browser(Deployments.loopback(deployed))) {
            browser.signIn(email, "Correct-Horse-9");
            browser.waitForUrlContaining("/console/");
            browser.open("/console/integration/integrations.xhtml");
            browser.waitForText("#notEnabled", "Integration is not enabled");
            browser.click("#integration\\:enable");
            try {
                browser.waitForText("#banner", "Integration enabled.");
            } catch (RuntimeException e) {
                browser.screenshot("integrations-enable");
                throw new AssertionError("After Enable: " + browser.currentUrl() + "\n" + browser.pageText(), e);
            }
            String id = browser.text("#integration\\:integrationUserId");
            String key = browser.text("#integration\\:sharedKey");
            assertEquals(data.integrationOf(hospital).getIntegrationUserId(), id);
            assertEquals(64, key.length());
            assertEquals("Not Connected", browser.text("#adapterStatus"));

            ReferenceConnector connector = connector(id, key, () -> contacts(3));
            connector.awaitWelcome(WAIT);
            long runId = result(connector).getJsonNumber("runId").longValue();
            long deadline = System.currentTimeMillis() + 40_000;
            while (!"Connected".equals(browser.text("#adapterStatus")) || !browser.text("#results").contains("SUCCEEDED")) {
                assertTrue(System.currentTimeMillis() < deadline, "the poll shows the status and the import: "
                        + browser.text("#adapterStatus") + " / " + browser.text("#results"));
                Thread.sleep(500);
            }
            browser.click("#results\\:runs\\:0\\:view");
            browser.waitForText("#records\\:users", "CREATED");
            assertEquals(3, browser.findAll("#records\\:users_data tr").size());
            assertTrue(browser.text("#summary").contains("Created 3"), browser.text("#summary"));

            browser.open("/console/integration/integrations.xhtml");
            browser.waitFor("#integration\\:sharedKeyHidden");
            assertFalse(browser.pageText().contains(key), "the key is shown only once");

            browser.open("/console/integration/import.xhtml?run=" + otherRun);
            browser.waitFor("#not-found");
            browser.open("/console/integration/import.xhtml?id=" + other.getId() + "&run=" + otherRun);
            browser.waitFor("#not-found");
            browser.open("/console/integration/integrations.xhtml?id=" + other.getId());
            browser.waitFor("#not-found");
            assertFalse(browser.pageText().contains(other.getName()));
            browser.open("/console/integration/import.xhtml?run=" + runId);
            browser.waitForText("#records\\:users", "CREATED");
        }
    }

    /**
     * Imported users in the console: the Update User link leads to the Imported User page, an
     * administrator renames and links the user to a native profile, whose Linked accounts show
     * the badge and unlink after confirmation; another organization's imported user is not found.
     */
    @Test
    void anAdministratorRenamesLinksAndUnlinksAnImportedUserOfTheirOwnOrganizationOnly() throws Exception {
        Organization hospital = hospital("Linking Hospital");
        String email = ItData.uniqueEmail("linker");
        data.administrator(hospital, email, "Correct-Horse-9");
        User linus = data.member(hospital, ItData.uniqueEmail("linus"));
        User badge = data.externalUser(hospital, "vs-linus", linus.getFirstName(), linus.getLastName());
        User stranger = data.externalUser(hospital("Stranger Hospital"), "vs-x", "Sally", "Brown");

        try (Browser browser = new Browser(Deployments.loopback(deployed))) {
            browser.signIn(email, "Correct-Horse-9");
            browser.waitForUrlContaining("/console/");
            browser.open("/console/user/edit.xhtml?id=" + badge.getId());
            browser.waitForUrlContaining("/console/user/imported.xhtml");
            assertEquals("vs-linus", browser.text("#imported\\:externalId"));
            assertEquals(badge.getStaffId(), browser.text("#imported\\:staffId"));

            browser.type("#imported\\:middleName", "Q");
            browser.click("#imported\\:save");
            browser.waitForText("#banner", "Names saved.");
            assertTrue(data.reload(badge).isNamesEdited());

            browser.click("#imported\\:openLink");
            browser.waitForText("#link\\:matches", linus.getStaffId());
            browser.click("#link\\:matches\\:0\\:choose");
            browser.waitForText("#banner", "Linked to " + linus.getSortName());
            assertEquals(linus.getId(), data.transaction(em -> em.find(User.class, badge.getId()).getLinkedUser().getId()));

            browser.open("/console/user/edit.xhtml?id=" + linus.getId());
            browser.waitForText("#linkedForm\\:linked", "vs-linus");
            assertTrue(browser.text("#linkedForm\\:linked").contains("Not reported"));
            browser.click("#linkedForm\\:linked\\:0\\:unlink");
            browser.waitFor("#linkedForm\\:unlinkYes");
            browser.click("#linkedForm\\:unlinkYes");
            browser.waitForText("#banner", "Account unlinked.");
            User unlinked = data.transaction(em -> em.find(User.class, badge.getId()));
            assertTrue(unlinked.getLinkedUser() == null, "unlinked");

            browser.open("/console/user/imported.xhtml?id=" + stranger.getId());
            browser.waitFor("#not-found");
            browser.open("/console/user/imported.xhtml?id=" + linus.getId());
            browser.waitFor("#not-found");
        }
    }

    private Long linkedProfileId(User imported) {
        return data.transaction(em -> {
            User linked = em.find(User.class, imported.getId()).getLinkedUser();
            return linked == null ? null : linked.getId();
        });
    }

    /** Imported User ▸ link dialog ▸ "Create a new Carebridge profile…": the dialog asking how. */
    private static void openCreateDialog(Browser browser, User imported) {
        browser.open("/console/user/imported.xhtml?id=" + imported.getId());
        browser.click("#imported\\:openLink");
        browser.waitFor("#link\\:openCreate");
        browser.click("#link\\:openCreate");
        browser.waitFor("#create\\:chooseMethod");
    }

    /**
     * A new Carebridge profile for a badge user, both ways the guide describes: an invitation whose
     * mailed link registers the person, who is linked as they register; and Create User Profile,
     * opened with the imported names, which links on save. An imported user of another
     * organization, or one already linked, cannot be linked from Create User Profile.
     */
    @Test
    void anAdministratorGivesABadgeUserANewProfileByInvitationOrByHand() throws Exception {
        Organization hospital = hospital("New Profile Hospital");
        String email = ItData.uniqueEmail("creator");
        data.administrator(hospital, email, PASSWORD);
        User lucy = data.externalUser(hospital, "vs-lucy", "Lucy", "Pelt");
        User schroeder = data.externalUser(hospital, "vs-schroeder", "Schroeder", "Keys");
        Organization elsewhere = hospital("Elsewhere Hospital");
        User stranger = data.externalUser(elsewhere, "vs-patty", "Peppermint", "Patty");
        String invitee = ItData.uniqueEmail("lucy");

        try (Browser browser = new Browser(Deployments.loopback(deployed))) {
            browser.signIn(email, PASSWORD);
            browser.waitForUrlContaining("/console/");
            openCreateDialog(browser, lucy);
            browser.click("#create\\:chooseMethod");
            browser.waitFor("#create\\:inviteEmail");
            assertEquals("Lucy", browser.value("#create\\:inviteFirstName"));
            assertEquals("Pelt", browser.value("#create\\:inviteLastName"));
            browser.type("#create\\:inviteEmail", invitee);
            browser.click("#create\\:sendInvite");
            browser.waitForText("#banner", "Invitation sent to " + invitee);
            browser.waitForText("#imported\\:pending", invitee);
            assertTrue(linkedProfileId(lucy) == null, "linked only when the person registers");

            MimeMessage mail = Mailbox.await(SMTP, invitee, "invites you to Carebridge");
            browser.signOut();
            browser.forgetSession();
            browser.driver().get(Mailbox.link(mail));
            browser.waitFor("#register\\:submit");
            assertEquals("Lucy", browser.value("#register\\:firstName"));
            browser.type("#register\\:pin", "2580");
            browser.type("#register\\:pinConfirmation", "2580");
            browser.click("#register\\:submit");
            browser.waitForText("#registered", "You are registered with " + hospital.getName());
            User registered = data.userByEmail(invitee);
            assertEquals(registered.getId(), linkedProfileId(lucy));

            browser.signIn(email, PASSWORD);
            browser.waitForUrlContaining("/console/");
            browser.open("/console/user/edit.xhtml?id=" + registered.getId());
            browser.waitForText("#linkedForm\\:linked", "vs-lucy");

            openCreateDialog(browser, schroeder);
            browser.click("label[for='create:method:1']");
            browser.click("#create\\:chooseMethod");
            browser.waitForUrlContaining("/console/user/create.xhtml");
            browser.waitForText("#linkingNote", schroeder.getStaffId());
            assertEquals("Schroeder", browser.value("#profile\\:firstName"));
            assertEquals("Keys", browser.value("#profile\\:lastName"));
            String byHand = ItData.uniqueEmail("schroeder");
            browser.type("#profile\\:email", byHand);
            browser.type("#profile\\:pin", "1357");
            browser.click("#profile\\:save");
            browser.waitForUrlContaining("/console/user/edit.xhtml?id=");
            browser.waitForText("#banner", "created and linked");
            browser.waitForText("#linkedForm\\:linked", "vs-schroeder");
            assertEquals(data.userByEmail(byHand).getId(), linkedProfileId(schroeder));

            for (String path : List.of("/console/user/create.xhtml?linkImported=" + stranger.getId(),
                    "/console/user/create.xhtml?organization=" + elsewhere.getId() + "&linkImported=" + stranger.getId(),
                    "/console/user/create.xhtml?linkImported=" + schroeder.getId())) {
                browser.open(path);
                browser.waitFor("#not-found");
                assertFalse(browser.pageText().contains("Peppermint"), path);
            }
        }
    }
}
