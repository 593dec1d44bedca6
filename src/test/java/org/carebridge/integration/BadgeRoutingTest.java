package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.carebridge.messaging.DeliveryRoute;
import org.carebridge.messaging.MessageOrigin;
import org.carebridge.user.UserKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole routing table: every recipient kind, link, first sign-in, on-premises system (none
 * when the integration is not enabled) and origin of the message.
 */
class BadgeRoutingTest {

    private static final SystemKind NONE = null;

    /** The linked native users: the guide's rule for each system, and both until the first sign-in. */
    @ParameterizedTest(name = "signed in {0}, {1}, {2} -> {3}")
    @CsvSource({
        // signed in | system             | origin            | route
        "true,  VOICE_AND_MESSAGING, CLIENT_APP,        APP",
        "true,  VOICE_AND_MESSAGING, OTHER_APPLICATION, APP",
        "true,  VOICE_AND_MESSAGING, SYSTEM,            BADGE",
        "true,  VOICE_ONLY,          CLIENT_APP,        APP",
        "true,  VOICE_ONLY,          OTHER_APPLICATION, BADGE",
        "true,  VOICE_ONLY,          SYSTEM,            BADGE",
        "false, VOICE_AND_MESSAGING, CLIENT_APP,        BOTH",
        "false, VOICE_AND_MESSAGING, OTHER_APPLICATION, BOTH",
        "false, VOICE_AND_MESSAGING, SYSTEM,            BOTH",
        "false, VOICE_ONLY,          CLIENT_APP,        BOTH",
        "false, VOICE_ONLY,          OTHER_APPLICATION, BOTH",
        "false, VOICE_ONLY,          SYSTEM,            BOTH",
    })
    void aLinkedNativeUserFollowsTheOnPremisesSystemAndGetsBothUntilTheFirstSignIn(boolean signedIn, SystemKind system,
            MessageOrigin origin, DeliveryRoute expected) {
        assertEquals(expected, BadgeRouting.route(new BadgeRouting.Recipient(UserKind.NATIVE, true, signedIn), system,
                origin));
    }

    /** Everyone else, for every combination of the other inputs. */
    @Test
    void externalUsersGetTheBadgeAndUnlinkedNativeUsersOrThoseWithoutAnIntegrationTheApp() {
        List<SystemKind> systems = new ArrayList<>(List.of(SystemKind.values()));
        systems.add(NONE);
        int rows = 0;
        for (SystemKind system : systems) {
            for (MessageOrigin origin : MessageOrigin.values()) {
                for (boolean signedIn : new boolean[] {true, false}) {
                    for (boolean linked : new boolean[] {true, false}) {
                        String row = system + " " + origin + " signed in " + signedIn + " linked " + linked;
                        assertEquals(DeliveryRoute.BADGE, BadgeRouting.route(
                                new BadgeRouting.Recipient(UserKind.EXTERNAL, linked, signedIn), system, origin),
                                "external: " + row);
                        rows++;
                    }
                    assertEquals(DeliveryRoute.APP, BadgeRouting.route(
                            new BadgeRouting.Recipient(UserKind.NATIVE, false, signedIn), system, origin),
                            "unlinked native: " + system + " " + origin + " " + signedIn);
                    assertEquals(DeliveryRoute.APP, BadgeRouting.route(
                            new BadgeRouting.Recipient(UserKind.NATIVE, true, signedIn), NONE, origin),
                            "linked native without an enabled integration: " + origin + " " + signedIn);
                    rows += 2;
                }
            }
        }
        assertEquals(3 * 3 * 2 * 4, rows);
    }

    @Test
    void whatEachRouteReaches() {
        assertEquals(List.of(true, false), List.of(DeliveryRoute.APP.reachesApp(), DeliveryRoute.APP.reachesBadge()));
        assertEquals(List.of(false, true), List.of(DeliveryRoute.BADGE.reachesApp(), DeliveryRoute.BADGE.reachesBadge()));
        assertEquals(List.of(true, true), List.of(DeliveryRoute.BOTH.reachesApp(), DeliveryRoute.BOTH.reachesBadge()));
        assertEquals(List.of(true, true, false), List.of(MessageOrigin.CLIENT_APP.byPerson(),
                MessageOrigin.OTHER_APPLICATION.byPerson(), MessageOrigin.SYSTEM.byPerson()));
    }
}
