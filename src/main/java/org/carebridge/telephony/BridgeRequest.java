package org.carebridge.telephony;

import java.util.Objects;

import org.carebridge.organization.PhoneNumber;

/**
 * One masked call for the voice provider: ring {@code caller}, then {@code callee}, showing
 * {@code presentedNumber} (the caller organization's voice number) to both. {@code callId} is
 * our call request's id, for the provider's records and our logs. The private numbers stay out
 * of {@link #toString()}, so the request can never reach a log by accident.
 */
public record BridgeRequest(long callId, PhoneNumber caller, CallEndpoint callee, PhoneNumber presentedNumber) {

    public BridgeRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(presentedNumber, "presentedNumber");
    }

    @Override
    public String toString() {
        return "BridgeRequest[call " + callId + ", presenting " + presentedNumber.formatted() + ", callee " + callee + "]";
    }
}
