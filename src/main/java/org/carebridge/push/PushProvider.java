package org.carebridge.push;

import org.carebridge.device.Device;

/**
 * Delivers one push notification to one device through a push service (APNs, FCM) or, in the
 * embedded default, records it. Implementations never throw for a refused or failed delivery:
 * they answer it in the {@link PushResult}.
 */
public interface PushProvider {

    PushResult send(Device target, PushNotification notification);
}
