package org.carebridge.telephony;

/**
 * Bridges a call between two numbers, presenting the organization's voice number to both: the
 * service first rings the caller's phone, and when the caller answers, dials the callee and
 * joins the two. Neither side sees the other's number. Implementations never throw for a
 * refused or failed call: they answer it in the {@link CallPlacement}.
 */
public interface VoiceCallProvider {

    CallPlacement bridge(BridgeRequest request);
}
