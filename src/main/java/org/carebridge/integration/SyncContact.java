package org.carebridge.integration;

/**
 * One member of the on-premises contacts group as the connector sends it. Values are stripped;
 * blank ones are {@code null}. Whether the record can be imported is the import's question
 * ({@link ImportPlan}), so one bad record never fails the frame that carries it.
 */
public record SyncContact(String externalId, String firstName, String middleName, String lastName,
        String guestAccessNumber, String deskPhone) {

    public static final int EXTERNAL_ID_MAX = 128;
    public static final int NAME_MAX = 100;
    public static final int PHONE_MAX = 32;

    public SyncContact {
        externalId = clean(externalId);
        firstName = clean(firstName);
        middleName = clean(middleName);
        lastName = clean(lastName);
        guestAccessNumber = clean(guestAccessNumber);
        deskPhone = clean(deskPhone);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "First Last" for the import report; whatever parts there are. */
    public String displayName() {
        String first = firstName == null ? "" : firstName;
        String last = lastName == null ? "" : lastName;
        String name = (first + " " + last).strip();
        return name.isEmpty() ? null : name;
    }
}
