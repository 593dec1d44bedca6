package org.carebridge.device;

import java.time.Instant;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the signed-in user's own device list ({@code GET /api/v1/devices}). Never the
 * device key or push token: a device key is what a pending remote wipe is matched by, so other
 * devices' keys are not handed out, even to their owner.
 */
@Schema(name = "OwnDevice", description = "A device the signed-in user has used")
public record OwnDevice(
        @Schema(example = "2051") long id,
        @Schema(description = "The name the app gave it, or the platform's name", example = "Jane's iPhone") String name,
        @Schema(enumeration = {"ios", "android", "web"}, example = "ios") String platform,
        @Schema(description = "Last sign-in") Instant lastLoginAt,
        @Schema(description = "Most recent contact with the server (updated at most once a minute)") Instant lastActivityAt,
        @Schema(description = "Whether a session is open on the device now") boolean signedIn,
        @Schema(description = "Whether this is the device making the request") boolean current,
        @Schema(description = "The device's status as the administrator's device list shows it",
                example = "Device is active. Push notification active.") String status) {

    static OwnDevice of(Device device, boolean signedIn, boolean current) {
        return new OwnDevice(device.getId(), device.getName(), device.getPlatform().name().toLowerCase(Locale.ROOT),
                device.getLastLoginAt(), device.getLastActivityAt(), signedIn, current, device.statusText());
    }
}
