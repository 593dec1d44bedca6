package org.carebridge.integration;

import java.util.Objects;

import org.carebridge.messaging.DeliveryRoute;
import org.carebridge.messaging.MessageOrigin;
import org.carebridge.user.UserKind;

/**
 * The routing rule for badges and linked users, in one place (docs/architecture.md, "Badge
 * routing"): where one recipient gets a message.
 *
 * <ul>
 * <li>An external (badge) user has no app: the badge.</li>
 * <li>A native user with no linked external profile, or whose organization has no enabled
 *     integration: the app.</li>
 * <li>A native user linked to an external profile who has never signed in to a Carebridge
 *     client: both, so the message is not missed.</li>
 * <li>Otherwise the on-premises system decides. With a voice server and a messaging platform,
 *     what a person wrote (in any application) goes to the app and what a system sent goes to
 *     the badge. With a voice server only, what was written in a Carebridge client goes to the
 *     app and everything else to the badge.</li>
 * </ul>
 */
public final class BadgeRouting {

    private BadgeRouting() {
    }

    /**
     * What the rule needs to know of one recipient.
     *
     * @param kind             native or external
     * @param linked           a native user with at least one linked external profile, or an
     *                         external user linked to a native profile
     * @param signedInToClient the user has signed in to a Carebridge client at least once
     */
    public record Recipient(UserKind kind, boolean linked, boolean signedInToClient) {

        public Recipient {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * @param systemKind the on-premises system of the recipient's organization, {@code null}
     *                   when its integration is not enabled
     */
    public static DeliveryRoute route(Recipient recipient, SystemKind systemKind, MessageOrigin origin) {
        Objects.requireNonNull(origin, "origin");
        if (recipient.kind() == UserKind.EXTERNAL) {
            // Also a linked external profile named directly: it is the badge identity of the person.
            return DeliveryRoute.BADGE;
        }
        if (!recipient.linked() || systemKind == null) {
            return DeliveryRoute.APP;
        }
        if (!recipient.signedInToClient()) {
            return DeliveryRoute.BOTH;
        }
        boolean toApp = switch (systemKind) {
            case VOICE_AND_MESSAGING -> origin.byPerson();
            case VOICE_ONLY -> origin == MessageOrigin.CLIENT_APP;
        };
        return toApp ? DeliveryRoute.APP : DeliveryRoute.BADGE;
    }
}
