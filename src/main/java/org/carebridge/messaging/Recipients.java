package org.carebridge.messaging;

import java.util.List;

/**
 * Who a new conversation is addressed to, as the client named them: users, groups (their members
 * at the time of sending) and, with {@code organization}, every member of the sender's own
 * organization when it allows whole-organization messages.
 */
public record Recipients(List<Long> users, List<Long> groups, boolean organization) {

    /** Upper bound on ids named in one request; expansion of groups and organization is not limited by it. */
    public static final int MAX_NAMED = 500;

    public Recipients {
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Recipients users(Long... ids) {
        return new Recipients(List.of(ids), List.of(), false);
    }

    public boolean isEmpty() {
        return users.isEmpty() && groups.isEmpty() && !organization;
    }
}
