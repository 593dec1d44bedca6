package org.carebridge.user;

/** The "User Type" choice of Find Users. */
public enum UserType {
    ALL("All"),
    PHYSICIAN("Physician"),
    NON_PHYSICIAN("Non-Physician"),
    EXTERNAL("External User");

    private final String label;

    UserType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
