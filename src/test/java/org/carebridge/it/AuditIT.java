package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit trail in the console, in headless Chromium against the real WAR on Payara Micro
 * and PostgreSQL: changes made in the console show up with their before and after, the filters
 * narrow the list, the CSV export carries what the filters match, and other organizations'
 * trails are not found.
 */
class AuditIT extends BrowserTestSupport {

    private static final String PASSWORD = "Correct-Horse-9";

    private Organization hospital;
    private User admin;
    private String adminEmail;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Abelard Medical Center"), "(877) 555-0100");
        adminEmail = ItData.uniqueEmail("auditor");
        admin = data.administrator(hospital, adminEmail, PASSWORD);
    }

    @Test
    void consoleChangesAreListedFilteredAndExported() throws Exception {
        ContactGroup cardiology = data.group(hospital, "Cardiology");
        String oldName = hospital.getName();
        String newName = ItData.unique("Abelard Heart Center");
        String actor = admin.getSortName() + " (" + admin.getStaffId() + ")";

        signIn();
        browser.type("#org\\:name", newName);
        browser.type("#org\\:officeNumber", "(888) 555-0199");
        browser.click("#org\\:save");
        browser.waitForText("#banner", "Organization updated.");

        browser.open("/console/group/edit.xhtml?id=" + cardiology.getId());
        browser.type("#details\\:name", "Cardiology and Vascular");
        browser.click("#details\\:save");
        browser.waitForText("#banner", "Group updated.");

        String menuLink = browser.findAll("#menu\\:auditTrail a, a#menu\\:auditTrail").stream()
                .map(a -> a.getAttribute("href")).findFirst().orElse("");
        assertTrue(menuLink.endsWith("/console/audit/events.xhtml"), "Admin menu: " + menuLink);
        browser.open("/console/audit/events.xhtml");
        browser.waitForText("#events\\:list", "Group updated");
        List<List<String>> rows = rows();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(List.of(actor, "Group updated", "Group " + cardiology.getId(),
                "Group name: \"Cardiology\" \u2192 \"Cardiology and Vascular\""), rows.get(0).subList(1, 5));
        assertEquals(List.of(actor, "Organization updated", "Organization " + hospital.getId(),
                "Name: \"" + oldName + "\" \u2192 \"" + newName + "\"; Office number: \"(877) 555-0100\" \u2192 "
                        + "\"(888) 555-0199\""), rows.get(1).subList(1, 5));
        assertTrue(rows.get(0).get(0).startsWith(LocalDate.now(ZoneId.of("America/New_York")).toString()),
                "time on the administrator's clock: " + rows.get(0).get(0));
        assertEquals(baseUrl() + ("/console/group/edit.xhtml?id=" + cardiology.getId()),
                browser.find("#events\\:list_data tr:first-child a.target-link").getAttribute("href"));
        browser.screenshot("console-audit-trail");

        new Select(browser.find("#filters\\:action")).selectByVisibleText("Organization updated");
        browser.click("#filters\\:apply");
        waitUntilRows(1);
        assertEquals("Organization updated", rows().get(0).get(2));

        new Select(browser.find("#filters\\:action")).selectByVisibleText("Any action");
        browser.type("#filters\\:text", "VASCULAR");
        browser.click("#filters\\:apply");
        waitUntilRows(1);
        assertEquals("Group updated", rows().get(0).get(2));

        browser.type("#filters\\:text", "");
        browser.type("#filters\\:actor", "no such person");
        browser.click("#filters\\:apply");
        browser.waitForText("#events\\:list", "No events match.");

        browser.type("#filters\\:actor", admin.getLastName().toUpperCase());
        browser.type("#filters\\:text", "office number");
        browser.click("#filters\\:apply");
        waitUntilRows(1);
        HttpResponse<String> export = fetch(browser.find("#export").getAttribute("href"));
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String slug = newName.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        assertEquals("attachment; filename=\"audit-" + slug + "-" + LocalDate.now(ZoneId.of("America/New_York"))
                + ".csv\"", export.headers().firstValue("Content-Disposition").orElse(""));
        List<String> lines = export.body().lines().toList();
        assertEquals("\uFEFFTime,Actor,Action,Target type,Target id,Details", lines.get(0));
        assertEquals(2, lines.size(), "the filtered export: " + lines);
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[45]:00,.*"), lines.get(1));
        assertTrue(lines.get(1).contains(",\"" + actor + "\",Organization updated,Organization," + hospital.getId()
                + ",\"Name: \"\"" + oldName + "\"\""), lines.get(1));

        HttpResponse<String> everything = fetch(baseUrl() + ("/console/audit/export.csv"));
        assertEquals(3, everything.body().lines().count(), everything.body());
    }

    @Test
    void anotherOrganizationsTrailIsNotFoundOnThePageOrInTheExport() throws Exception {
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"),
                "(212) 555-0147");
        data.group(practice, "Front Desk");
        signIn();
        for (String path : List.of("/console/audit/events.xhtml?organization=" + practice.getId(),
                "/console/audit/events.xhtml?organization=999999999", "/console/audit/events.xhtml?organization=abc")) {
            browser.open(path);
            browser.waitFor("#not-found");
            assertFalse(browser.pageText().contains(practice.getName()), path);
        }
        assertEquals(404, fetch(baseUrl() + ("/console/audit/export.csv?organization=" + practice.getId()))
                .statusCode());
        assertEquals(400, fetch(baseUrl() + ("/console/audit/export.csv?from=yesterday")).statusCode());
        browser.open("/console/audit/events.xhtml?organization=" + hospital.getId());
        browser.waitForText("#events\\:list", "No events match.");
        browser.forgetSession();
        HttpResponse<String> signedOut = fetch(baseUrl() + ("/console/audit/export.csv"));
        assertFalse(signedOut.body().contains("Time,Actor"), "no export without signing in");
    }

    // ---- Filters by user and by conversation ----

    @Test
    void oneUsersAndOneConversationsLinesWhateverTheirDateAndOnlyThisOrganizations() throws Exception {
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"),
                "(212) 555-0147");
        User nurse = data.member(hospital, ItData.uniqueEmail("nurse"));
        User outsider = data.member(practice, ItData.uniqueEmail("outsider"));
        long conversation = 700_000_000L + (long) (Math.random() * 1_000_000);
        java.time.Instant longAgo = java.time.Instant.now().minus(Duration.ofDays(90));
        data.transaction(em -> {
            Organization h = em.find(Organization.class, hospital.getId());
            Organization p = em.find(Organization.class, practice.getId());
            User n = em.find(User.class, nurse.getId());
            User o = em.find(User.class, outsider.getId());
            em.persist(org.carebridge.audit.AuditEvent.byUser(n, h, "message.sent", "message", "81", "Recipients: 1",
                    longAgo).inConversation(conversation));
            em.persist(org.carebridge.audit.AuditEvent.byUser(o, h, "message.read", "message", "81", null,
                    longAgo.plusSeconds(60)).inConversation(conversation));
            em.persist(org.carebridge.audit.AuditEvent.byUser(o, p, "message.read", "message", "81", null,
                    longAgo.plusSeconds(60)).inConversation(conversation));
            em.persist(org.carebridge.audit.AuditEvent.byUser(n, h, "message.sent", "message", "82", "Recipients: 1",
                    longAgo.plusSeconds(120)).inConversation(conversation + 1));
            return null;
        });
        signIn();

        browser.open("/console/audit/events.xhtml?conversation=" + conversation);
        waitUntilRows(2);
        assertEquals(List.of("Message read", "Message sent"), rows().stream().map(r -> r.get(2)).toList(),
                "90 days old, yet shown; the practice's own line stays in its trail");
        assertEquals(String.valueOf(conversation), browser.value("#filters\\:conversation"));
        HttpResponse<String> export = fetch(browser.find("#export").getAttribute("href"));
        assertEquals(3, export.body().lines().count(), export.body());

        browser.type("#filters\\:user", String.valueOf(nurse.getId()));
        browser.click("#filters\\:apply");
        waitUntilRows(1);
        assertEquals("Message sent", rows().get(0).get(2));
        browser.type("#filters\\:conversation", "");
        browser.click("#filters\\:apply");
        waitUntilRows(2);
        assertEquals(List.of("message 82", "message 81"), rows().stream().map(r -> r.get(3)).toList());

        browser.type("#filters\\:user", "Grace");
        browser.click("#filters\\:apply");
        browser.waitForText("#filters", "A user ID is a number");

        browser.open("/console/audit/events.xhtml?user=abc");
        browser.waitForText("#banner", "\"abc\" is not a user ID");

        browser.open("/console/audit/events.xhtml?organization=" + practice.getId() + "&conversation=" + conversation);
        browser.waitFor("#not-found");
        assertEquals(404, fetch(baseUrl() + "/console/audit/export.csv?organization=" + practice.getId()
                + "&conversation=" + conversation).statusCode());
        assertEquals(400, fetch(baseUrl() + "/console/audit/export.csv?conversation=abc").statusCode());
    }

    private void signIn() {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
    }

    /** Each row's cells, as the page shows them. */
    private List<List<String>> rows() {
        return browser.findAll("#events\\:list_data tr").stream()
                .filter(tr -> !tr.getAttribute("class").contains("ui-datatable-empty-message"))
                .map(tr -> tr.findElements(By.tagName("td")).stream()
                        .map(td -> td.getAttribute("textContent").strip()).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    private void waitUntilRows(int count) {
        browser.waitForAjax();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(RuntimeException.class)
                .until(d -> rows().size() == count);
    }

    /** GETs {@code url} with the browser's session cookie, as a download would. */
    private HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
