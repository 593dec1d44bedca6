package org.carebridge.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FieldChangesTest {

    @Test
    void listsOnlyTheFieldsThatChanged() {
        String details = new FieldChanges()
                .field("First name", "Jane", "Jane")
                .field("Last name", "Doe", "Smith")
                .field("Title", null, "Dr.")
                .describe();
        assertEquals("Last name: \"Doe\" \u2192 \"Smith\"; Title: \"\" \u2192 \"Dr.\"", details);
    }

    @Test
    void blankAndMissingValuesAreTheSame() {
        FieldChanges changes = new FieldChanges().field("Nickname", null, "  ");
        assertTrue(changes.isEmpty());
        assertNull(changes.describe());
    }

    @Test
    void secretAndPrivateValuesAreNeverWritten() {
        String details = new FieldChanges()
                .secret("PIN", true)
                .secret("Password", false)
                .privateField("Cell", "3105551212", "3105559999")
                .privateField("Office fax", "1", "1")
                .describe();
        assertEquals("PIN: changed; Cell: changed", details);
        assertFalse(details.contains("555"));
    }

    @Test
    void actionCodesAreUniqueAndFitTheTrail() {
        Set<String> codes = new HashSet<>();
        for (AuditAction action : AuditAction.values()) {
            assertTrue(codes.add(action.code()), action.code());
            assertTrue(action.code().length() <= AuditEvent.CODE_MAX);
            assertFalse(action.code().contains(" "));
            assertEquals(action, AuditAction.ofCode(action.code()));
        }
        assertNull(AuditAction.ofCode("no.such"));
    }
}
