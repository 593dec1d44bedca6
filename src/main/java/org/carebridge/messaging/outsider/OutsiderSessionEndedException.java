package org.carebridge.messaging.outsider;

/** No open session for the non-user's page: never opened, timed out, left, or no longer allowed. The API answers 401. */
public class OutsiderSessionEndedException extends RuntimeException {

    public OutsiderSessionEndedException(String message) {
        super(message);
    }
}
