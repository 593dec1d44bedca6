package org.carebridge.audit;

import java.util.Objects;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/** What an audit event is about: a kind of thing and its id, as stored in the trail. */
public record AuditTarget(String type, String id) {

    public AuditTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static AuditTarget of(String type, Object id) {
        return new AuditTarget(type, String.valueOf(id));
    }

    public static AuditTarget user(User user) {
        return of("User", user.getId());
    }

    public static AuditTarget organization(Organization organization) {
        return of("Organization", organization.getId());
    }

    public static AuditTarget group(ContactGroup group) {
        return of("Group", group.getId());
    }

    public static AuditTarget affiliation(Affiliation affiliation) {
        return of("Affiliation", affiliation.getId());
    }
}
