package org.carebridge.telephony;

/** A call request that is no call request at all; nothing is recorded. The API answers the reason as a problem. */
public class CallRefusedException extends RuntimeException {

    public enum Reason {
        /** The id is no one the caller may reach (unknown, or another organization's): answered as absent. */
        UNKNOWN_CALLEE,
        /** The caller asked to call themselves. */
        SELF
    }

    private final Reason reason;

    public CallRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
