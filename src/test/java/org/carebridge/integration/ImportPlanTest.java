package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ImportPlanTest {

    private static ImportPlan.Existing existing(String externalId, String first, String last, boolean edited) {
        return new ImportPlan.Existing(externalId.hashCode(), "1" + externalId, externalId, first, null, last, "555",
                "100", edited);
    }

    private static SyncContact contact(String externalId, String first, String last) {
        return new SyncContact(externalId, first, null, last, "555", "100");
    }

    private static Map<String, ImportPlan.Decision> byId(ImportPlan plan) {
        return plan.decisions().stream().filter(d -> d.externalId() != null)
                .collect(Collectors.toMap(ImportPlan.Decision::externalId, Function.identity(), (a, b) -> a));
    }

    @Test
    void newContactsAreCreatedIdenticalOnesUnchangedChangedOnesUpdatedMissingOnesDeleted() {
        ImportPlan plan = ImportPlan.of(List.of(existing("a", "Ann", "Able", false), existing("b", "Bob", "Baker", false),
                existing("c", "Cy", "Cole", false)), List.of(contact("a", "Ann", "Able"), contact("b", "Bob", "Barker"),
                new SyncContact("c", "Cy", null, "Cole", "555", "101"), contact("d", "Dee", "Dunn")));
        Map<String, ImportPlan.Decision> d = byId(plan);
        assertEquals(ImportChange.NONE, d.get("a").change());
        assertEquals(ImportChange.UPDATED, d.get("b").change());
        assertEquals(ImportChange.UPDATED, d.get("c").change(), "a new extension is an update");
        assertEquals(ImportChange.CREATED, d.get("d").change());
        assertEquals(4, plan.decisions().size());

        ImportPlan removal = ImportPlan.of(List.of(existing("a", "Ann", "Able", false)), List.of());
        assertEquals(ImportChange.DELETED, removal.decisions().get(0).change());
        assertEquals("Ann Able", removal.decisions().get(0).name());
    }

    @Test
    void anAdministratorsRenameReplacedByTheImportIsOverwrittenButUnchangedNamesAreNot() {
        ImportPlan plan = ImportPlan.of(List.of(existing("a", "Annie", "Able", true), existing("b", "Bob", "Baker", true)),
                List.of(contact("a", "Ann", "Able"), new SyncContact("b", "Bob", null, "Baker", "555", "200")));
        Map<String, ImportPlan.Decision> d = byId(plan);
        assertEquals(ImportChange.OVERWRITTEN, d.get("a").change());
        assertEquals(ImportChange.UPDATED, d.get("b").change(), "only the phone changed; the rename stays");
        assertEquals(1, plan.count(ImportChange.OVERWRITTEN));
    }

    @Test
    void badRecordsAreErrorsThatNeitherFailTheOthersNorDeleteTheUserTheyName() {
        ImportPlan plan = ImportPlan.of(List.of(existing("a", "Ann", "Able", false), existing("dup", "Dan", "Dupe", false)),
                List.of(new SyncContact("a", "Ann", null, " ", null, null), contact("dup", "Dan", "Dupe"),
                        contact("dup", "Dan", "Dupe"), contact("ok", "Olga", "Kay"), contact(null, "No", "Id"),
                        contact("nofirst", null, "Last")));
        assertEquals(5, plan.count(ImportChange.ERROR));
        assertEquals(1, plan.count(ImportChange.CREATED));
        assertEquals(0, plan.count(ImportChange.DELETED), "users named by a bad record stay");
        List<String> messages = new ArrayList<>();
        plan.decisions().forEach(x -> messages.add(x.message()));
        assertTrue(messages.contains("Missing last name."));
        assertTrue(messages.contains("Missing external id."));
        assertTrue(messages.contains("Missing first name."));
        assertTrue(messages.stream().anyMatch(m -> m != null && m.startsWith("Duplicate external id: dup was sent 2")));
        assertNull(byId(plan).get("ok").message());
    }

    @Test
    void moreThanFiveThousandContactsAreRefusedAsAWhole() {
        List<SyncContact> contacts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            contacts.add(contact("x" + i, "F", "L"));
        }
        assertEquals(5_000, ImportPlan.of(List.of(), contacts).count(ImportChange.CREATED));
        contacts.add(contact("one-more", "F", "L"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ImportPlan.of(List.of(), contacts));
        assertTrue(refused.getMessage().contains("sent 5,001 contacts; at most 5,000 users"), refused.getMessage());
    }
}
