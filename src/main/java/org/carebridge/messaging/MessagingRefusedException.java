package org.carebridge.messaging;

import java.util.List;

/** A messaging request that cannot be carried out as asked; the API turns the reason into a problem answer. */
public class MessagingRefusedException extends RuntimeException {

    public enum Reason {
        /** A field breaks its rule (empty text, too long, bad choices, malformed cursor): 400. */
        INVALID,
        /** No such conversation or message among the caller's own: 404, as if absent. */
        NOT_FOUND,
        /** Some recipients are not reachable by the sender (or do not exist): 422 naming them. */
        NOT_REACHABLE,
        /** A client message id already names a different message of the sender: 409. */
        CLIENT_ID_REUSED,
        /** The request conflicts with the message's state (already answered, expired, content removed): 409. */
        CONFLICT
    }

    private final Reason reason;
    private final List<Long> unreachableUsers;
    private final List<Long> unreachableGroups;

    public MessagingRefusedException(Reason reason, String message) {
        this(reason, message, List.of(), List.of());
    }

    public MessagingRefusedException(Reason reason, String message, List<Long> unreachableUsers,
            List<Long> unreachableGroups) {
        super(message);
        this.reason = reason;
        this.unreachableUsers = List.copyOf(unreachableUsers);
        this.unreachableGroups = List.copyOf(unreachableGroups);
    }

    public Reason reason() {
        return reason;
    }

    /** Ids the caller gave that name nobody they may write to. */
    public List<Long> unreachableUsers() {
        return unreachableUsers;
    }

    public List<Long> unreachableGroups() {
        return unreachableGroups;
    }
}
