package org.carebridge.integration;

/** What an import did to one synced user; each kind feeds one count of the import run. */
public enum ImportChange {
    CREATED("Created"),
    UPDATED("Updated"),
    DELETED("Deleted"),
    /** A synced user replaced the profile details of the native user it is linked to. */
    OVERWRITTEN("Overwritten"),
    NONE("Unchanged"),
    ERROR("Error");

    private final String label;

    ImportChange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
