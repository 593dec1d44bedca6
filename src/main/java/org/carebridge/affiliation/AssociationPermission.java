package org.carebridge.affiliation;

/**
 * Which of its members one side of an affiliation lets the other side reach. The default is
 * the whole organization; NONE ends communication temporarily while the affiliation remains.
 */
public enum AssociationPermission {
    NONE("None"),
    WHOLE_ORGANIZATION("Whole organization"),
    GROUPS("Chosen groups");

    private final String label;

    AssociationPermission(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
