package org.carebridge.invitation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.carebridge.group.ContactGroup;
import org.carebridge.platform.csv.CsvProblem;
import org.carebridge.platform.csv.CsvRejectedException;
import org.carebridge.platform.csv.CsvRow;
import org.carebridge.platform.csv.CsvUpload;

/**
 * Turns what an administrator typed or uploaded into invitees. Every address is checked before
 * anything is returned: one that is not an address rejects the whole list, with a message naming
 * it, so a batch is either used whole or not at all.
 */
final class InviteeLists {

    static final String EMAIL = "Email";
    static final String FIRST_NAME = "First Name";
    static final String LAST_NAME = "Last Name";
    static final String DEPARTMENT = "Department";
    /** How many bad addresses a refusal names before saying how many more there are. */
    static final int NAMED = 10;

    private InviteeLists() {
    }

    /**
     * Addresses separated by spaces, commas, semicolons or line breaks; each counts once.
     *
     * @throws InvitationRefusedException naming every entry that is not an address, or when there is none
     */
    static List<Invitee> fromAddressList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Invitee> invitees = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String entry : text.strip().split("[\\s,;]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                invitees.add(Invitee.of(entry));
            } catch (IllegalArgumentException e) {
                bad.add(entry);
            }
        }
        if (!bad.isEmpty()) {
            throw new InvitationRefusedException(badAddresses(bad));
        }
        return distinct(invitees);
    }

    /**
     * Reads an invitation file: a header line with an Email column (required), optionally First
     * Name, Last Name and Department; other columns are only for the administrator's reference.
     *
     * @throws CsvRejectedException naming each line that has no address, a malformed address, a name
     *                              or department that is too long; or the file itself when it is no CSV
     */
    static InviteeFile fromCsv(String fileName, String contentType, byte[] content) {
        List<CsvRow> rows = CsvUpload.read(fileName, contentType, content, List.of(EMAIL));
        List<Invitee> invitees = new ArrayList<>();
        Map<String, String> departments = new LinkedHashMap<>();
        List<CsvProblem> problems = new ArrayList<>();
        for (CsvRow row : rows) {
            String email = row.get(EMAIL);
            if (email.isEmpty()) {
                problems.add(new CsvProblem(row.line(), "the Email column is empty; every line needs an address."));
                continue;
            }
            try {
                invitees.add(new Invitee(email, row.get(FIRST_NAME), row.get(LAST_NAME)));
            } catch (IllegalArgumentException e) {
                problems.add(new CsvProblem(row.line(), lowerFirst(e.getMessage())));
                continue;
            }
            String department = row.get(DEPARTMENT);
            if (!department.isEmpty()) {
                String problem = ContactGroup.nameProblem(department);
                if (problem != null) {
                    problems.add(new CsvProblem(row.line(), "the Department \"" + shorten(department) + "\" cannot be "
                            + "a group name: " + lowerFirst(problem)));
                } else {
                    departments.putIfAbsent(ContactGroup.nameKey(department), department.strip());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvRejectedException(problems);
        }
        if (invitees.isEmpty()) {
            throw new CsvRejectedException(CsvProblem.ofFile("The file lists no e-mail addresses."));
        }
        return new InviteeFile(distinct(invitees), List.copyOf(departments.values()));
    }

    /** Each address once, in first-seen order; names given only on a later line are kept. */
    static List<Invitee> distinct(Collection<Invitee> invitees) {
        Map<String, Invitee> byEmail = new LinkedHashMap<>();
        for (Invitee invitee : invitees) {
            byEmail.merge(invitee.email(), invitee, Invitee::mergedWith);
        }
        return List.copyOf(byEmail.values());
    }

    static String badAddresses(List<String> bad) {
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < Math.min(bad.size(), NAMED); i++) {
            named.append(i == 0 ? "" : ", ").append('"').append(shorten(bad.get(i))).append('"');
        }
        int more = bad.size() - NAMED;
        String which = bad.size() == 1 ? named + " is not a valid e-mail address."
                : named + (more > 0 ? " and " + more + " more" : "") + " are not valid e-mail addresses.";
        return which + " Nobody was invited: correct the list and try again.";
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    private static String lowerFirst(String message) {
        if (message == null || message.isEmpty() || message.startsWith("\"")) {
            return message;
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
