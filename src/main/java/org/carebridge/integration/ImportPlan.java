package org.carebridge.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The import rules, as pure logic: what a complete run of contacts does to an organization's
 * external users. Every contact gets one decision; every existing external user that no
 * contact mentions is deleted. A record with an error (no external id, first or last name, or
 * an external id sent twice) is reported and skipped, and an existing user it names is left
 * as it is rather than deleted, so a bad record never costs a user.
 */
public final class ImportPlan {

    /** More synced users than this in one organization are refused as a whole. */
    public static final int MAX_CONTACTS = 5_000;

    /** An external user as it is stored now. */
    public record Existing(long userId, String staffId, String externalId, String firstName, String middleName,
            String lastName, String guestAccessNumber, String deskPhone, boolean namesEdited) {

        String displayName() {
            return firstName + " " + lastName;
        }
    }

    /** What the run does with one contact or one existing user. */
    public record Decision(ImportChange change, SyncContact contact, Existing existing, String message) {

        public String externalId() {
            return contact != null ? contact.externalId() : existing.externalId();
        }

        public String name() {
            return contact != null && contact.displayName() != null ? contact.displayName()
                    : existing != null ? existing.displayName() : null;
        }
    }

    private final List<Decision> decisions;

    private ImportPlan(List<Decision> decisions) {
        this.decisions = List.copyOf(decisions);
    }

    public static ImportPlan of(Collection<Existing> existingUsers, List<SyncContact> contacts) {
        if (contacts.size() > MAX_CONTACTS) {
            throw new IllegalArgumentException(tooMany(contacts.size()));
        }
        Map<String, Existing> existing = new LinkedHashMap<>();
        for (Existing user : existingUsers) {
            existing.put(user.externalId(), user);
        }
        Map<String, Integer> occurrences = new HashMap<>();
        for (SyncContact contact : contacts) {
            if (contact.externalId() != null) {
                occurrences.merge(contact.externalId(), 1, Integer::sum);
            }
        }
        List<Decision> decisions = new ArrayList<>(contacts.size() + existing.size());
        Map<String, Boolean> mentioned = new HashMap<>();
        for (SyncContact contact : contacts) {
            Existing current = contact.externalId() == null ? null : existing.get(contact.externalId());
            if (contact.externalId() != null) {
                mentioned.put(contact.externalId(), true);
            }
            String problem = problem(contact, occurrences);
            if (problem != null) {
                decisions.add(new Decision(ImportChange.ERROR, contact, current, problem));
            } else if (current == null) {
                decisions.add(new Decision(ImportChange.CREATED, contact, null, null));
            } else if (sameNames(current, contact) && samePhones(current, contact)) {
                decisions.add(new Decision(ImportChange.NONE, contact, current, null));
            } else if (!sameNames(current, contact) && current.namesEdited()) {
                decisions.add(new Decision(ImportChange.OVERWRITTEN, contact, current,
                        "An administrator's change of the name was replaced by the on-premises name."));
            } else {
                decisions.add(new Decision(ImportChange.UPDATED, contact, current, null));
            }
        }
        for (Existing user : existing.values()) {
            if (!mentioned.containsKey(user.externalId())) {
                decisions.add(new Decision(ImportChange.DELETED, null, user, null));
            }
        }
        return new ImportPlan(decisions);
    }

    /** The message recorded when a run brings more contacts than an organization may sync. */
    public static String tooMany(int count) {
        return String.format(java.util.Locale.ROOT, "The on-premises system sent %,d contacts; at most %,d users can be"
                + " synced to one organization. Nothing was imported.", count, MAX_CONTACTS);
    }

    private static String problem(SyncContact contact, Map<String, Integer> occurrences) {
        if (contact.externalId() == null) {
            return "Missing external id.";
        }
        if (occurrences.get(contact.externalId()) > 1) {
            return "Duplicate external id: " + contact.externalId() + " was sent " + occurrences.get(contact.externalId())
                    + " times in this import; none of them was applied.";
        }
        if (contact.lastName() == null) {
            return "Missing last name.";
        }
        if (contact.firstName() == null) {
            return "Missing first name.";
        }
        return null;
    }

    private static boolean sameNames(Existing user, SyncContact contact) {
        return Objects.equals(user.firstName(), contact.firstName())
                && Objects.equals(user.middleName(), contact.middleName())
                && Objects.equals(user.lastName(), contact.lastName());
    }

    private static boolean samePhones(Existing user, SyncContact contact) {
        return Objects.equals(user.guestAccessNumber(), contact.guestAccessNumber())
                && Objects.equals(user.deskPhone(), contact.deskPhone());
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public long count(ImportChange change) {
        return decisions.stream().filter(d -> d.change() == change).count();
    }
}
