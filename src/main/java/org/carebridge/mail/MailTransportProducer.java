package org.carebridge.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Chooses the transport from {@code mail.transport}. */
@ApplicationScoped
class MailTransportProducer {

    @Inject
    MailSettings settings;

    @Produces
    @ApplicationScoped
    MailTransport transport() {
        return settings.isFolderTransport() ? new FolderMailTransport(settings) : new SmtpMailTransport(settings);
    }
}
