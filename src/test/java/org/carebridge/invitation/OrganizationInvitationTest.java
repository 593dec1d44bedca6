package org.carebridge.invitation;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.practice;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class OrganizationInvitationTest {

    private final Organization hospital = hospital(1);
    private final Organization practice = practice(2);
    private final User hospitalAdmin = user(hospital, 10, "admin@hospital.example");
    private final User practiceAdmin = user(practice, 20, "admin@practice.example");

    private OrganizationInvitation invitation() {
        return new OrganizationInvitation(hospital, practice, hospitalAdmin, "hash", NOW);
    }

    @Test
    void startsPendingForItsLifetime() {
        OrganizationInvitation invitation = invitation();
        assertEquals(OrganizationInvitationState.PENDING, invitation.getState());
        assertEquals(NOW.plus(OrganizationInvitation.LIFETIME), invitation.getExpiresAt());
        assertTrue(invitation.isAcceptable(NOW.plus(OrganizationInvitation.LIFETIME).minusMillis(1)));
        assertFalse(invitation.isAcceptable(NOW.plus(OrganizationInvitation.LIFETIME)));
    }

    @Test
    void anOrganizationCannotInviteItself() {
        assertThrows(IllegalArgumentException.class,
                () -> new OrganizationInvitation(hospital, hospital(1), hospitalAdmin, "hash", NOW));
    }

    @Test
    void acceptedOnceByAnAdministrator() {
        OrganizationInvitation invitation = invitation();
        invitation.accept(practiceAdmin, NOW.plusSeconds(60));
        assertEquals(OrganizationInvitationState.ACCEPTED, invitation.getState());
        assertSame(practiceAdmin, invitation.getRespondedBy());
        assertEquals(NOW.plusSeconds(60), invitation.getRespondedAt());

        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> invitation.accept(practiceAdmin, NOW.plusSeconds(61)));
        assertEquals("This invitation has already been accepted and can no longer be accepted.", again.getMessage());
    }

    @Test
    void anExpiredInvitationCannotBeAccepted() {
        OrganizationInvitation invitation = invitation();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> invitation.accept(practiceAdmin, NOW.plus(OrganizationInvitation.LIFETIME)));
        assertEquals("This invitation has expired. Ask Hospital 1 to send a new one.", refused.getMessage());
        assertTrue(invitation.isPending(), "expiry is recorded by expireIfDue, not by a refused acceptance");
    }

    @Test
    void aReplacedInvitationCannotBeAccepted() {
        OrganizationInvitation invitation = invitation();
        invitation.replace(NOW.plusSeconds(5));
        assertEquals(OrganizationInvitationState.REPLACED, invitation.getState());
        assertNull(invitation.getRespondedBy());
        assertThrows(IllegalStateException.class, () -> invitation.accept(practiceAdmin, NOW.plusSeconds(6)));
        assertThrows(IllegalStateException.class, () -> invitation.replace(NOW.plusSeconds(6)));
    }

    @Test
    void withdrawnByTheInvitingSide() {
        OrganizationInvitation invitation = invitation();
        invitation.withdraw(hospitalAdmin, NOW.plusSeconds(5));
        assertEquals(OrganizationInvitationState.WITHDRAWN, invitation.getState());
        assertSame(hospitalAdmin, invitation.getRespondedBy());
        assertThrows(IllegalStateException.class, () -> invitation.withdraw(hospitalAdmin, NOW.plusSeconds(6)));
    }

    @Test
    void expiresOnlyWhenDueAndOnlyIfPending() {
        OrganizationInvitation invitation = invitation();
        assertFalse(invitation.expireIfDue(NOW.plusSeconds(5)));
        assertTrue(invitation.expireIfDue(NOW.plus(OrganizationInvitation.LIFETIME)));
        assertEquals(OrganizationInvitationState.EXPIRED, invitation.getState());
        assertFalse(invitation.expireIfDue(NOW.plus(OrganizationInvitation.LIFETIME).plusSeconds(1)));

        OrganizationInvitation accepted = invitation();
        accepted.accept(practiceAdmin, NOW);
        assertFalse(accepted.expireIfDue(NOW.plus(OrganizationInvitation.LIFETIME)));
        assertEquals(OrganizationInvitationState.ACCEPTED, accepted.getState());
    }
}
