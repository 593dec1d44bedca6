package org.carebridge.organization;

/**
 * The license an organization's users hold, chosen for a practice's initial users when a
 * hospital creates it. It is recorded and shown next to each affiliate; no feature depends on
 * it, so changing it never cuts anyone off.
 */
public enum OrganizationLicense {
    NONE("None", "No License"),
    PREMIUM("Premium", "Premium");

    private final String label;
    private final String affiliateLabel;

    OrganizationLicense(String label, String affiliateLabel) {
        this.label = label;
        this.affiliateLabel = affiliateLabel;
    }

    /** As the Create Practice form offers it. */
    public String label() {
        return label;
    }

    /** As the list of affiliates shows it. */
    public String affiliateLabel() {
        return affiliateLabel;
    }
}
