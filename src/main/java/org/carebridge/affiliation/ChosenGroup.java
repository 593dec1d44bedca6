package org.carebridge.affiliation;

import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;

/**
 * One group a side of an affiliation chose to expose. The side's organization is stored with
 * it so the database can check, by a composite key, that the group really belongs to it.
 */
@Embeddable
public class ChosenGroup {

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @ManyToOne(optional = false)
    @JoinColumn(name = "group_id", nullable = false)
    private ContactGroup group;

    protected ChosenGroup() {
    }

    ChosenGroup(ContactGroup group) {
        this.organization = group.getOrganization();
        this.group = group;
    }

    public Organization getOrganization() { return organization; }
    public ContactGroup getGroup() { return group; }
}
