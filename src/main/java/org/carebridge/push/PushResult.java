package org.carebridge.push;

/** What a push service answered for one device. */
public record PushResult(Outcome outcome, int httpStatus, String reason) {

    public enum Outcome {
        /** Accepted by the push service. */
        DELIVERED,
        /** The service says the device token is no longer valid: stop sending to it. */
        INVALID_TOKEN,
        /** Not sent this time (service unavailable, our credentials refused, network error). */
        FAILED
    }

    public static PushResult delivered(int status) {
        return new PushResult(Outcome.DELIVERED, status, null);
    }

    public static PushResult invalidToken(int status, String reason) {
        return new PushResult(Outcome.INVALID_TOKEN, status, reason);
    }

    public static PushResult failed(int status, String reason) {
        return new PushResult(Outcome.FAILED, status, reason);
    }

    public boolean isInvalidToken() {
        return outcome == Outcome.INVALID_TOKEN;
    }
}
