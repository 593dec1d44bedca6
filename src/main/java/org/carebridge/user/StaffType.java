package org.carebridge.user;

/** Physicians carry extra profile attributes (specialty, schooling, practice). */
public enum StaffType {
    PHYSICIAN("Physician"),
    NON_PHYSICIAN("Non-Physician");

    private final String label;

    StaffType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
