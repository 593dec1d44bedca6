package org.carebridge.mail;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outgoing mail configuration (docs/operations.md lists every key). {@code mail.transport}
 * is {@code smtp} in production; the embedded run sets {@code folder} so mail lands as
 * {@code .eml} files a developer can open.
 */
@ApplicationScoped
public class MailSettings {

    public enum Tls { NONE, STARTTLS, SSL }

    @Inject
    @ConfigProperty(name = "mail.transport", defaultValue = "smtp")
    String transport;

    @Inject
    @ConfigProperty(name = "mail.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "mail.tls", defaultValue = "NONE")
    String tls;

    @Inject
    @ConfigProperty(name = "mail.from", defaultValue = "Carebridge <no-reply@carebridge.invalid>")
    String from;

    @Inject
    @ConfigProperty(name = "mail.folder", defaultValue = "data/mail")
    String folder;

    public boolean isFolderTransport() {
        return "folder".equalsIgnoreCase(transport.strip());
    }

    public String host() { return host; }
    public int port() { return port; }
    public Optional<String> user() { return user.filter(s -> !s.isBlank()); }
    public Optional<String> password() { return password; }
    public Tls tls() { return Tls.valueOf(tls.strip().toUpperCase(java.util.Locale.ROOT)); }
    public String from() { return from; }
    public Path folder() { return Path.of(folder).toAbsolutePath(); }
}
