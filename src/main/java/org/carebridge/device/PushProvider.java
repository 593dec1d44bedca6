package org.carebridge.device;

/** The service that delivers push notifications to a device; NONE for browsers and devices without a token. */
public enum PushProvider {
    /** Apple Push Notification service. */
    APNS,
    /** Firebase Cloud Messaging. */
    FCM,
    NONE
}
