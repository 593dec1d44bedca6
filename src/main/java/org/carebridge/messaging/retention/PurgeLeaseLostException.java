package org.carebridge.messaging.retention;

/**
 * The run no longer holds the purge lease: it stalled longer than the lease lasts and another
 * run took over. It stops at once, without touching another message.
 */
class PurgeLeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PurgeLeaseLostException(String token) {
        super("The retention purge lease of " + token + " was taken over");
    }
}
