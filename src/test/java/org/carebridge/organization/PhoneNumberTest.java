package org.carebridge.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"(408) 882-5830", "408-882-5830", "408.882.5830", "4088825830", "+1 408 882 5830",
            "1 (408) 882-5830", "  408 882 5830  "})
    void acceptsTheUsualWaysOfWritingANumber(String typed) {
        PhoneNumber number = PhoneNumber.parse(typed);
        assertEquals("4088825830", number.digits());
        assertEquals("(408) 882-5830", number.formatted());
        assertEquals("408", number.areaCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12", "408-882-583", "408-882-58301", "(408) 882-5830 x12", "abc",
            "(108) 882-5830", "(408) 182-5830", "2 408 882 5830"})
    void refusesWhatIsNotATenDigitNorthAmericanNumber(String typed) {
        assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse(typed));
    }

    @ParameterizedTest
    @CsvSource({"800,true", "833,true", "844,true", "855,true", "866,true", "877,true", "888,true",
            "408,false", "822,false", "899,false"})
    void knowsTheTollFreeAreaCodes(String areaCode, boolean tollFree) {
        assertEquals(tollFree, PhoneNumber.parse(areaCode + "5550100").isTollFree());
    }

    @ParameterizedTest
    @ValueSource(strings = {"408", "617"})
    void messagesNameTheProblem(String unused) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhoneNumber.parse("12"));
        assertTrue(e.getMessage().contains("10-digit"));
        assertFalse(PhoneNumber.parse(unused + "5550100").isTollFree());
    }
}
