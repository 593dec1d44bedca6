package org.carebridge.affiliation;

/**
 * One line of "Organizations with whom we can communicate": the affiliate, and what this side
 * lets it reach.
 */
public record AffiliateRow(long affiliationId, long organizationId, String name, String kind,
        String license, AssociationPermission ourPermission) {

    public String getPermissionLabel() {
        return ourPermission.label();
    }

    public long getAffiliationId() { return affiliationId; }
    public String getName() { return name; }
    public String getKind() { return kind; }
    public String getLicense() { return license; }
}
