package org.carebridge.telephony;

/**
 * What the SMS service answered for one text. {@code reason} is a short code (the service's
 * error code, "timeout", "unreachable"), never the service's message text, which may repeat the
 * number.
 */
public record SmsResult(Outcome outcome, String providerMessageId, int httpStatus, String reason) {

    public enum Outcome {
        /** The service took the text for delivery. */
        ACCEPTED,
        /** The service refused it (4xx: not a mobile number, blocked, bad credentials): do not retry unchanged. */
        REFUSED,
        /** No useful answer (5xx, 429, timeout, network): retry later. */
        UNAVAILABLE
    }

    public static SmsResult accepted(String providerMessageId, int status) {
        return new SmsResult(Outcome.ACCEPTED, providerMessageId, status, null);
    }

    public static SmsResult refused(int status, String reason) {
        return new SmsResult(Outcome.REFUSED, null, status, reason);
    }

    public static SmsResult unavailable(int status, String reason) {
        return new SmsResult(Outcome.UNAVAILABLE, null, status, reason);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
