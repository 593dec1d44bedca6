package org.carebridge.directory;

/** A directory request that cannot be answered as asked; the API turns the reason into a problem answer. */
public class DirectoryRefusedException extends RuntimeException {

    public enum Reason {
        /** A parameter is malformed (limit, cursor, token syntax). */
        BAD_REQUEST,
        /** The id is no user the caller may reach (unknown, or another organization's): 404, as if absent. */
        UNKNOWN_CONTACT,
        /** The sync token is too old, unknown, or another user's: reload the whole directory. */
        STALE_SYNC_TOKEN,
        /** The caller already has the most favorites allowed. */
        TOO_MANY_FAVORITES
    }

    private final Reason reason;

    public DirectoryRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
