package org.carebridge.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.carebridge.organization.PhoneNumber;
import org.junit.jupiter.api.Test;

class LocalVoiceNumberPoolTest {

    @Test
    void handsOutTheFictionalRangeInOrderSkippingTakenNumbers() {
        assertEquals("(408) 555-0100", LocalVoiceNumberPool.firstFree("408", Set.of()).orElseThrow().formatted());
        assertEquals("(408) 555-0102", LocalVoiceNumberPool.firstFree("408",
                Set.of("4085550100", "4085550101")).orElseThrow().formatted());
    }

    @Test
    void anExhaustedAreaCodeHasNoNumber() {
        Set<String> taken = new HashSet<>();
        for (int line = LocalVoiceNumberPool.FIRST; line <= LocalVoiceNumberPool.LAST; line++) {
            taken.add("408555" + "0" + line);
        }
        assertTrue(LocalVoiceNumberPool.firstFree("408", taken).isEmpty());
        PhoneNumber other = LocalVoiceNumberPool.firstFree("617", taken).orElseThrow();
        assertEquals("617", other.areaCode());
    }
}
