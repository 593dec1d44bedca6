package org.carebridge.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on the loopback port the server under test sends to. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+?token=[A-Za-z0-9_%-]+");

    private Mailbox() {
    }

    public static GreenMailExtension smtpServer() {
        return new GreenMailExtension(setup()).withPerMethodLifecycle(false);
    }

    /** Where the server under test delivers mail: loopback, the port the build reserved. */
    public static ServerSetup setup() {
        int port = Integer.parseInt(System.getProperty("greenmail.port", "3025"));
        return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    /** Waits for the next mail to {@code recipient} whose subject contains {@code subjectPart}. */
    public static MimeMessage await(GreenMailOperations smtp, String recipient, String subjectPart) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessagesForDomain(recipient)) {
                try {
                    if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)
                            && message.getSubject().contains(subjectPart)) {
                        return message;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            smtp.waitForIncomingEmail(500, 1);
        }
        throw new AssertionError("No mail \"" + subjectPart + "\" for " + recipient + " within 30 s");
    }

    /** The decoded plain-text part of a mail. */
    public static String text(MimeMessage message) {
        try {
            return plainText(message.getContent(), message.getContentType());
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Object content, String type) throws java.io.IOException, jakarta.mail.MessagingException {
        if (content instanceof String s && type.toLowerCase().startsWith("text/plain")) {
            return s;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                String found = plainText(part.getContent(), part.getContentType());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The single-use link in a mail's plain-text body. */
    public static String link(MimeMessage message) {
        String body = text(message);
        Matcher m = LINK.matcher(body);
        if (!m.find()) {
            throw new AssertionError("No link in mail: " + body);
        }
        return m.group();
    }
}
