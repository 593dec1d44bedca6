package org.carebridge.messaging;

import java.util.Collection;
import java.util.Map;

/**
 * Where the recipients of a stored message get it. Implemented by the integration feature
 * ({@code integration.BadgeRoutes}), which knows badges and linked users; messaging asks it so a
 * recipient reached only on a badge gets no push notification.
 */
public interface RecipientRoutes {

    /**
     * The route of each of {@code recipientIds} that does not go to the app alone; recipients
     * missing from the answer get the message in the app only.
     */
    Map<Long, DeliveryRoute> routes(long messageId, Collection<Long> recipientIds);
}
