package org.carebridge.access;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carebridge.device.Device;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the client access API (sign-in, PIN, wipe confirmation). Never entities. */
public final class ClientApiTypes {

    static final String PIN_PATTERN = "\\d{4}";

    private ClientApiTypes() {
    }

    // Request bodies are classes with public fields rather than records: Payara's OpenAPI scanner
    // fails on Bean Validation annotations of record components (they sit on field, accessor and
    // constructor parameter at once).

    @Schema(description = "Sign in with e-mail and PIN from one device")
    public static final class LoginRequest {
        @NotBlank @Size(max = User.EMAIL_MAX) @Schema(example = "jane.doe@riverside.test")
        public String email;
        @NotNull @Pattern(regexp = PIN_PATTERN, message = "must be 4 digits") @Schema(example = "4821")
        public String pin;
        @NotNull @Valid
        public DeviceDescription device;

        public String email() { return email; }
        public String pin() { return pin; }
        public DeviceDescription device() { return device; }
    }

    @Schema(description = "The device signing in. deviceKey is chosen by the app once per installation"
            + " (a random UUID: it must not be guessable) and stays the same across sign-ins.")
    public static final class DeviceDescription {
        @NotBlank @Size(max = Device.KEY_MAX) @Schema(example = "6f1c2a8e-3b7d-4e59-9a0c-1d2e3f4a5b6c")
        public String deviceKey;
        @NotNull @Pattern(regexp = "(?i)ios|android|web", message = "must be ios, android or web")
        @Schema(enumeration = {"ios", "android", "web"}, example = "ios")
        public String platform;
        @Size(max = Device.NAME_MAX) @Schema(example = "Jane's iPhone")
        public String name;
        @Pattern(regexp = "(?i)apns|fcm", message = "must be apns or fcm")
        @Schema(enumeration = {"apns", "fcm"}, example = "apns")
        public String pushProvider;
        @Size(max = Device.PUSH_TOKEN_MAX) @Schema(example = "80f3c2d1e4")
        public String pushToken;

        public DeviceDescription() {
        }

        public DeviceDescription(String deviceKey, String platform, String name, String pushProvider, String pushToken) {
            this.deviceKey = deviceKey;
            this.platform = platform;
            this.name = name;
            this.pushProvider = pushProvider;
            this.pushToken = pushToken;
        }

        public String deviceKey() { return deviceKey; }
        public String platform() { return platform; }
        public String name() { return name; }
        public String pushProvider() { return pushProvider; }
        public String pushToken() { return pushToken; }
    }

    @Schema(description = "An open client session")
    public record SessionAnswer(
            @Schema(description = "Bearer token for the Authorization header; shown once") String accessToken,
            @Schema(example = "Bearer") String tokenType,
            Instant expiresAt,
            @Schema(description = "When true, only PUT /api/v1/session/pin (and sign-out) is allowed until the PIN is changed")
            boolean pinTemporary,
            ClientProfile user,
            ClientOrganization organization,
            String deviceKey) {
    }

    @Schema(description = "The signed-in user's basic profile (never the private cell number)")
    public record ClientProfile(Long id, String staffId, String title, String firstName, String middleName,
            String lastName, String credentials, String jobTitle, String email, String status) {

        static ClientProfile of(User user) {
            return new ClientProfile(user.getId(), user.getStaffId(), user.getTitle(), user.getFirstName(),
                    user.getMiddleName(), user.getLastName(), user.getCredentials(), user.getJobTitle(),
                    user.getEmail(), user.getStatus().name());
        }
    }

    @Schema(description = "The settings of the user's organization a client needs")
    public record ClientOrganization(Long id, String name,
            @Schema(description = "Messages expire this many minutes after sending", example = "10080") int messageExpirationMinutes,
            @Schema(description = "How long the high-priority sound plays, in seconds", example = "30") int highPrioritySoundSeconds,
            @Schema(description = "Whether messages to people without an account (e-mail/SMS) are allowed") boolean nonUserMessaging,
            @Schema(description = "Whether members may message the whole organization") boolean wholeOrganizationMessaging) {

        static ClientOrganization of(Organization org) {
            return new ClientOrganization(org.getId(), org.getName(), org.getMessageExpirationMinutes(),
                    org.getPrioritySoundSeconds(), org.isNonUserMessaging(), org.isWholeOrganizationMessaging());
        }
    }

    @Schema(description = "Change the PIN: the current one and a new one")
    public static final class PinChange {
        @NotNull @Pattern(regexp = PIN_PATTERN, message = "must be 4 digits") @Schema(example = "4821")
        public String currentPin;
        @NotNull @Pattern(regexp = PIN_PATTERN, message = "must be 4 digits") @Schema(example = "7305")
        public String newPin;

        public String currentPin() { return currentPin; }
        public String newPin() { return newPin; }
    }

    @Schema(description = "The code the device received with its wipe instruction")
    public static final class WipeConfirmation {
        @NotBlank @Size(max = 100)
        public String confirmation;

        public String confirmation() { return confirmation; }
    }
}
