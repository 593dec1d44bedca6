package org.carebridge.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroupChoiceTest {

    @Test
    void anExistingGroupOrANewNameButNotBothNorNeither() {
        GroupChoice existing = GroupChoice.existing(42);
        assertFalse(existing.isNew());
        assertEquals(42L, existing.existingGroupId());

        GroupChoice named = GroupChoice.named("  Cardiology  ");
        assertTrue(named.isNew());
        assertEquals("Cardiology", named.newGroupName());
        assertNull(named.existingGroupId());

        assertEquals("Choose an existing group or enter the name of a new one.",
                assertThrows(IllegalArgumentException.class, () -> new GroupChoice(null, "   ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GroupChoice(null, null));
        assertEquals("Choose an existing group or name a new one, not both.",
                assertThrows(IllegalArgumentException.class, () -> new GroupChoice(42L, "Cardiology")).getMessage());
    }

    @Test
    void aBlankNameNextToAChosenGroupIsNoName() {
        GroupChoice choice = new GroupChoice(7L, " ");
        assertFalse(choice.isNew());
        assertNull(choice.newGroupName());
    }
}
