package org.carebridge.events;

import java.time.Clock;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.carebridge.RecordingEvent;

/** Builds an {@link EventLog} over a given entity manager, for tests and benchmarks outside the container. */
public final class EventLogAccess {

    private EventLogAccess() {
    }

    /**
     * @param payloads     renders message events
     * @param acknowledged the synchronous observer of acknowledgements (messaging's receipts)
     */
    public static EventLog over(EntityManager em, Clock clock, EventPayloads payloads,
            Consumer<EventsAcknowledged> acknowledged) {
        EventLog log = new EventLog();
        log.em = em;
        log.clock = clock;
        log.payloads = payloads;
        log.appended = new RecordingEvent<>();
        log.acknowledged = new RecordingEvent<>(acknowledged);
        return log;
    }
}
