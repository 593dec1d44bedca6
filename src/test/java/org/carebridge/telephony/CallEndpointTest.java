package org.carebridge.telephony;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;

import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

/** Which number a masked call rings for each kind of person. */
class CallEndpointTest {

    private static User badge(String guestAccess, String deskPhone, String cell) {
        User user = User.externalUser(hospital(1), "vs-3001", "Grace", "Okafor", ZoneId.of("America/New_York"), NOW);
        user.setGuestAccessNumber(guestAccess);
        user.setDeskPhone(deskPhone);
        user.setCellPhone(cell);
        return user;
    }

    @Test
    void aNativeUserIsCalledOnTheCellNumberOnly() {
        User jane = user(hospital(1), 10, "jane@hospital.example");
        assertEquals(Optional.empty(), CallEndpoint.of(jane));
        jane.setDeskPhone("(408) 555-0177");
        assertEquals(Optional.empty(), CallEndpoint.of(jane), "a native user's desk phone is not rung");
        jane.setCellPhone("(408) 555-0142");
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("(408) 555-0142"), null, CallEndpoint.Line.CELL)),
                CallEndpoint.of(jane));
        assertEquals(Optional.of(PhoneNumber.parse("(408) 555-0142")), CallEndpoint.cellOf(jane));
    }

    @Test
    void aBadgeUserIsCalledOnTheGuestAccessNumberWithTheExtensionKeyedIn() {
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("6175550100"), "4412", CallEndpoint.Line.BADGE)),
                CallEndpoint.of(badge("6175550100", "4412", "(617) 555-0150")), "the badge number comes before a cell");
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("6175550100"), "4412", CallEndpoint.Line.BADGE)),
                CallEndpoint.of(badge("617-555-0100", "44-12", null)));
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("6175550100"), null, CallEndpoint.Line.BADGE)),
                CallEndpoint.of(badge("6175550100", "ext. four", null)),
                "no usable extension: the access number still reaches the voice server");
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("6175550100"), null, CallEndpoint.Line.BADGE)),
                CallEndpoint.of(badge("6175550100", null, null)));
    }

    @Test
    void aSyncedUserWithoutGuestAccessNumberIsCalledOnACellThenOnAFullDeskNumber() {
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("(617) 555-0150"), null, CallEndpoint.Line.CELL)),
                CallEndpoint.of(badge(null, "(617) 555-0177", "(617) 555-0150")));
        assertEquals(Optional.of(new CallEndpoint(PhoneNumber.parse("(617) 555-0177"), null, CallEndpoint.Line.DESK)),
                CallEndpoint.of(badge(" ", "(617) 555-0177", null)));
        assertEquals(Optional.empty(), CallEndpoint.of(badge(null, "4412", null)), "an extension alone is no number");
        assertEquals(Optional.empty(), CallEndpoint.of(badge("not a number", null, "12")));
    }

    @Test
    void extensionsAreDigitsOnlyAndPrintedEndpointsShowNoDigits() {
        assertEquals("12345", CallEndpoint.extension(" 123 45 "));
        assertEquals(null, CallEndpoint.extension("12345678901"));
        assertEquals(null, CallEndpoint.extension("x12"));
        assertThrows(IllegalArgumentException.class,
                () -> new CallEndpoint(PhoneNumber.parse("6175550100"), "12#", CallEndpoint.Line.BADGE));
        CallEndpoint endpoint = new CallEndpoint(PhoneNumber.parse("6175550100"), "4412", CallEndpoint.Line.BADGE);
        assertFalse(endpoint.toString().matches(".*\\d.*"), endpoint.toString());
        assertTrue(endpoint.toString().contains("BADGE"));
        assertEquals("+16175550100", CallEndpoint.e164(endpoint.number()));
    }
}
