package org.carebridge.mail;

import java.util.Objects;

/** A composed mail, ready for the outbox. {@code html} may be {@code null}. */
public record MailMessage(String recipient, String subject, String text, String html) {

    public MailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
