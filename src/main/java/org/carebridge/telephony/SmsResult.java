package org.carebridge.telephony;

/**
 * What the SMS service answered for one text. {@code reason} is a short code (the service's
 * error code, if any, or "timeout", "unreachable" with status 0), never the service's message text, which may repeat the
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

    /** "HTTP 400 21614", "HTTP 503", "timeout": what went wrong, for records and logs; null when accepted. */
    public String failure() {
        if (isAccepted()) {
            return null;
        }
        if (httpStatus == 0) {
            return reason;
        }
        return "HTTP " + httpStatus + (reason == null ? "" : " " + reason);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
