package org.carebridge.invitation;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.practice;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.carebridge.mail.MailMessage;
import org.carebridge.mail.OutboundMail;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class UserInvitationTest {

    private static final String EMAIL = "ada@practice.example";
    private final Organization practice = practice(2);
    private final User admin = user(practice, 20, "admin@practice.example");

    private static OutboundMail mail(Instant now) {
        return new OutboundMail(new MailMessage(EMAIL, "Join Carebridge", "link", null), now);
    }

    private UserInvitation invitation(boolean administrator) {
        return new UserInvitation(practice, " Ada@Practice.Example ", " Ada ", "", administrator, admin, "hash-1",
                mail(NOW), NOW);
    }

    @Test
    void labelsAreTheOnesTheInvitationsPageShows() {
        assertEquals(List.of("Pending", "Email Sent", "Failure", "User Clicked", "Registered"),
                Arrays.stream(UserInvitationStatus.values()).map(UserInvitationStatus::label).toList());
    }

    @Test
    void startsPendingWithANormalisedAddress() {
        UserInvitation invitation = invitation(false);
        assertEquals(EMAIL, invitation.getEmail());
        assertEquals("Ada", invitation.getFirstName());
        assertNull(invitation.getLastName());
        assertEquals(UserInvitationStatus.PENDING, invitation.getStatus());
        assertEquals(NOW, invitation.getStatusChangedAt());
        assertEquals(NOW.plus(UserInvitation.LIFETIME), invitation.getExpiresAt());
        assertTrue(invitation.isUsable(NOW));
    }

    @Test
    void refusesSomethingThatIsNotAnAddress() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> UserInvitation.normalizeEmail(" ada.practice.example "));
        assertEquals("\"ada.practice.example\" is not a valid e-mail address.", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UserInvitation.normalizeEmail("  "));
        assertThrows(IllegalArgumentException.class, () -> UserInvitation.normalizeEmail("a b@c.example"));
        assertThrows(IllegalArgumentException.class,
                () -> UserInvitation.normalizeEmail("a@" + "x".repeat(250) + ".example"));
    }

    @Test
    void statusFollowsTheMail() {
        UserInvitation invitation = invitation(false);
        assertFalse(invitation.followMail(NOW.plusSeconds(1)), "still queued");
        invitation.getOutboundMail().sent(NOW.plusSeconds(2));
        assertTrue(invitation.followMail(NOW.plusSeconds(3)));
        assertEquals(UserInvitationStatus.EMAIL_SENT, invitation.getStatus());
        assertEquals(NOW.plusSeconds(3), invitation.getStatusChangedAt());
        assertFalse(invitation.followMail(NOW.plusSeconds(4)), "nothing new");
    }

    @Test
    void aFailedMailIsAFailure() {
        UserInvitation invitation = invitation(false);
        invitation.getOutboundMail().failedPermanently("550 no such user");
        assertTrue(invitation.followMail(NOW.plusSeconds(3)));
        assertEquals(UserInvitationStatus.FAILURE, invitation.getStatus());
    }

    @Test
    void aLateMailOutcomeNeverMovesTheStatusBack() {
        UserInvitation invitation = invitation(false);
        invitation.clicked(NOW.plusSeconds(10));
        invitation.getOutboundMail().sent(NOW.plusSeconds(2));
        assertFalse(invitation.followMail(NOW.plusSeconds(11)));
        assertEquals(UserInvitationStatus.USER_CLICKED, invitation.getStatus());
    }

    @Test
    void clickingRemembersTheFirstClick() {
        UserInvitation invitation = invitation(false);
        invitation.clicked(NOW.plusSeconds(10));
        invitation.clicked(NOW.plusSeconds(20));
        assertEquals(UserInvitationStatus.USER_CLICKED, invitation.getStatus());
        assertEquals(NOW.plusSeconds(10), invitation.getClickedAt());
        assertEquals(NOW.plusSeconds(10), invitation.getStatusChangedAt());
    }

    @Test
    void registeringLinksTheUserAndEndsTheInvitation() {
        UserInvitation invitation = invitation(false);
        invitation.clicked(NOW.plusSeconds(10));
        User ada = user(practice, 21, EMAIL);
        invitation.register(ada, NOW.plusSeconds(30));

        assertEquals(UserInvitationStatus.REGISTERED, invitation.getStatus());
        assertSame(ada, invitation.getRegisteredUser());
        assertEquals(NOW.plusSeconds(30), invitation.getStatusChangedAt());
        assertFalse(ada.isOrgAdmin());
        assertFalse(invitation.isUsable(NOW.plusSeconds(31)));
    }

    @Test
    void anAdministratorInvitationMakesAnAdministrator() {
        UserInvitation invitation = invitation(true);
        User ada = user(practice, 21, EMAIL);
        invitation.register(ada, NOW.plusSeconds(30));
        assertTrue(ada.isOrgAdmin());
        assertEquals(NOW.plusSeconds(30), invitation.getClickedAt(), "registering implies the link was opened");
    }

    @Test
    void registrationMustMatchTheInvitation() {
        UserInvitation invitation = invitation(false);
        IllegalArgumentException otherAddress = assertThrows(IllegalArgumentException.class,
                () -> invitation.register(user(practice, 21, "someone@practice.example"), NOW));
        assertEquals("This invitation was sent to ada@practice.example; register with that address.",
                otherAddress.getMessage());
        assertThrows(IllegalArgumentException.class, () -> invitation.register(user(practice(3), 22, EMAIL), NOW));
        assertEquals(UserInvitationStatus.PENDING, invitation.getStatus());
    }

    @Test
    void nothingFollowsRegistered() {
        UserInvitation invitation = invitation(false);
        invitation.register(user(practice, 21, EMAIL), NOW.plusSeconds(30));
        invitation.getOutboundMail().sent(NOW.plusSeconds(31));

        assertFalse(invitation.followMail(NOW.plusSeconds(32)));
        assertEquals("This invitation has already been used to register.",
                assertThrows(IllegalStateException.class, () -> invitation.clicked(NOW.plusSeconds(33))).getMessage());
        assertThrows(IllegalStateException.class,
                () -> invitation.register(user(practice, 22, EMAIL), NOW.plusSeconds(34)));
        IllegalStateException resend = assertThrows(IllegalStateException.class,
                () -> invitation.resend("hash-2", mail(NOW.plusSeconds(35)), NOW.plusSeconds(35)));
        assertEquals("ada@practice.example has already registered; the invitation cannot be resent.",
                resend.getMessage());
        assertEquals(UserInvitationStatus.REGISTERED, invitation.getStatus());
    }

    @Test
    void anExpiredLinkCannotBeUsedButCanBeResent() {
        UserInvitation invitation = invitation(false);
        invitation.getOutboundMail().failedPermanently("550");
        invitation.followMail(NOW.plusSeconds(1));
        Instant late = NOW.plus(UserInvitation.LIFETIME);
        assertThrows(IllegalStateException.class, () -> invitation.clicked(late));

        OutboundMail second = mail(late);
        invitation.resend("hash-2", second, late);
        assertEquals(UserInvitationStatus.PENDING, invitation.getStatus());
        assertEquals("hash-2", invitation.getTokenHash());
        assertSame(second, invitation.getOutboundMail());
        assertEquals(late.plus(UserInvitation.LIFETIME), invitation.getExpiresAt());
        assertEquals(late, invitation.getStatusChangedAt());
        invitation.clicked(late.plusSeconds(1));
        assertEquals(UserInvitationStatus.USER_CLICKED, invitation.getStatus());
    }

    @Test
    void resendingAClickedInvitationStartsItOver() {
        UserInvitation invitation = invitation(false);
        invitation.clicked(NOW.plusSeconds(10));
        invitation.resend("hash-2", mail(NOW.plusSeconds(20)), NOW.plusSeconds(20));
        assertEquals(UserInvitationStatus.PENDING, invitation.getStatus());
        assertNull(invitation.getClickedAt());
    }

    @Test
    void aDeletedInvitationStopsWorkingButKeepsItsHistory() {
        UserInvitation invitation = invitation(false);
        invitation.clicked(NOW.plusSeconds(10));
        invitation.delete(NOW.plusSeconds(20));
        invitation.delete(NOW.plusSeconds(30));

        assertTrue(invitation.isDeleted());
        assertEquals(NOW.plusSeconds(20), invitation.getDeletedAt());
        assertEquals(UserInvitationStatus.USER_CLICKED, invitation.getStatus());
        assertFalse(invitation.isUsable(NOW.plusSeconds(31)));
        assertThrows(IllegalStateException.class, () -> invitation.clicked(NOW.plusSeconds(31)));
        assertThrows(IllegalStateException.class, () -> invitation.register(user(practice, 21, EMAIL), NOW));
        assertThrows(IllegalStateException.class, () -> invitation.resend("hash-2", mail(NOW), NOW.plusSeconds(31)));
    }

    private User imported(Organization organization, long id) {
        User user = org.carebridge.TestEntities.withId(User.externalUser(organization, "vs-" + id, "Ada", "Byron",
                java.time.ZoneId.of("UTC"), NOW), id);
        user.assignStaffId();
        return user;
    }

    @Test
    void anOpenInvitationCarriesALinkToAnImportedUserOfItsOwnOrganizationUntilDeleted() {
        UserInvitation invitation = invitation(false);
        User badge = imported(practice, 30);
        invitation.linkOnRegistration(badge, NOW);
        assertSame(badge, invitation.getLinkExternalUser());
        assertTrue(invitation.isLinkPending(NOW));
        assertFalse(invitation.isLinkPending(invitation.getExpiresAt()), "an expired invitation links nothing");

        assertThrows(IllegalArgumentException.class, () -> invitation.linkOnRegistration(
                imported(org.carebridge.TestEntities.practice(3), 31), NOW), "another organization's imported user");
        assertThrows(IllegalArgumentException.class, () -> invitation.linkOnRegistration(admin, NOW), "a native user");
        User removed = imported(practice, 32);
        removed.removeFromSync(NOW);
        assertThrows(IllegalArgumentException.class, () -> invitation.linkOnRegistration(removed, NOW));
        assertThrows(IllegalArgumentException.class, () -> invitation(true).linkOnRegistration(badge, NOW),
                "an administrator invitation");

        invitation.delete(NOW.plusSeconds(60));
        assertNull(invitation.getLinkExternalUser(), "the pending link goes with the invitation");
        assertThrows(IllegalStateException.class, () -> invitation.linkOnRegistration(badge, NOW.plusSeconds(61)));
    }
}
