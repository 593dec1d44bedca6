package org.carebridge.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * The development transport: every mail becomes an {@code .eml} file in a folder, readable
 * with any mail program or a text editor. Used by the embedded run, never in production.
 */
class FolderMailTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(FolderMailTransport.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MailSettings settings;
    private final Session session = Session.getInstance(new Properties());

    FolderMailTransport(MailSettings settings) {
        this.settings = settings;
    }

    @Override
    public void send(MailMessage message) throws MailDeliveryException {
        Path folder = settings.folder();
        String safeRecipient = message.recipient().replaceAll("[^A-Za-z0-9@._-]", "_");
        Path file = folder.resolve(LocalDateTime.now().format(STAMP) + "-" + SEQUENCE.incrementAndGet()
                + "-" + safeRecipient + ".eml");
        try {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(file)) {
                MimeMessages.build(session, settings.from(), message).writeTo(out);
            }
            LOG.info(() -> "Mail \"" + message.subject() + "\" for " + message.recipient() + " saved to " + file);
        } catch (MessagingException badMessage) {
            throw new MailDeliveryException("Invalid mail: " + badMessage.getMessage(), true, badMessage);
        } catch (IOException io) {
            throw new MailDeliveryException("Cannot write " + file + ": " + io.getMessage(), false, io);
        }
    }
}
