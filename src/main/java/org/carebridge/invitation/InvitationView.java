package org.carebridge.invitation;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What an invitation link leads to, as the landing page shows it: its status, and for an
 * invitation addressed to the caller's organization who invites whom, until when, and the
 * invited organization's groups to choose from.
 */
public record InvitationView(LinkStatus status, Details details, List<GroupOption> groups) implements Serializable {

    public InvitationView {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    static InvitationView of(LinkStatus status) {
        return new InvitationView(status, null, List.of());
    }

    public record Details(long invitationId, long invitingId, String invitingName, String inviterName,
            long invitedId, String invitedName, Instant sentAt, Instant expiresAt) implements Serializable {

        static Details of(OrganizationInvitation invitation) {
            return new Details(invitation.getId(), invitation.getInvitingOrganization().getId(),
                    invitation.getInvitingOrganization().getName(),
                    invitation.getInvitedBy().getFirstName() + " " + invitation.getInvitedBy().getLastName(),
                    invitation.getInvitedOrganization().getId(), invitation.getInvitedOrganization().getName(),
                    invitation.getCreatedAt(), invitation.getExpiresAt());
        }
    }

    /** One of the invited organization's contacts groups. */
    public record GroupOption(long id, String name) implements Serializable {
    }
}
