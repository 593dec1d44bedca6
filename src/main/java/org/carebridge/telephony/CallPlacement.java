package org.carebridge.telephony;

/**
 * What the voice service answered to a bridge request. {@code reason} is a short code for our
 * records and logs (the service's error code, or "timeout", "unreachable" with status 0; null
 * when the service gave none), never the service's own message text, which may repeat the
 * numbers dialled.
 */
public record CallPlacement(Outcome outcome, String providerCallId, int httpStatus, String reason) {

    public enum Outcome {
        /** The service took the call and is ringing the caller. */
        PLACED,
        /** The service refused this request (4xx): trying again unchanged will not help. */
        REFUSED,
        /** The service did not answer usefully (5xx, 429, timeout, network): it may work in a moment. */
        UNAVAILABLE
    }

    public static CallPlacement placed(String providerCallId, int status) {
        return new CallPlacement(Outcome.PLACED, providerCallId, status, null);
    }

    public static CallPlacement refused(int status, String reason) {
        return new CallPlacement(Outcome.REFUSED, null, status, reason);
    }

    public static CallPlacement unavailable(int status, String reason) {
        return new CallPlacement(Outcome.UNAVAILABLE, null, status, reason);
    }

    /** "HTTP 400 21211", "HTTP 503", "timeout": what went wrong, for records and logs; null when placed. */
    public String failure() {
        if (isPlaced()) {
            return null;
        }
        if (httpStatus == 0) {
            return reason;
        }
        return "HTTP " + httpStatus + (reason == null ? "" : " " + reason);
    }

    public boolean isPlaced() {
        return outcome == Outcome.PLACED;
    }
}
