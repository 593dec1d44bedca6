package org.carebridge.messaging;

import java.util.List;

/**
 * Who a new conversation is addressed to, as the client named them: users, groups (their members
 * at the time of sending) and, with {@code organization}, every member of the sender's own
 * organization when it allows whole-organization messages; and, where the sender's organization
 * allows messages to non-users, people without an account by e-mail address or mobile number
 * (as typed; checked and normalized when sending).
 */
public record Recipients(List<Long> users, List<Long> groups, boolean organization, List<String> emails,
        List<String> mobileNumbers) {

    /** Upper bound on ids named in one request; expansion of groups and organization is not limited by it. */
    public static final int MAX_NAMED = 500;

    public Recipients {
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
        emails = emails == null ? List.of() : emails.stream().map(e -> e == null ? "" : e).toList();
        mobileNumbers = mobileNumbers == null ? List.of() : mobileNumbers.stream().map(m -> m == null ? "" : m).toList();
    }

    public Recipients(List<Long> users, List<Long> groups, boolean organization) {
        this(users, groups, organization, List.of(), List.of());
    }

    public static Recipients users(Long... ids) {
        return new Recipients(List.of(ids), List.of(), false);
    }

    /** Non-users only: e-mail addresses and mobile numbers. */
    public static Recipients nonUsers(List<String> emails, List<String> mobileNumbers) {
        return new Recipients(List.of(), List.of(), false, emails, mobileNumbers);
    }

    public boolean isEmpty() {
        return users.isEmpty() && groups.isEmpty() && !organization && !namesNonUsers();
    }

    /** Whether users, groups or the organization are named (not only non-users). */
    public boolean namesUsers() {
        return !users.isEmpty() || !groups.isEmpty() || organization;
    }

    public boolean namesNonUsers() {
        return !emails.isEmpty() || !mobileNumbers.isEmpty();
    }
}
