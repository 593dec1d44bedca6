package org.carebridge.telephony;

/** What became of a call request; the stored value is the name. */
public enum CallOutcome {

    /** Handed to the voice provider; its answer is not in yet. */
    REQUESTED("Requested"),
    /** The provider is ringing the caller, then the callee. */
    PLACED("Placed"),
    /** The provider refused the request. */
    REFUSED_BY_SERVICE("Refused by the voice service"),
    /** The provider did not answer usefully (outage, timeout). */
    SERVICE_UNAVAILABLE("Voice service unavailable"),
    /** Not placed: the caller's profile has no cell number to ring. */
    NO_CELL_NUMBER("Not placed: caller has no cell number"),
    /** Not placed: the callee's profile has no number to ring. */
    NO_CALLEE_NUMBER("Not placed: callee has no number"),
    /** Not placed: the caller's organization has no voice number to show. */
    NO_VOICE_NUMBER("Not placed: organization has no voice number");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the request was decided without asking the provider. */
    public boolean isRefusedHere() {
        return this == NO_CELL_NUMBER || this == NO_CALLEE_NUMBER || this == NO_VOICE_NUMBER;
    }
}
