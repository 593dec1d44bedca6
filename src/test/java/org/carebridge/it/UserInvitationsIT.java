package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;

import org.carebridge.group.ContactGroup;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.invitation.UserInvitationStatus;
import org.carebridge.mail.MailState;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Inviting users and registering, in headless Chromium against the real WAR (PostgreSQL, mail
 * through a real SMTP server): invite by CSV upload and by typed addresses, statuses following
 * the mail (also through an SMTP outage), live filters, resend and delete with their dialogs, the
 * registration link end to end, a malformed address aborting the batch, and other organizations'
 * invitations out of reach.
 */
class UserInvitationsIT extends BrowserTestSupport {

    private static final String PASSWORD = "Invite-Admin-7";
    private static final String SUBJECT = "invites you to Carebridge";

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private Organization hospital;
    private User admin;
    private String domain;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Abelard Medical Center"), "(408) 882-5830");
        admin = data.administrator(hospital, ItData.uniqueEmail("inviter"), PASSWORD);
        domain = ItData.unique("x").substring(2) + ".invite.test";
    }

    private String address(String who) {
        return who + "@" + domain;
    }

    @Test
    void invitedByCsvUploadStatusesFollowTheMailAndTheListFiltersResendsAndDeletes() throws Exception {
        Path csv = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir", "target")), "invite", ".csv");
        Files.writeString(csv, "Email,First Name,Last Name,Department,Job Title\n"
                + address("sblair") + ",Steve,Blair,Cardiology,Cardiologist\n"
                + address("lrollins") + ",Lena,Rollins,cardiology,Nurse\n"
                + address("bevans") + ",Bea,Evans,Pharmacy,Pharmacist\n", StandardCharsets.UTF_8);
        try {
            signIn();
            browser.open("/console/user/invite.xhtml");
            browser.waitForText("#sampleCsv", "Download sample CSV file");
            browser.driver().findElement(By.cssSelector("#invite input[type=file]")).sendKeys(csv.toAbsolutePath()
                    .toString());
            browser.screenshot("console-invite-users");
            browser.click("#invite\\:submit");
            browser.waitForText("#banner", "Invitations have been sent.");
            browser.waitForText("#banner", "Groups created from the Department column: Cardiology, Pharmacy.");
        } finally {
            Files.deleteIfExists(csv);
        }
        assertEquals(List.of("Cardiology", "Pharmacy"), groupNames(hospital));
        Map<String, UserInvitation> invitations = invitationsByEmail(hospital);
        assertEquals(3, invitations.size());
        assertEquals("Rollins", invitations.get(address("lrollins")).getLastName());

        // The mails arrive and every status moves to Email Sent, on the page too.
        for (String who : List.of("sblair", "lrollins", "bevans")) {
            Mailbox.await(SMTP, address(who), SUBJECT);
        }
        awaitStatuses(hospital, s -> s == UserInvitationStatus.EMAIL_SENT);
        browser.open("/console/user/invitations.xhtml");
        browser.waitForText("#list\\:table_data", address("sblair"));
        assertEquals(3, rows().size());
        assertTrue(rows().stream().allMatch(r -> r.contains("Email Sent")), rows().toString());
        browser.screenshot("console-invitations");

        // Live filters, any part, any case.
        browser.type("#list\\:lastNameFilter", "OLL");
        waitForRows(1);
        assertTrue(rows().get(0).contains(address("lrollins")), rows().toString());
        clearFilter("#list\\:lastNameFilter");
        browser.type("#list\\:emailFilter", "EVANS@");
        waitForRows(1);
        browser.type("#list\\:firstNameFilter", "st");
        waitForRows(0);
        clearFilter("#list\\:emailFilter");
        clearFilter("#list\\:firstNameFilter");
        waitForRows(3);

        // Resend one: a new mail with a new link, the old link dead.
        Long blairMail = invitationsByEmail(hospital).get(address("sblair")).getOutboundMail().getId();
        tickRowContaining(address("sblair"));
        browser.click("#list\\:apply");
        browser.waitForText("#list\\:confirmResend", "already registered are not sent again");
        browser.click("#list\\:resendYes");
        browser.waitForText("#banner", "1 invitation has been sent again.");
        UserInvitation resent = invitationsByEmail(hospital).get(address("sblair"));
        assertFalse(blairMail.equals(resent.getOutboundMail().getId()));
        awaitStatuses(hospital, s -> s == UserInvitationStatus.EMAIL_SENT);

        // Delete two, through the menu's Delete and its dialog.
        tickRowContaining(address("sblair"));
        tickRowContaining(address("bevans"));
        browser.choose("#list\\:action", "Delete");
        browser.click("#list\\:apply");
        browser.waitForText("#list\\:confirmDelete", "can no longer register");
        browser.screenshot("console-invitations-delete");
        browser.click("#list\\:deleteYes");
        browser.waitForText("#banner", "2 invitations have been deleted.");
        waitForRows(1);
        assertEquals(List.of(address("lrollins")), List.copyOf(invitationsByEmail(hospital).keySet()));
    }

    @Test
    void theMailedLinkLeadsToRegistrationAndTheUserExists() throws Exception {
        signIn();
        invite(address("ywu") + "\n" + address("ywu").toUpperCase());
        browser.waitForText("#banner", "Invitations have been sent.");
        assertEquals(1, invitationsByEmail(hospital).size(), "the same address twice counts once");

        MimeMessage mail = Mailbox.await(SMTP, address("ywu"), SUBJECT);
        String text = Mailbox.text(mail);
        assertTrue(text.contains(hospital.getName()), text);
        String link = Mailbox.link(mail);
        assertTrue(link.startsWith(baseUrl() + "/register.xhtml?token="), link);
        awaitStatuses(hospital, s -> s == UserInvitationStatus.EMAIL_SENT);

        browser.signOut();
        browser.forgetSession();
        browser.driver().get(link);
        browser.waitFor("#register\\:submit");
        assertEquals(UserInvitationStatus.USER_CLICKED, invitationsByEmail(hospital).get(address("ywu")).getStatus());
        browser.driver().navigate().refresh();
        browser.waitFor("#register\\:submit");
        assertEquals(UserInvitationStatus.USER_CLICKED, invitationsByEmail(hospital).get(address("ywu")).getStatus());

        browser.type("#register\\:firstName", "Yan");
        browser.type("#register\\:lastName", "Wu");
        browser.type("#register\\:cellPhone", "(408) 555-0199");
        browser.type("#register\\:pin", "2580");
        browser.type("#register\\:pinConfirmation", "2581");
        browser.click("#register\\:submit");
        browser.waitForText("#register", "The two PINs differ");
        assertEquals(null, data.userByEmail(address("ywu")));

        browser.type("#register\\:pin", "2580");
        browser.type("#register\\:pinConfirmation", "2580");
        browser.screenshot("register-form");
        browser.click("#register\\:submit");
        browser.waitForText("#registered", "You are registered with " + hospital.getName());
        browser.screenshot("register-done");

        User user = data.userByEmail(address("ywu"));
        assertNotNull(user);
        assertEquals("Wu", user.getLastName());
        assertFalse(user.isOrgAdmin());
        assertEquals("America/New_York", user.getTimeZone(), "the organization's time zone by default");
        Pbkdf2PasswordHashImpl pbkdf2 = new Pbkdf2PasswordHashImpl();
        assertTrue(pbkdf2.verify("2580".toCharArray(), user.getPinHash()), "the PIN is stored as a verifying hash");
        assertFalse(user.getPinHash().contains("2580"));
        UserInvitation invitation = invitationsByEmail(hospital).get(address("ywu"));
        assertEquals(UserInvitationStatus.REGISTERED, invitation.getStatus());
        assertEquals(hospital.getId(), data.transaction(em -> em.find(User.class, user.getId()).getOrganization()
                .getId()));

        // The link works once.
        browser.driver().get(link);
        browser.waitForText("#unusable", "already been used to register");
    }

    @Test
    void aMalformedAddressAbortsTheBatchAndOtherOrganizationsAreOutOfReach() {
        Organization other = data.organization(OrganizationKind.PRACTICE, ItData.unique("St Nicholas Pediatrics"),
                "(212) 555-0147");
        User otherAdmin = data.administrator(other, ItData.uniqueEmail("other"), PASSWORD);

        signIn();
        invite(address("good") + " not-an-address, " + address("fine"));
        browser.waitForText("#banner", "\"not-an-address\" is not a valid e-mail address. Nobody was invited");
        assertTrue(invitationsByEmail(hospital).isEmpty());
        assertTrue(data.mailsTo(address("good")).isEmpty());
        browser.screenshot("console-invite-refused");

        // The other organization's pages are not found for this administrator.
        browser.open("/console/user/invitations.xhtml?organization=" + other.getId());
        browser.waitFor("body");
        assertTrue(browser.pageText().toLowerCase().contains("not found"), browser.pageText());
        browser.open("/console/user/invite.xhtml?organization=" + other.getId());
        assertTrue(browser.pageText().toLowerCase().contains("not found"), browser.pageText());
        browser.forgetSession();

        // The other organization invites someone.
        browser.signIn(otherAdmin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/");
        invite(address("theirs"));
        browser.waitForText("#banner", "Invitations have been sent.");
        UserInvitation theirs = invitationsByEmail(other).get(address("theirs"));
        browser.signOut();

        // A forged selection naming their invitation's id resends and deletes nothing.
        signIn();
        invite(address("ours"));
        browser.waitForText("#banner", "Invitations have been sent.");
        browser.open("/console/user/invitations.xhtml");
        browser.waitForText("#list\\:table_data", address("ours"));
        for (String confirm : List.of("#list\\:resendYes", "#list\\:deleteYes")) {
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('list:table_selection').value = arguments[0];"
                            + "PF(arguments[1]).show();", String.valueOf(theirs.getId()),
                    confirm.contains("resend") ? "confirmResend" : "confirmDelete");
            browser.click(confirm);
            browser.waitForText("#banner", "Tick the invitations first.");
            browser.waitForAjax();
        }
        UserInvitation after = invitationsByEmail(other).get(address("theirs"));
        assertNotNull(after, "not deleted");
        assertEquals(theirs.getOutboundMail().getId(), after.getOutboundMail().getId(), "not resent");
    }

    @Test
    void anInvitationStaysPendingThroughAnSmtpOutageAndIsSentOnceTheServerIsBack() throws Exception {
        signIn();
        browser.open("/console/user/invite.xhtml");
        browser.waitFor("#invite\\:addresses");
        SMTP.stop();
        try {
            invite(address("outage"));
            browser.waitForText("#banner", "Invitations have been sent.");
            long deadline = System.currentTimeMillis() + 60_000;
            while (data.mailsTo(address("outage")).isEmpty() || data.mailsTo(address("outage")).get(0).getAttempts() < 1) {
                assertTrue(System.currentTimeMillis() < deadline, "the outbox never tried the mail");
                Thread.sleep(250);
            }
            assertEquals(MailState.QUEUED, data.mailsTo(address("outage")).get(0).getState());
            assertEquals(UserInvitationStatus.PENDING, invitationsByEmail(hospital).get(address("outage")).getStatus());
            browser.open("/console/user/invitations.xhtml");
            browser.waitForText("#list\\:table_data", "Pending");
        } finally {
            SMTP.start();
        }
        // Retries back off (2 s, 4 s, 8 s, ... in this run), so allow for a wait after the restart.
        long deadline = System.currentTimeMillis() + 120_000;
        while (data.mailsTo(address("outage")).get(0).getState() != MailState.SENT) {
            assertTrue(System.currentTimeMillis() < deadline, "the mail was never sent after the outage");
            Thread.sleep(500);
        }
        assertTrue(data.mailsTo(address("outage")).get(0).getAttempts() >= 2, "delivered on a retry");
        awaitStatuses(hospital, s -> s == UserInvitationStatus.EMAIL_SENT);
        browser.open("/console/user/invitations.xhtml");
        browser.waitForText("#list\\:table_data", "Email Sent");
    }

    // --- helpers ---------------------------------------------------------------------------

    private void signIn() {
        browser.signIn(admin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/");
    }

    private void invite(String addresses) {
        browser.open("/console/user/invite.xhtml");
        browser.type("#invite\\:addresses", addresses);
        browser.click("#invite\\:submit");
    }

    /** Empties a filter the way a person does, so the page hears the key and filters again. */
    private void clearFilter(String css) {
        browser.waitForAjax();
        org.openqa.selenium.WebElement field = browser.find(css);
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        browser.waitForAjax();
    }

    private List<String> rows() {
        return browser.findAll("#list\\:table_data tr").stream().map(r -> r.getText())
                .filter(t -> !t.contains("No invitations match.")).toList();
    }

    private void waitForRows(int count) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            browser.waitForAjax();
            try {
                if (rows().size() == count) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // The table is being replaced.
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Expected " + count + " rows, saw " + rows());
            }
            sleep(200);
        }
    }

    /** Ticks the row showing {@code text}; reads the table again when a status poll re-rendered it meanwhile. */
    private void tickRowContaining(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage("No row for " + text)
                .until(d -> {
                    for (org.openqa.selenium.WebElement row : d.findElements(By.cssSelector("#list\\:table_data tr"))) {
                        if (row.getText().contains(text)) {
                            row.findElement(By.cssSelector(".ui-chkbox-box")).click();
                            return true;
                        }
                    }
                    return false;
                });
    }

    private Map<String, UserInvitation> invitationsByEmail(Organization org) {
        return data.transaction(em -> {
            Map<String, UserInvitation> byEmail = new java.util.TreeMap<>();
            for (UserInvitation i : em.createQuery("select i from UserInvitation i where i.organization.id = :org"
                    + " and i.deletedAt is null", UserInvitation.class).setParameter("org", org.getId())
                    .getResultList()) {
                i.getOutboundMail();
                byEmail.put(i.getEmail(), i);
            }
            return byEmail;
        });
    }

    private List<String> groupNames(Organization org) {
        return data.transaction(em -> em.createNamedQuery(ContactGroup.OF_ORGANIZATION, ContactGroup.class)
                .setParameter("organizationId", org.getId()).getResultList().stream().map(ContactGroup::getName)
                .sorted().toList());
    }

    private void awaitStatuses(Organization org, Predicate<UserInvitationStatus> wanted) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Map<String, UserInvitation> all = invitationsByEmail(org);
            if (!all.isEmpty() && all.values().stream().allMatch(i -> wanted.test(i.getStatus()))) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Statuses did not arrive: " + all.values().stream()
                        .map(i -> i.getEmail() + "=" + i.getStatus()).toList());
            }
            sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
