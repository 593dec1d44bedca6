package org.carebridge.organization;

import java.time.ZoneId;

/**
 * Everything an administrator edits on the Update Organization page, already parsed.
 * {@code retention} is {@code null} when message content is kept forever.
 */
public record OrganizationSettings(String name, PhoneNumber officeNumber, ZoneId timeZone,
        boolean wholeOrganizationMessaging, boolean nonUserMessaging, int messageExpirationMinutes,
        RetentionPeriod retention, int prioritySoundSeconds) {

    /** The current settings of an organization, as the page starts from them. */
    public static OrganizationSettings of(Organization org) {
        return new OrganizationSettings(org.getName(), org.officeNumber(), org.timeZone(),
                org.isWholeOrganizationMessaging(), org.isNonUserMessaging(), org.getMessageExpirationMinutes(),
                org.retention(), org.getPrioritySoundSeconds());
    }
}
