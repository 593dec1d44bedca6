package org.carebridge.messaging;

/**
 * Where one recipient gets a message: in the Carebridge app (event log and push notification),
 * on the badge of the on-premises voice system, or both. Decided by
 * {@code integration.BadgeRouting}.
 */
public enum DeliveryRoute {
    APP,
    BADGE,
    BOTH;

    public boolean reachesApp() {
        return this != BADGE;
    }

    public boolean reachesBadge() {
        return this != APP;
    }
}
