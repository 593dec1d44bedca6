package org.carebridge.telephony;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.carebridge.organization.PhoneNumber;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the voice provider and the SMS gateway by configuration: {@code voice.mode} and
 * {@code sms.mode} are {@code recording} (the default: nothing leaves the server) or
 * {@code http}. Settings are read once at start-up, and a missing or unusable one stops the
 * start with the key's name; docs/operations.md lists every key.
 */
@ApplicationScoped
public class TelephonyProviders {

    private static final Logger LOG = Logger.getLogger(TelephonyProviders.class.getName());
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Config config;

    @Inject
    RecordingVoiceCallProvider recordingVoice;

    @Inject
    RecordingSmsGateway recordingSms;

    private VoiceCallProvider voice;
    private SmsGateway sms;

    @PostConstruct
    void configure() {
        voice = http("voice.mode") ? new HttpVoiceCallProvider(settings("voice")) : recordingVoice;
        sms = http("sms.mode") ? new HttpSmsGateway(settings("sms"), sender()) : recordingSms;
        LOG.info(() -> "Telephony: voice calls " + (voice == recordingVoice ? "recorded only" : "through " + value("voice.base-url"))
                + ", SMS " + (sms == recordingSms ? "recorded only" : "through " + value("sms.base-url")));
    }

    public VoiceCallProvider voiceCalls() {
        return voice;
    }

    public SmsGateway sms() {
        return sms;
    }

    private boolean http(String key) {
        String mode = config.getOptionalValue(key, String.class).orElse("recording").strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "http" -> true;
            case "recording" -> false;
            default -> throw new IllegalStateException(key + " must be recording or http, not " + mode);
        };
    }

    private ProviderHttp.Settings settings(String prefix) {
        String timeoutKey = prefix + ".timeout";
        Duration timeout;
        try {
            timeout = config.getOptionalValue(timeoutKey, String.class).map(Duration::parse).orElse(DEFAULT_TIMEOUT);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(timeoutKey + " must be an ISO-8601 duration such as PT10S", e);
        }
        URI baseUrl = URI.create(value(prefix + ".base-url"));
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalStateException(prefix + ".base-url must be an http or https address");
        }
        return new ProviderHttp.Settings(baseUrl, value(prefix + ".account"), value(prefix + ".token"), timeout);
    }

    private PhoneNumber sender() {
        try {
            return PhoneNumber.parse(value("sms.from"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sms.from must be a 10-digit number such as (617) 555-0100", e);
        }
    }

    private String value(String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException(key + " is required when " + key.substring(0, key.indexOf('.'))
                        + ".mode is http"));
    }
}
