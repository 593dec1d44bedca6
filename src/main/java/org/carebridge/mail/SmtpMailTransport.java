package org.carebridge.mail;

import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;

/** Sends through the configured SMTP server. */
class SmtpMailTransport implements MailTransport {

    private final MailSettings settings;
    private final Session session;

    SmtpMailTransport(MailSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        switch (settings.tls()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> props.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        Authenticator authenticator = null;
        if (settings.user().isPresent()) {
            props.put("mail.smtp.auth", "true");
            String user = settings.user().get();
            String password = settings.password().orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
    }

    @Override
    public void send(MailMessage message) throws MailDeliveryException {
        try {
            Transport.send(MimeMessages.build(session, settings.from(), message));
        } catch (AddressException badAddress) {
            throw new MailDeliveryException("Invalid recipient address", true, badAddress);
        } catch (SendFailedException rejected) {
            // The server refused the recipient (5xx): retrying cannot help.
            boolean recipientRejected = rejected.getInvalidAddresses() != null
                    && rejected.getInvalidAddresses().length > 0;
            throw new MailDeliveryException("Recipient rejected: " + rejected.getMessage(), recipientRejected, rejected);
        } catch (MessagingException unavailable) {
            throw new MailDeliveryException("Mail server unavailable: " + unavailable.getMessage(), false, unavailable);
        }
    }
}
