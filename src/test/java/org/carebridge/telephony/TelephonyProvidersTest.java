package org.carebridge.telephony;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** Choosing the voice provider and SMS gateway by configuration, and refusing to start on an unusable setting. */
class TelephonyProvidersTest {

    private static TelephonyProviders configured(Map<String, String> values) {
        TelephonyProviders providers = new TelephonyProviders();
        providers.config = new MapConfig(values);
        providers.recordingVoice = new RecordingVoiceCallProvider(Clock.systemUTC());
        providers.recordingSms = new RecordingSmsGateway(Clock.systemUTC());
        providers.configure();
        return providers;
    }

    private static Map<String, String> http() {
        Map<String, String> values = new HashMap<>();
        values.put("voice.mode", "HTTP");
        values.put("voice.base-url", "https://voice.example.com/2010-04-01");
        values.put("voice.account", "AC1");
        values.put("voice.token", "t");
        values.put("sms.mode", "http");
        values.put("sms.base-url", "https://sms.example.com/2010-04-01");
        values.put("sms.account", "AC2");
        values.put("sms.token", "t");
        values.put("sms.from", "(617) 555-0100");
        values.put("sms.timeout", "PT3S");
        return values;
    }

    @Test
    void nothingLeavesTheServerUnlessConfigured() {
        TelephonyProviders providers = configured(Map.of());
        assertSame(providers.recordingVoice, providers.voiceCalls());
        assertSame(providers.recordingSms, providers.sms());
    }

    @Test
    void httpModeUsesTheHttpImplementations() {
        TelephonyProviders providers = configured(http());
        assertInstanceOf(HttpVoiceCallProvider.class, providers.voiceCalls());
        assertInstanceOf(HttpSmsGateway.class, providers.sms());
    }

    @Test
    void anUnusableSettingStopsTheStartNamingTheKey() {
        for (String key : new String[] {"voice.token", "sms.from", "voice.base-url"}) {
            Map<String, String> values = http();
            values.remove(key);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> configured(values));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        Map<String, String> badMode = http();
        badMode.put("voice.mode", "twilio");
        assertTrue(assertThrows(IllegalStateException.class, () -> configured(badMode)).getMessage().contains("voice.mode"));
        Map<String, String> badTimeout = http();
        badTimeout.put("sms.timeout", "10s");
        assertTrue(assertThrows(IllegalStateException.class, () -> configured(badTimeout)).getMessage().contains("sms.timeout"));
        Map<String, String> badSender = http();
        badSender.put("sms.from", "12345");
        assertTrue(assertThrows(IllegalStateException.class, () -> configured(badSender)).getMessage().contains("sms.from"));
        Map<String, String> badUrl = http();
        badUrl.put("voice.base-url", "ftp://voice.example.com");
        assertTrue(assertThrows(IllegalStateException.class, () -> configured(badUrl)).getMessage().contains("voice.base-url"));
    }

    /** String-valued configuration from a map, as the few keys here need it. */
    private record MapConfig(Map<String, String> values) implements Config {
        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            String value = values.get(name);
            return new ConfigValue() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public String getValue() {
                    return value;
                }

                @Override
                public String getRawValue() {
                    return value;
                }

                @Override
                public String getSourceName() {
                    return value == null ? null : "test map";
                }

                @Override
                public int getSourceOrdinal() {
                    return 0;
                }
            };
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return java.util.List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        /** As the MicroProfile Config contract says: this instance if it is one, otherwise IllegalArgumentException. */
        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new IllegalArgumentException("A test map configuration is no " + type.getName());
        }
    }
}
