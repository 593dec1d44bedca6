package org.carebridge.organization;

/** A hospital has an on-premises voice system and a community; a practice has neither. */
public enum OrganizationKind {
    HOSPITAL("Hospital"),
    PRACTICE("Practice");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
