package org.carebridge.organization;

import java.time.ZoneId;

import org.carebridge.platform.web.Messages;

/** Parsing of the organization fields several console pages share, with field messages. */
public final class OrganizationFields {

    private OrganizationFields() {
    }

    /** The typed number, or {@code null} after putting the reason next to the field. */
    public static PhoneNumber officeNumber(String clientId, String typed) {
        try {
            return PhoneNumber.parse(typed);
        } catch (IllegalArgumentException e) {
            Messages.fieldError(clientId, e.getMessage());
            return null;
        }
    }

    /** The chosen zone, or {@code null} after putting the reason next to the field. */
    public static ZoneId timeZone(String clientId, String typed) {
        try {
            return TimeZones.parse(typed);
        } catch (IllegalArgumentException e) {
            Messages.fieldError(clientId, e.getMessage());
            return null;
        }
    }
}
