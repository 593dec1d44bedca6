package org.carebridge.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void typedWildcardsAndTheEscapeCharacterMatchThemselves() {
        assertEquals("%50\\% off%", LikePatterns.containing("50% off"));
        assertEquals("%a\\_b%", LikePatterns.containing("a_b"));
        assertEquals("%c:\\\\temp%", LikePatterns.containing("c:\\temp"));
    }

    @Test
    void nothingTypedMatchesEverything() {
        assertEquals("%%", LikePatterns.containing(null));
        assertEquals("%%", LikePatterns.containing(""));
    }
}
