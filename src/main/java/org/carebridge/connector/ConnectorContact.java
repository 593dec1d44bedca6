package org.carebridge.connector;

/** One member of the on-premises contacts group, as the reference connector reads it from its file. */
public record ConnectorContact(String externalId, String firstName, String middleName, String lastName,
        String guestAccessNumber, String deskPhone) {
}
