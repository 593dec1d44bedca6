package org.carebridge.messaging.outsider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.carebridge.mail.MailLayout;
import org.carebridge.mail.MailMessage;
import org.carebridge.telephony.SmsMessage;

/**
 * What a non-user is told: that a secure message from an organization waits for them, and the
 * single-use link to it. Never the message, never who wrote it: a mailbox or a phone's lock
 * screen is not a safe place for either.
 */
public final class OutsiderNoticeText {

    private static final String SMS_START = "You have a secure message from ";
    private static final String SMS_MIDDLE = ". Open it (the link works once): ";

    private OutsiderNoticeText() {
    }

    public static String subject(String organizationName) {
        return "You have a secure message from " + organizationName;
    }

    /**
     * The mail: {@code link} opens the message once, until {@code linkExpiresAt} (shown in the
     * organization's time zone); a page opened by it lasts {@code idle} without activity.
     */
    public static MailMessage mail(String recipient, String organizationName, String link, Instant linkExpiresAt,
            ZoneId zone, Duration idle) {
        return MailLayout.compose(recipient, subject(organizationName), organizationName, List.of(
                "Someone at " + organizationName + " sent you a secure message through Carebridge. To keep it"
                        + " private, the message itself is not in this e-mail.",
                "The link below opens it in your browser, where you can read it and reply. It works once, until "
                        + MailLayout.dateTime(linkExpiresAt, zone) + ". Once opened, the page stays open while you"
                        + " use it and closes after " + idle.toMinutes() + " minutes without activity."),
                new MailLayout.Action("Read the message", link),
                "If you were not expecting a message from " + organizationName + ", you can ignore this e-mail.");
    }

    /**
     * The text message: at most {@link SmsMessage#TEXT_MAX} characters, the organization's name
     * shortened if need be (with plain dots: one character outside the SMS alphabet would halve the room).
     */
    public static String sms(String organizationName, String link) {
        int room = SmsMessage.TEXT_MAX - SMS_START.length() - SMS_MIDDLE.length() - link.length();
        if (room < 4) {
            throw new IllegalArgumentException("The link is too long for a text message");
        }
        String name = organizationName.length() <= room ? organizationName
                : organizationName.substring(0, room - 3) + "...";
        return SMS_START + name + SMS_MIDDLE + link;
    }
}
