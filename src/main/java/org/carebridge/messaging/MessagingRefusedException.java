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
        CONFLICT,
        /** Non-user recipients, but the sender's organization does not allow messages to non-users: 422. */
        NON_USERS_NOT_ALLOWED,
        /** Some non-user recipients are no e-mail address or mobile number (named in the answer): 422. */
        NON_USER_ADDRESS_INVALID,
        /** More non-user recipients than one conversation may have: 422. */
        TOO_MANY_NON_USERS
    }

    private final Reason reason;
    private final List<Long> unreachableUsers;
    private final List<Long> unreachableGroups;
    private final List<String> invalidAddresses;

    public MessagingRefusedException(Reason reason, String message) {
        this(reason, message, List.of(), List.of());
    }

    public MessagingRefusedException(Reason reason, String message, List<Long> unreachableUsers,
            List<Long> unreachableGroups) {
        this(reason, message, unreachableUsers, unreachableGroups, List.of());
    }

    private MessagingRefusedException(Reason reason, String message, List<Long> unreachableUsers,
            List<Long> unreachableGroups, List<String> invalidAddresses) {
        super(message);
        this.reason = reason;
        this.unreachableUsers = List.copyOf(unreachableUsers);
        this.unreachableGroups = List.copyOf(unreachableGroups);
        this.invalidAddresses = List.copyOf(invalidAddresses);
    }

    /** {@code addresses}, as the sender typed them, are no e-mail address or mobile number. */
    public static MessagingRefusedException invalidAddresses(String message, List<String> addresses) {
        return new MessagingRefusedException(Reason.NON_USER_ADDRESS_INVALID, message, List.of(), List.of(), addresses);
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

    /** Non-user addresses the sender gave that are neither an e-mail address nor a mobile number. */
    public List<String> invalidAddresses() {
        return invalidAddresses;
    }
}
