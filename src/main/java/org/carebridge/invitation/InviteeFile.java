package org.carebridge.invitation;

import java.util.List;

/**
 * What an uploaded invitation file asks for: the people to invite (each address once, in file
 * order) and the department names found, each once whatever its letter case, in file order.
 */
public record InviteeFile(List<Invitee> invitees, List<String> departments) {

    public InviteeFile {
        invitees = List.copyOf(invitees);
        departments = List.copyOf(departments);
    }
}
