package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.carebridge.messaging.Conversation;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.RetentionPeriod;
import org.carebridge.organization.RetentionUnit;
import org.carebridge.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The admin console in headless Chromium against the real WAR on Payara Micro (PostgreSQL,
 * mail through a real SMTP server): sign-in, sign-out, the Update Organization page, password
 * reset by mailed link, hospital creation, and tenant isolation.
 */
class ConsoleIT extends BrowserTestSupport {

    private static final String PASSWORD = "Correct-Horse-9";

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private Organization hospital;
    private String adminEmail;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Mercy Hospital"), "(408) 882-5830");
        adminEmail = ItData.uniqueEmail("admin");
        data.administrator(hospital, adminEmail, PASSWORD);
    }

    @Test
    void signInLandsOnOwnUpdateOrganizationPage() {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        assertEquals(hospital.getName(), browser.text("#header-organization"));
        assertEquals(String.valueOf(hospital.getId()), browser.text("#org\\:groupId"));
        assertEquals(hospital.getName(), browser.value("#org\\:name"));
        assertTrue(browser.pageText().contains("Members (1)"), browser.pageText());
        browser.screenshot("console-update-organization");
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        browser.signIn(adminEmail, "not-the-password");
        browser.waitForText("#signin\\:messages", "The e-mail address or password is not correct.");
        browser.signIn(ItData.uniqueEmail("nobody"), PASSWORD);
        browser.waitForText("#signin\\:messages", "The e-mail address or password is not correct.");
        browser.open("/console/organization/edit.xhtml");
        browser.waitForUrlContaining("/login.xhtml");
        browser.screenshot("console-sign-in-refused");
    }

    @Test
    void signOutEndsTheSession() {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.signOut();
        browser.open("/console/organization/edit.xhtml");
        browser.waitForUrlContaining("/login.xhtml");
    }

    @Test
    void savingTheOrganizationAppliesEveryRuleOfTheGuide() {
        Organization tollFree = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Toll Free Clinic"),
                "(800) 555-0000");
        String email = ItData.uniqueEmail("tollfree");
        data.administrator(tollFree, email, PASSWORD);
        browser.signIn(email, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        assertEquals("None assigned", browser.text("#org\\:voiceNumber"));

        // Invalid values: field messages, nothing saved.
        browser.type("#org\\:name", " ");
        browser.type("#org\\:officeNumber", "12");
        browser.click("#org\\:save");
        browser.waitForText("#org", "Enter the organization's name.");
        assertTrue(browser.pageText().contains("Enter a 10-digit number"), browser.pageText());
        assertEquals(tollFree.getName(), data.reload(tollFree).getName());

        // A regular area code gets a voice number from it.
        String renamed = ItData.unique("Renamed Clinic");
        browser.type("#org\\:name", renamed);
        browser.type("#org\\:officeNumber", "415-555-0123");
        browser.click("#org\\:save");
        browser.waitForText("#banner", "Organization updated.");
        Organization saved = data.reload(tollFree);
        assertEquals(renamed, saved.getName());
        assertEquals("(415) 555-0123", saved.getOfficeNumber());
        assertTrue(saved.getVoiceNumber().startsWith("(415) 555-01"), saved.getVoiceNumber());
        assertEquals(10_080, saved.getMessageExpirationMinutes(), "default expiration is 7 days");
        assertNull(saved.retention(), "default retention keeps content forever");
        assertEquals(30, saved.getPrioritySoundSeconds(), "default sound length");
        browser.waitForText("#org\\:voiceNumber", saved.getVoiceNumber());

        // Back to toll-free: the voice number stays.
        browser.type("#org\\:officeNumber", "(888) 555-0199");
        browser.click("#org\\:save");
        browser.waitForAjax();
        browser.waitForText("#banner", "Organization updated.");
        assertEquals(saved.getVoiceNumber(), data.reload(tollFree).getVoiceNumber());

        // Taking another organization's name is refused.
        browser.type("#org\\:name", hospital.getName().toUpperCase());
        browser.click("#org\\:save");
        browser.waitForText("#org", "already exists");
        assertEquals(renamed, data.reload(tollFree).getName());
        browser.screenshot("console-update-organization-errors");
    }

    @Test
    void cancelBringsBackWhatIsStored() {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.type("#org\\:name", "Something Else Entirely");
        browser.click("#org\\:cancel");
        browser.waitForText("#banner", "Changes discarded.");
        assertEquals(hospital.getName(), browser.value("#org\\:name"));
        assertEquals(hospital.getName(), data.reload(hospital).getName());
    }

    @Test
    void aForgedPostWithoutTheViewStateChangesNothing() throws Exception {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "org=org&org%3Aname=Hijacked&org%3AofficeNumber=4088825830&org%3Asave=&"
                + "jakarta.faces.ViewState=stateless";
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                URI.create(Deployments.loopback(deployed) + "/console/organization/edit.xhtml"))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(forged.body().contains("Exception"), "no stack trace reaches the browser");
        assertEquals(hospital.getName(), data.reload(hospital).getName());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Deployments.loopback(deployed) + "/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self' 'nonce-"));
        String cookie = page.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void healthMetricsAndOpenApiAnswer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = Deployments.loopback(deployed);
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("PostgreSQL"), ready.body());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(openapi.body().contains("Carebridge client API"), openapi.body());
    }

    @Test
    void anAdministratorCannotOpenAnotherOrganizationByChangingTheId() {
        Organization other = data.organization(OrganizationKind.PRACTICE, ItData.unique("Other Practice"),
                "(212) 555-0147");
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/organization/edit.xhtml?id=" + other.getId());
        browser.waitFor("#not-found");
        assertFalse(browser.pageText().contains(other.getName()), "nothing of the other organization shows");
        browser.open("/console/system/organizations.xhtml");
        browser.waitFor("#not-found");
        browser.open("/console/organization/edit.xhtml?id=" + hospital.getId());
        assertEquals(hospital.getName(), browser.text("#header-organization"));
    }

    @Test
    void forgottenPasswordIsResetThroughTheMailedLink() throws Exception {
        browser.open("/login.xhtml");
        browser.click("#signin\\:forgot");
        browser.type("#forgot\\:email", adminEmail.toUpperCase());
        browser.click("#forgot\\:submit");
        browser.waitFor("#sent");

        MimeMessage mail = Mailbox.await(SMTP, adminEmail, "Reset your Carebridge password");
        String link = Mailbox.link(mail);
        assertTrue(link.startsWith(Deployments.loopback(deployed) + "/password/reset.xhtml?token="), link);
        assertTrue(Mailbox.text(mail).contains(hospital.getName()), "mail names the organization");

        browser.driver().get(link);
        browser.type("#reset\\:password", "short");
        browser.type("#reset\\:confirmation", "short");
        browser.click("#reset\\:submit");
        browser.waitForText("#reset", "at least 8 characters");
        browser.type("#reset\\:password", "New-Password-42");
        browser.type("#reset\\:confirmation", "New-Password-43");
        browser.click("#reset\\:submit");
        browser.waitForText("#reset", "do not match");
        browser.type("#reset\\:password", "New-Password-42");
        browser.type("#reset\\:confirmation", "New-Password-42");
        browser.click("#reset\\:submit");
        browser.waitForText("#notice", "Your password has been changed.");
        Mailbox.await(SMTP, adminEmail, "Your Carebridge password was changed");

        browser.signIn(adminEmail, PASSWORD);
        browser.waitForText("#signin\\:messages", "not correct");
        browser.signIn(adminEmail, "New-Password-42");
        browser.waitForUrlContaining("/console/organization/edit.xhtml");

        browser.driver().get(link);
        browser.waitFor("#unusable");
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() {
        String stranger = ItData.uniqueEmail("stranger");
        browser.open("/password/forgot.xhtml");
        browser.type("#forgot\\:email", stranger);
        browser.click("#forgot\\:submit");
        browser.waitFor("#sent");
        SMTP.waitForIncomingEmail(2_000, 1);
        assertEquals(0, SMTP.getReceivedMessagesForDomain(stranger).length);
    }

    @Test
    void systemAdministratorCreatesAHospitalWhoseAdministratorChoosesAPassword() {
        String sysadminEmail = ItData.uniqueEmail("sysadmin");
        data.systemAdministrator(hospital, sysadminEmail, PASSWORD);
        browser.signIn(sysadminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/system/create-hospital.xhtml");
        String name = ItData.unique("Lakeside Medical Center");
        String firstAdmin = ItData.uniqueEmail("first");
        browser.type("#hospital\\:name", name);
        browser.type("#hospital\\:officeNumber", "(617) 555-0175");
        browser.type("#hospital\\:adminFirstName", "Ada");
        browser.type("#hospital\\:adminLastName", "Byron");
        browser.type("#hospital\\:adminEmail", firstAdmin);
        browser.click("#hospital\\:create");
        browser.waitForText("#banner", "Hospital " + name + " created.");
        assertEquals(name, browser.text("#crumb-organization"));
        assertEquals(name, browser.value("#org\\:name"));
        browser.screenshot("console-system-create-hospital");

        browser.open("/console/system/organizations.xhtml");
        browser.type("#orgs\\:search", name);
        browser.click("#orgs\\:go");
        browser.waitForText("#orgs\\:list", name);

        browser.signOut();
        String link = Mailbox.link(Mailbox.await(SMTP, firstAdmin, "You are the Carebridge administrator of " + name));
        browser.driver().get(link);
        browser.type("#reset\\:password", "First-Password-1");
        browser.type("#reset\\:confirmation", "First-Password-1");
        browser.click("#reset\\:submit");
        browser.waitForText("#notice", "Your password has been changed.");
        browser.signIn(firstAdmin, "First-Password-1");
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        assertEquals(name, browser.text("#header-organization"));
    }

    // ---- Retention purge on Update Organization (messaging/retention) ----

    /** A message sent {@code daysAgo} in a conversation {@code from} starts with {@code to}; its id. */
    private long oldMessage(User from, User to, int daysAgo) {
        Instant at = Instant.now().minus(Duration.ofDays(daysAgo));
        return data.transaction(em -> {
            User sender = em.find(User.class, from.getId());
            Conversation conversation = new Conversation(sender, List.of(em.find(User.class, to.getId())), at);
            em.persist(conversation);
            Message message = new Message(conversation, sender, "it-" + UUID.randomUUID(), "Room 12 is ready",
                    MessagePriority.NORMAL, List.of(), at);
            em.persist(message);
            em.persist(message.deliverTo(em.find(User.class, to.getId())));
            return message;
        }).getId();
    }

    private boolean purged(long messageId) {
        return data.transaction(em -> em.find(Message.class, messageId).isContentPurged());
    }

    private void keepFor(Organization organization, RetentionPeriod retention) {
        data.transaction(em -> {
            em.find(Organization.class, organization.getId()).changeRetention(retention);
            return null;
        });
    }

    @Test
    void anAdministratorRunsTheRetentionPurgeForTheirOrganizationOnly() {
        Organization other = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Other Hospital"),
                "(212) 555-0147");
        User ours = data.member(hospital, ItData.uniqueEmail("nurse"));
        User theirs = data.member(other, ItData.uniqueEmail("doctor"));
        long startedByUs = oldMessage(ours, theirs, 3);
        long startedByThem = oldMessage(theirs, ours, 3);
        keepFor(other, new RetentionPeriod(1, RetentionUnit.DAYS));

        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#retention", "No purge has run for this organization yet.");
        // No retention period yet: a clear refusal, nothing purged.
        browser.click("#retention\\:purgeNow");
        browser.waitForText("#affiliates\\:confirmDelete", "removed for good");
        browser.click("#affiliates\\:confirmYes");
        browser.waitForText("#banner", "keeps message content forever");
        assertFalse(purged(startedByUs));

        keepFor(hospital, new RetentionPeriod(1, RetentionUnit.DAYS));
        browser.open("/console/organization/edit.xhtml");
        browser.click("#retention\\:purgeNow");
        browser.waitForText("#affiliates\\:confirmDelete", "removed for good");
        browser.click("#affiliates\\:confirmNo");
        assertFalse(purged(startedByUs), "cancelled");
        browser.click("#retention\\:purgeNow");
        browser.waitForText("#affiliates\\:confirmDelete", "removed for good");
        assertEquals("Purge now", browser.text("#affiliates\\:confirmYes"));
        browser.click("#affiliates\\:confirmYes");
        browser.waitForText("#banner", "Purge finished: the content of 1 message sent before");
        browser.waitForText("#retention\\:runs", "Started by an administrator");
        assertEquals("1", browser.text("#retention\\:runs .purged-count"));
        assertEquals("Completed", browser.text("#retention\\:runs .purge-state"));
        assertTrue(purged(startedByUs));
        assertFalse(purged(startedByThem), "the other organization's conversation is theirs to purge");
        browser.screenshot("console-retention-purge");

        // A system administrator may run it for any organization.
        String sysadminEmail = ItData.uniqueEmail("sysadmin");
        data.systemAdministrator(hospital, sysadminEmail, PASSWORD);
        browser.signOut();
        browser.signIn(sysadminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/organization/edit.xhtml?id=" + other.getId());
        browser.waitForText("#retention", "No purge has run for this organization yet.");
        browser.click("#retention\\:purgeNow");
        browser.waitForText("#affiliates\\:confirmDelete", "removed for good");
        browser.click("#affiliates\\:confirmYes");
        browser.waitForText("#banner", "Purge finished: the content of 1 message");
        assertTrue(purged(startedByThem));
    }
}
