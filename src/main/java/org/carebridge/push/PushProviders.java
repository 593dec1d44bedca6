package org.carebridge.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.carebridge.device.Device;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the provider for a device by the push service it registered with (APNs for iOS, FCM
 * for Android) and by configuration: {@code push.apns.mode} and {@code push.fcm.mode} are
 * {@code recording} (the default: nothing leaves the server) or {@code apns} / {@code fcm}.
 * Keys and URLs are read once at start-up; docs/operations.md lists every key.
 */
@ApplicationScoped
public class PushProviders {

    private static final Logger LOG = Logger.getLogger(PushProviders.class.getName());

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Inject
    RecordingPushProvider recording;

    private PushProvider apns;
    private PushProvider fcm;

    @PostConstruct
    void configure() {
        apns = "apns".equals(mode("push.apns.mode")) ? apns() : recording;
        fcm = "fcm".equals(mode("push.fcm.mode")) ? fcm() : recording;
        LOG.info(() -> "Push: APNs " + (apns == recording ? "recorded only" : "live") + ", FCM "
                + (fcm == recording ? "recorded only" : "live"));
    }

    /** The provider for {@code device}'s push service. */
    public PushProvider forDevice(Device device) {
        return switch (device.getPushProvider()) {
            case APNS -> apns;
            case FCM -> fcm;
            case NONE -> throw new IllegalArgumentException("Device " + device.getId() + " has no push registration");
        };
    }

    private String mode(String key) {
        return config.getOptionalValue(key, String.class).orElse("recording").strip().toLowerCase(Locale.ROOT);
    }

    private PushProvider apns() {
        ApnsPushProvider.Settings settings = new ApnsPushProvider.Settings(
                URI.create(config.getOptionalValue("push.apns.base-url", String.class).orElse("https://api.push.apple.com")),
                config.getValue("push.apns.team-id", String.class),
                config.getValue("push.apns.key-id", String.class),
                config.getValue("push.apns.topic", String.class),
                Jwts.privateKey(read(config.getValue("push.apns.key-file", String.class)), "EC"));
        return new ApnsPushProvider(settings, clock);
    }

    private PushProvider fcm() {
        FcmPushProvider.Settings settings = FcmPushProvider.Settings.fromServiceAccount(
                read(config.getValue("push.fcm.service-account-file", String.class)),
                URI.create(config.getOptionalValue("push.fcm.base-url", String.class).orElse("https://fcm.googleapis.com")),
                config.getOptionalValue("push.fcm.token-url", String.class).map(URI::create).orElse(null),
                config.getOptionalValue("push.fcm.project-id", String.class).orElse(null));
        return new FcmPushProvider(settings, clock);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read push key file " + file, e);
        }
    }
}
