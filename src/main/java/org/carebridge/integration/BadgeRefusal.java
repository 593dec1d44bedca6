package org.carebridge.integration;

import jakarta.json.Json;

/**
 * Why the server did not take a connector's {@code badge-ack} or {@code badge-answer}: a
 * well-formed frame that does not fit the message (expired, answered already, not a choice,
 * unknown). The connection stays open; the server answers with an {@code error} frame and
 * changes nothing. Malformed frames are {@link SyncRefusal}s instead and close the connection.
 */
public record BadgeRefusal(Code code, String message) {

    public enum Code {
        /** No badge message with this id went to this external id through this organization's connector. */
        UNKNOWN_MESSAGE("No message with this id was sent to this badge user through your connector."),
        /** The message expired (or its content was removed): it can no longer be answered. */
        EXPIRED("The message has expired; the answer was not recorded."),
        /** The recipient answered already (on the badge or in the app); the first answer stands. */
        ALREADY_ANSWERED("The message was answered already; the first answer stands."),
        /** The message offers no choices. */
        NOT_MULTIPLE_CHOICE("The message offers no answers to choose from."),
        /** The choice is not one the message offers. */
        NOT_A_CHOICE("The choice is not one of the answers the message offers."),
        /** The server could not record it just now (nothing was kept); sending it again gets a definite answer. */
        TRY_AGAIN("The server could not record this just now; send it again.");

        private final String message;

        Code(String message) {
            this.message = message;
        }
    }

    public static BadgeRefusal of(Code code) {
        return new BadgeRefusal(code, code.message);
    }

    /** The {@code error} frame telling the connector which of its frames was not taken, and why. */
    public String frame(String frameType, String messageId, String externalId) {
        return Json.createObjectBuilder().add("type", "error").add("frame", frameType).add("messageId", messageId)
                .add("externalId", externalId).add("code", code.name()).add("message", message).build().toString();
    }
}
