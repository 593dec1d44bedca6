package org.carebridge.events;

/**
 * Renders the events whose payload is not kept in the log (messages) for the user about to
 * receive them. Implemented by messaging, so the event log needs no knowledge of messages.
 */
public interface EventPayloads {

    /** The payload of {@code event} as {@code event.getUserId()} may see it now. */
    Object render(LoggedEvent event);
}
