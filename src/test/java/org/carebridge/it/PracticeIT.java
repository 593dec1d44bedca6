package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.OrganizationLicense;
import org.carebridge.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Create Practice in headless Chromium against the real WAR: a hospital administrator creates
 * an affiliated practice with initial users from a typed list and a CSV file; the practice's
 * administrator registers from the mailed invitation and administers it. Bad files, taken
 * addresses, practices and other hospitals are refused with nothing created.
 */
class PracticeIT extends BrowserTestSupport {

    private static final String PASSWORD = "Practice-Admin-9";

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private Organization hospital;
    private User hospitalAdmin;
    private String domain;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Abelard Medical Center"),
                "(408) 882-5830");
        hospitalAdmin = data.administrator(hospital, ItData.uniqueEmail("hospital-admin"), PASSWORD);
        domain = ItData.unique("p").substring(2) + ".practice.test";
    }

    private String address(String who) {
        return who + "@" + domain;
    }

    @Test
    void aHospitalCreatesAPracticeWhoseAdministratorRegistersAndTakesOver() throws Exception {
        String practiceName = ItData.unique("St. Nicholas Pediatrics");
        Path csv = csv("Email,First Name,Last Name,Department\n"
                + address("bevans") + ",Bea,Evans,Front Desk\n"
                + address("hhancock") + ",Hal,Hancock,front desk\n");
        try {
            signIn(hospitalAdmin);
            browser.click("#affiliates\\:createPractice");
            browser.waitForUrlContaining("/console/practice/create.xhtml?organization=" + hospital.getId());
            browser.waitForText("#sampleCsv", "Download sample CSV file");
            browser.type("#practice\\:name", practiceName);
            browser.type("#practice\\:officeNumber", "(650) 555-0142");
            browser.type("#practice\\:adminFirstName", "Miles");
            browser.type("#practice\\:adminLastName", "Rollins");
            browser.type("#practice\\:adminEmail", address("mrollins"));
            browser.choose("#practice\\:license", "Premium");
            browser.type("#practice\\:addresses", address("ywu") + "\n" + address("mrollins"));
            browser.driver().findElement(By.cssSelector("#practice input[type=file]"))
                    .sendKeys(csv.toAbsolutePath().toString());
            browser.screenshot("console-create-practice");
            browser.click("#practice\\:submit");
            browser.waitForUrlContaining("/console/organization/edit.xhtml?id=" + hospital.getId());
            browser.waitForText("#banner", "Practice " + practiceName + " was created and is now an affiliate.");
            browser.waitForText("#banner", "3 users have been invited to join it.");
        } finally {
            Files.deleteIfExists(csv);
        }
        browser.waitForText("#affiliates\\:list", practiceName);
        assertTrue(browser.text("#affiliates\\:list").contains("Premium"), browser.text("#affiliates\\:list"));
        browser.screenshot("console-practice-created");

        Organization practice = organizationNamed(practiceName);
        assertEquals(OrganizationKind.PRACTICE, practice.getKind());
        assertEquals(OrganizationLicense.PREMIUM, practice.getLicense());
        assertEquals("(650) 555-0142", practice.getOfficeNumber());
        assertTrue(practice.getVoiceNumber().startsWith("(650)"), "a voice number from the office's area code");
        assertEquals(hospital.getTimeZone(), practice.getTimeZone());
        Affiliation affiliation = affiliationOf(hospital, practice);
        assertTrue(affiliation.isActive());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(hospital));
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(practice));
        assertEquals(List.of("Front Desk"), groupNames(practice), "departments become the practice's groups");

        List<UserInvitation> invitations = invitationsOf(practice);
        assertEquals(List.of(address("bevans"), address("hhancock"), address("mrollins"), address("ywu")),
                invitations.stream().map(UserInvitation::getEmail).sorted().toList());
        UserInvitation adminInvitation = invitations.stream().filter(i -> i.getEmail().equals(address("mrollins")))
                .findFirst().orElseThrow();
        assertTrue(adminInvitation.isAdministrator(), "listed among the users too, still invited as administrator");
        assertEquals("Rollins", adminInvitation.getLastName());
        assertEquals(1, invitations.stream().filter(UserInvitation::isAdministrator).count());
        assertNull(data.userByEmail(address("mrollins")), "an administrator only once registered");

        // The future administrator registers from the mail, then runs the practice.
        MimeMessage mail = Mailbox.await(SMTP, address("mrollins"), "Set up " + practiceName);
        String text = Mailbox.text(mail);
        assertTrue(text.contains("Hello Miles,"), text);
        assertTrue(text.contains("of " + hospital.getName() + " invites you to administer " + practiceName), text);
        Mailbox.await(SMTP, address("ywu"), practiceName + " invites you to Carebridge");
        String link = Mailbox.link(mail);

        browser.signOut();
        browser.forgetSession();
        browser.driver().get(link);
        browser.waitFor("#register\\:submit");
        assertEquals("Miles", browser.value("#register\\:firstName"));
        browser.type("#register\\:pin", "2468");
        browser.type("#register\\:pinConfirmation", "2468");
        browser.type("#register\\:password", PASSWORD);
        browser.type("#register\\:passwordConfirmation", PASSWORD);
        browser.click("#register\\:submit");
        browser.waitForText("#registered", practiceName);

        User practiceAdmin = data.userByEmail(address("mrollins"));
        assertNotNull(practiceAdmin);
        assertTrue(practiceAdmin.isOrgAdmin());
        assertEquals(practice.getId(), organizationOf(practiceAdmin).getId());

        browser.signIn(address("mrollins"), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#affiliates\\:list", hospital.getName());
        assertEquals(practiceName, browser.find("#header-organization").getAttribute("textContent").strip());
        assertTrue(browser.findAll("#affiliates\\:createPractice").isEmpty(), "practices never create practices");

        // Neither by address: a practice, or another hospital, has no Create Practice page.
        browser.open("/console/practice/create.xhtml?organization=" + practice.getId());
        assertFalse(browser.pageText().contains("Practice Details"), browser.pageText());
        browser.open("/console/practice/create.xhtml?organization=" + hospital.getId());
        assertFalse(browser.pageText().contains("Practice Details"), browser.pageText());
        browser.open("/console/practice/create.xhtml");
        assertFalse(browser.pageText().contains("Practice Details"), browser.pageText());
    }

    @Test
    void aBadFileOrATakenAddressCreatesNothing() throws Exception {
        String practiceName = ItData.unique("Lakeside Clinic");
        Path csv = csv("Mail,Department\n" + address("a") + ",Billing\n");
        signIn(hospitalAdmin);
        browser.open("/console/practice/create.xhtml?organization=" + hospital.getId());
        try {
            fillIn(practiceName, address("lead"));
            browser.driver().findElement(By.cssSelector("#practice input[type=file]"))
                    .sendKeys(csv.toAbsolutePath().toString());
            browser.click("#practice\\:submit");
            browser.waitForText("#csvProblems", "header naming the column Email");
            assertTrue(browser.pageText().contains("nothing was created"), browser.pageText());
        } finally {
            Files.deleteIfExists(csv);
        }
        assertNull(organizationNamedOrNull(practiceName));

        // The administrator must be new to Carebridge.
        fillIn(practiceName, hospitalAdmin.getEmail());
        browser.click("#practice\\:submit");
        browser.waitForText("#practice", "already belongs to a Carebridge user");
        assertNull(organizationNamedOrNull(practiceName));

        // A registered person among the initial users refuses the whole practice.
        fillIn(practiceName, address("lead"));
        browser.type("#practice\\:addresses", address("new") + " " + hospitalAdmin.getEmail());
        browser.click("#practice\\:submit");
        browser.waitForText("#practice", hospitalAdmin.getEmail());
        assertTrue(browser.pageText().contains("Nothing was created."), browser.pageText());
        assertNull(organizationNamedOrNull(practiceName));
        assertTrue(data.mailsTo(address("lead")).isEmpty(), "no invitation mail for a practice that was not created");

        // A malformed address is named.
        fillIn(practiceName, address("lead"));
        browser.type("#practice\\:addresses", address("new") + " not-an-address");
        browser.click("#practice\\:submit");
        browser.waitForText("#practice", "not-an-address");
        assertNull(organizationNamedOrNull(practiceName));
    }

    @Test
    void anAdministratorOfAnotherHospitalCannotCreateForThisOne() {
        Organization other = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Other Hospital"),
                "(212) 555-0100");
        User otherAdmin = data.administrator(other, ItData.uniqueEmail("other-admin"), PASSWORD);
        signIn(otherAdmin);
        browser.open("/console/practice/create.xhtml?organization=" + hospital.getId());
        assertFalse(browser.pageText().contains("Practice Details"), browser.pageText());
        assertFalse(browser.pageText().contains(hospital.getName()), "nothing of the other hospital is shown");
        browser.open("/console/practice/create.xhtml?organization=" + other.getId());
        browser.waitForText("#practice", "Practice Details");
    }

    // --- arranging and inspecting -------------------------------------------------------------

    private void signIn(User admin) {
        browser.signIn(admin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
    }

    private void fillIn(String name, String adminEmail) {
        browser.type("#practice\\:name", name);
        browser.type("#practice\\:officeNumber", "(650) 555-0188");
        browser.type("#practice\\:adminFirstName", "Lee");
        browser.type("#practice\\:adminLastName", "Lead");
        browser.type("#practice\\:adminEmail", adminEmail);
        browser.type("#practice\\:addresses", "");
    }

    private static Path csv(String content) throws Exception {
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir", "target")), "practice", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }


    private Organization organizationNamed(String name) {
        Organization found = organizationNamedOrNull(name);
        assertNotNull(found, "no organization " + name);
        return found;
    }

    private Organization organizationNamedOrNull(String name) {
        return data.transaction(em -> em.createQuery("select o from Organization o where o.nameKey = :key",
                        Organization.class)
                .setParameter("key", Organization.nameKey(name)).getResultList().stream().findFirst().orElse(null));
    }

    private Affiliation affiliationOf(Organization one, Organization other) {
        return data.transaction(em -> {
            Affiliation a = em.createQuery("select a from Affiliation a where (a.organizationLow.id = :one"
                            + " and a.organizationHigh.id = :other) or (a.organizationLow.id = :other"
                            + " and a.organizationHigh.id = :one)", Affiliation.class)
                    .setParameter("one", one.getId()).setParameter("other", other.getId()).getSingleResult();
            a.permissionOf(one);
            a.permissionOf(other);
            return a;
        });
    }

    private List<String> groupNames(Organization org) {
        return data.transaction(em -> em.createQuery("select g.name from ContactGroup g"
                + " where g.organization.id = :org order by g.name", String.class)
                .setParameter("org", org.getId()).getResultList());
    }

    private List<UserInvitation> invitationsOf(Organization org) {
        return data.transaction(em -> em.createQuery("select i from UserInvitation i where i.organization.id = :org"
                + " and i.deletedAt is null", UserInvitation.class).setParameter("org", org.getId()).getResultList());
    }

    private Organization organizationOf(User user) {
        return data.transaction(em -> em.find(User.class, user.getId()).getOrganization());
    }
}
