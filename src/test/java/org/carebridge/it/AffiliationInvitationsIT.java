package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.carebridge.access.SecretTokens;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.group.ContactGroup;
import org.carebridge.invitation.OrganizationInvitation;
import org.carebridge.invitation.OrganizationInvitationState;
import org.carebridge.mail.MailLayout;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * Inviting an existing organization and answering the invitation, in headless Chromium against
 * the real WAR (PostgreSQL, mail through a real SMTP server): the type-ahead and Invite button
 * on Update Organization, the mail to every administrator of the invited organization, the
 * link through sign-in to the invitation page, accepting for all users or for a new group, and
 * the links that can no longer be used.
 */
class AffiliationInvitationsIT extends BrowserTestSupport {

    private static final String PASSWORD = "Correct-Horse-9";
    private static final String SUBJECT = "to communicate on Carebridge";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private String base;
    private Organization hospital;
    private User hospitalAdmin;
    private Organization practice;
    private User practiceAdmin;
    private User otherPracticeAdmin;

    @BeforeEach
    void arrange() {
        base = baseUrl();
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Abelard Medical Center"), "(408) 882-5830");
        hospitalAdmin = data.administrator(hospital, ItData.uniqueEmail("blair"), PASSWORD);
        practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("St Nicholas Pediatric Center"),
                "(212) 555-0147");
        practiceAdmin = data.administrator(practice, ItData.uniqueEmail("davis"), PASSWORD);
        otherPracticeAdmin = data.administrator(practice, ItData.uniqueEmail("marie"), PASSWORD);
        data.transaction(em -> {
            em.find(User.class, otherPracticeAdmin.getId()).setTimeZone(CHICAGO);
            return null;
        });
        data.member(practice, ItData.uniqueEmail("brown"));
    }

    @Test
    void invitedThroughTheTypeAheadAndAcceptedForAllUsers() {
        signInAndInvite(hospitalAdmin, practice);
        browser.waitForText("#banner", "The invitation has been mailed to the administrators of " + practice.getName());
        browser.waitForText("#invite\\:pending", practice.getName());
        browser.screenshot("console-invitation-sent");

        // Every administrator of the practice gets the link, with the expiry on their own clock.
        OrganizationInvitation sent = pendingInvitation(hospital, practice);
        MimeMessage toPractice = Mailbox.await(SMTP, practiceAdmin.getEmail(), SUBJECT);
        MimeMessage toOther = Mailbox.await(SMTP, otherPracticeAdmin.getEmail(), SUBJECT);
        String link = Mailbox.link(toPractice);
        assertTrue(link.startsWith(base + "/console/invitation/respond.xhtml?token="), link);
        assertEquals(link, Mailbox.link(toOther));
        assertTrue(Mailbox.text(toPractice).contains(
                MailLayout.dateTime(sent.getExpiresAt(), ZoneId.of("America/New_York"))), Mailbox.text(toPractice));
        assertTrue(Mailbox.text(toOther).contains(MailLayout.dateTime(sent.getExpiresAt(), CHICAGO)),
                Mailbox.text(toOther));
        assertEquals(Duration.ofDays(7), Duration.between(sent.getCreatedAt(), sent.getExpiresAt()));
        String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        assertEquals(SecretTokens.hash(token), sent.getTokenHash(), "only the token's hash is stored");

        // Signed out, the link asks for sign-in and then returns to the invitation.
        browser.signOut();
        browser.waitFor("#notice");
        browser.driver().get(link);
        browser.waitForUrlContaining("/login.xhtml");
        browser.signIn(practiceAdmin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/invitation/respond.xhtml?token=");
        browser.waitForText("#who", hospital.getName() + " invites " + practice.getName());
        assertTrue(browser.text("#expiry").contains(
                MailLayout.dateTime(sent.getExpiresAt(), ZoneId.of("America/New_York"))), browser.text("#expiry"));
        browser.screenshot("console-invitation-respond");

        browser.click("#respond\\:accept");
        browser.waitForUrlContaining("/console/organization/edit.xhtml?id=" + practice.getId());
        browser.waitForText("#banner", "are now affiliates");

        Affiliation affiliation = affiliation(hospital, practice);
        assertTrue(affiliation.isActive());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(practice));
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(hospital));
        assertEquals(OrganizationInvitationState.ACCEPTED, invitation(sent.getId()).getState());

        // The link works once.
        browser.driver().get(link);
        browser.waitFor("#unusable");
        assertTrue(browser.text("#unusable").contains("already been accepted"), browser.text("#unusable"));
        browser.screenshot("console-invitation-used");

        // The inviting side no longer lists it as pending, nor offers the practice again.
        browser.signOut();
        browser.waitFor("#notice");
        browser.signIn(hospitalAdmin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#invite\\:pending", "No invitation is waiting for an answer.");
        browser.type("#invite\\:organization_input", practice.getName());
        browser.waitForText("#invite\\:organization_panel", "No organization you can invite matches.");
    }

    @Test
    void aNewerInvitationReplacesThePendingOne() {
        signInAndInvite(hospitalAdmin, practice);
        browser.waitForText("#banner", "The invitation has been mailed");
        String first = Mailbox.link(mails(practiceAdmin, 1).get(0));
        invite(practice);
        browser.waitForAjax();
        String second = Mailbox.link(mails(practiceAdmin, 2).get(1));
        assertFalse(first.equals(second));
        browser.waitForText("#invite\\:pending", practice.getName());
        assertEquals(1, browser.findAll("#invite\\:pending_data tr").size(), "one pending invitation per organization");

        browser.signOut();
        browser.waitFor("#notice");
        browser.driver().get(first);
        browser.waitForUrlContaining("/login.xhtml");
        browser.signIn(practiceAdmin.getEmail(), PASSWORD);
        browser.waitFor("#unusable");
        assertTrue(browser.text("#unusable").contains("replaced by a newer one"), browser.text("#unusable"));
        assertTrue(browser.findAll("#respond").isEmpty(), "no form to accept with");
        browser.screenshot("console-invitation-replaced");

        browser.driver().get(second);
        browser.waitFor("#respond\\:accept");
    }

    @Test
    void aPendingInvitationCanBeWithdrawn() {
        signInAndInvite(hospitalAdmin, practice);
        browser.waitForText("#banner", "The invitation has been mailed");
        String link = Mailbox.link(mails(practiceAdmin, 1).get(0));

        browser.click("#invite\\:pending\\:0\\:withdraw");
        browser.waitForText("#affiliates\\:confirmDelete", "will stop working");
        assertEquals("Withdraw", browser.text("#affiliates\\:confirmYes"));
        browser.click("#affiliates\\:confirmYes");
        browser.waitForText("#banner", "The invitation has been withdrawn");
        browser.waitForText("#invite\\:pending", "No invitation is waiting for an answer.");
        assertEquals(OrganizationInvitationState.WITHDRAWN,
                data.transaction(em -> em.createQuery("select i.state from OrganizationInvitation i"
                        + " where i.invitingOrganization.id = :from and i.invitedOrganization.id = :to",
                        OrganizationInvitationState.class)
                        .setParameter("from", hospital.getId()).setParameter("to", practice.getId())
                        .getSingleResult()));

        browser.signOut();
        browser.waitFor("#notice");
        browser.driver().get(link);
        browser.waitForUrlContaining("/login.xhtml");
        browser.signIn(practiceAdmin.getEmail(), PASSWORD);
        browser.waitFor("#unusable");
        assertTrue(browser.text("#unusable").contains("taken it back"), browser.text("#unusable"));
    }

    @Test
    void acceptedForSomeUsersInANewGroup() {
        String link = arrangeInvitation(Instant.now());
        browser.signIn(practiceAdmin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.driver().get(link);
        browser.waitFor("#respond\\:accept");

        String groupName = ItData.unique("Pediatrics");
        chooseRadio("respond:whom", 1);
        browser.type("#respond\\:newGroupName", groupName);
        browser.screenshot("console-invitation-some-users");
        browser.click("#respond\\:accept");
        browser.waitForUrlContaining("/console/group/edit.xhtml?id=");

        String url = browser.currentUrl();
        long groupId = Long.parseLong(url.substring(url.indexOf("?id=") + 4).replaceAll("[^0-9].*$", ""));
        ContactGroup group = data.transaction(em -> em.find(ContactGroup.class, groupId));
        assertEquals(groupName, group.getName());
        assertEquals(practice.getId(), group.getOrganization().getId());
        Affiliation affiliation = affiliation(hospital, practice);
        assertTrue(affiliation.isActive());
        assertEquals(AssociationPermission.GROUPS, affiliation.permissionOf(practice));
        assertEquals(List.of(groupId), affiliation.groupsOf(practice).stream().map(ContactGroup::getId).toList());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(hospital));
    }

    @Test
    void anAdministratorOfAThirdOrganizationIsRefused() {
        String link = arrangeInvitation(Instant.now());
        Organization third = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Third Hospital"), "(617) 555-0175");
        User thirdAdmin = data.administrator(third, ItData.uniqueEmail("third"), PASSWORD);
        browser.signIn(thirdAdmin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.driver().get(link);
        browser.waitFor("#refused");
        assertTrue(browser.findAll("#respond").isEmpty(), "no form to accept with");
        assertFalse(browser.pageText().contains(practice.getName()), "nothing of the invitation shows");
        assertFalse(browser.pageText().contains(hospital.getName()), "nothing of the invitation shows");
        browser.screenshot("console-invitation-refused");
        assertEquals(OrganizationInvitationState.PENDING, pendingInvitation(hospital, practice).getState());
    }

    @Test
    void expiredAndUnknownLinksExplainThemselves() {
        String expired = arrangeInvitation(Instant.now().minus(OrganizationInvitation.LIFETIME).minusSeconds(60));
        browser.signIn(practiceAdmin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.driver().get(expired);
        browser.waitFor("#unusable");
        assertTrue(browser.text("#unusable").contains("has expired"), browser.text("#unusable"));
        assertTrue(browser.text("#unusable").contains(hospital.getName()), "says who to ask for a new one");
        browser.screenshot("console-invitation-expired");

        browser.open("/console/invitation/respond.xhtml?token=" + SecretTokens.newToken());
        browser.waitFor("#unusable");
        assertTrue(browser.text("#unusable").contains("does not lead to any invitation"), browser.text("#unusable"));
        browser.open("/console/invitation/respond.xhtml");
        browser.waitFor("#unusable");
    }

    // --- steps ---------------------------------------------------------------------------

    private void signInAndInvite(User admin, Organization invited) {
        browser.signIn(admin.getEmail(), PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        invite(invited);
    }

    /** Types part of the name, picks the suggestion, and presses Invite. */
    private void invite(Organization invited) {
        String name = invited.getName();
        browser.suggest("#invite\\:organization", name.substring(name.length() - 12), name);
        browser.click("#invite\\:send");
    }

    /** PrimeFaces draws its own radio buttons over hidden inputs; click the drawn one. */
    private void chooseRadio(String groupId, int index) {
        String inputId = groupId + ":" + index;
        browser.waitFor("label[for='" + inputId + "']");
        browser.driver().findElement(By.xpath("//input[@id='" + inputId + "']/ancestor::div[contains(@class,"
                + "'ui-radiobutton')][1]/div[contains(@class,'ui-radiobutton-box')]")).click();
    }

    /** An invitation from the hospital to the practice stored as the server would, with a known token. */
    private String arrangeInvitation(Instant sentAt) {
        String token = SecretTokens.newToken();
        data.transaction(em -> {
            OrganizationInvitation invitation = new OrganizationInvitation(em.find(Organization.class, hospital.getId()),
                    em.find(Organization.class, practice.getId()), em.find(User.class, hospitalAdmin.getId()),
                    SecretTokens.hash(token), sentAt);
            em.persist(invitation);
            return invitation;
        });
        return base + "/console/invitation/respond.xhtml?token=" + token;
    }

    private OrganizationInvitation pendingInvitation(Organization inviting, Organization invited) {
        List<OrganizationInvitation> found = data.transaction(em -> em.createNamedQuery(
                OrganizationInvitation.PENDING_BETWEEN, OrganizationInvitation.class)
                .setParameter("invitingId", inviting.getId()).setParameter("invitedId", invited.getId())
                .getResultList());
        assertEquals(1, found.size(), "one pending invitation between the two");
        return found.get(0);
    }

    private OrganizationInvitation invitation(long id) {
        return data.transaction(em -> em.find(OrganizationInvitation.class, id));
    }

    private Affiliation affiliation(Organization one, Organization other) {
        return data.transaction(em -> {
            Affiliation found = em.createNamedQuery(Affiliation.BY_PAIR, Affiliation.class)
                    .setParameter("lowId", Math.min(one.getId(), other.getId()))
                    .setParameter("highId", Math.max(one.getId(), other.getId()))
                    .getSingleResult();
            found.groupsOf(one);
            return found;
        });
    }

    /** The invitation mails to {@code user}, oldest first, once there are at least {@code count}. */
    private static List<MimeMessage> mails(User user, int count) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage message : SMTP.getReceivedMessagesForDomain(user.getEmail())) {
                try {
                    if (message.getAllRecipients()[0].toString().equalsIgnoreCase(user.getEmail())
                            && message.getSubject().contains(SUBJECT)) {
                        found.add(message);
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (found.size() >= count) {
                return found;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(found.size() + " of " + count + " invitation mails for " + user.getEmail());
            }
            SMTP.waitForIncomingEmail(500, 1);
        }
    }
}
