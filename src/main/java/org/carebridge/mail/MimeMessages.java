package org.carebridge.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Builds the MIME form of a {@link MailMessage}: plain text, plus HTML when there is some. */
final class MimeMessages {

    private MimeMessages() {
    }

    static MimeMessage build(Session session, String from, MailMessage mail) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        mime.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        if (mail.html() == null) {
            mime.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        }
        mime.saveChanges();
        return mime;
    }
}
