package org.carebridge.invitation;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.practice;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class LinkStatusTest {

    private final Organization hospital = hospital(1);
    private final Organization practice = practice(2);
    private final User hospitalAdmin = user(hospital, 10, "admin@hospital.example");
    private final User practiceAdmin = user(practice, 20, "admin@practice.example");

    private OrganizationInvitation invitation() {
        return new OrganizationInvitation(hospital, practice, hospitalAdmin, "hash", NOW);
    }

    @Test
    void aPendingInvitationIsOpenUntilItsExpiry() {
        OrganizationInvitation invitation = invitation();
        assertEquals(LinkStatus.OPEN, LinkStatus.of(invitation, NOW));
        assertEquals(LinkStatus.OPEN, LinkStatus.of(invitation, invitation.getExpiresAt().minusMillis(1)));
        assertEquals(LinkStatus.EXPIRED, LinkStatus.of(invitation, invitation.getExpiresAt()),
                "past its expiry it is expired even before a job records it");
    }

    @Test
    void eachClosedStateHasItsOwnReason() {
        OrganizationInvitation accepted = invitation();
        accepted.accept(practiceAdmin, NOW);
        assertEquals(LinkStatus.ACCEPTED, LinkStatus.of(accepted, NOW));

        OrganizationInvitation replaced = invitation();
        replaced.replace(NOW);
        assertEquals(LinkStatus.REPLACED, LinkStatus.of(replaced, NOW));

        OrganizationInvitation withdrawn = invitation();
        withdrawn.withdraw(hospitalAdmin, NOW);
        assertEquals(LinkStatus.WITHDRAWN, LinkStatus.of(withdrawn, NOW));

        OrganizationInvitation expired = invitation();
        expired.expireIfDue(expired.getExpiresAt());
        assertEquals(LinkStatus.EXPIRED, LinkStatus.of(expired, NOW));

        assertEquals(LinkStatus.UNKNOWN, LinkStatus.of(null, NOW));
    }

    @Test
    void onlyAnOpenLinkIsUsableAndEveryOtherOneExplainsItself() {
        for (LinkStatus status : LinkStatus.values()) {
            if (status == LinkStatus.OPEN) {
                assertTrue(status.isUsable());
                assertNull(status.explanation());
            } else {
                assertFalse(status.isUsable(), status.name());
                assertNotNull(status.explanation(), status.name());
            }
        }
    }
}
