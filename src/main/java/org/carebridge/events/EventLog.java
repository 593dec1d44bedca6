package org.carebridge.events;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Each user's event log: what their clients must learn, numbered 1, 2, 3 ... per user. The
 * numbers are taken under a row lock on the user's {@link EventCursor} that is held until
 * commit, so a user's events become visible in order and a reader never sees a gap that later
 * fills. Sockets and {@code GET /api/v1/events} read from here; nothing is sent that is not
 * logged first, which is what makes a resumed client miss nothing.
 */
@ApplicationScoped
public class EventLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<EventsAppended> appended;

    @Inject
    Event<EventsAcknowledged> acknowledged;

    @Inject
    EventPayloads payloads;

    /** Events of one user read from the log, or the news that the log no longer reaches back that far. */
    public record Batch(List<ClientEvent> events, boolean resyncNeeded, long lastSequence) {

        public long newest(long after) {
            return events.isEmpty() ? after : events.get(events.size() - 1).sequence();
        }
    }

    /**
     * Appends one event to the log of each of {@code userIds} (locking their cursors in user id
     * order, so concurrent senders never deadlock) and tells the sockets after commit.
     *
     * @param payload a record, serialised to JSON in the log; {@code null} for message events,
     *                rendered when sent. Never message text.
     * @return each user's sequence number of the new event
     */
    @Transactional(TxType.MANDATORY)
    public Map<Long, Long> append(Collection<Long> userIds, EventType type, Long conversationId, Long messageId,
            Object payload) {
        String json = payload == null ? null : JSON.toJson(payload);
        Instant now = clock.instant();
        Map<Long, Long> sequences = new LinkedHashMap<>();
        TreeSet<Long> ordered = new TreeSet<>(userIds);
        for (Long userId : ordered) {
            long sequence = lockedCursor(userId).next();
            em.persist(new LoggedEvent(userId, sequence, type, conversationId, messageId, json, now));
            sequences.put(userId, sequence);
        }
        // A cursor locked again later in this transaction is re-read from the database: flush first.
        em.flush();
        if (!ordered.isEmpty()) {
            appended.fire(new EventsAppended(ordered));
        }
        return sequences;
    }

    /**
     * Locks the cursors of every user a transaction is about to append to, in user id order. A
     * transaction that appends several times (a batch of receipts, of expiries) calls this first
     * with all of them, so it cannot hold one user's cursor while waiting for a smaller one that
     * a concurrent sender holds while waiting for the first (a deadlock).
     */
    @Transactional(TxType.MANDATORY)
    public void lockInOrder(Collection<Long> userIds) {
        for (Long userId : new TreeSet<>(userIds)) {
            lockedCursor(userId);
        }
        em.flush();
    }

    private EventCursor lockedCursor(long userId) {
        EventCursor cursor = em.find(EventCursor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (cursor != null) {
            return cursor;
        }
        // The user's first event: the user's row lock keeps two transactions from creating the cursor twice.
        em.createNativeQuery("select id from app_user where id = ? for update").setParameter(1, userId)
                .getResultList();
        cursor = em.find(EventCursor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null) {
            cursor = new EventCursor(userId);
            em.persist(cursor);
            em.flush();
        }
        return cursor;
    }

    /** The newest sequence number {@code userId} has (0 before the first event). */
    @Transactional
    public long lastSequence(long userId) {
        EventCursor cursor = em.find(EventCursor.class, userId);
        return cursor == null ? 0 : cursor.getLastSequence();
    }

    /**
     * At most {@code max} events of {@code userId} after {@code after}, rendered for sending. When
     * the log no longer holds event {@code after + 1} (pruned), or {@code after} is a number the
     * user was never given, the answer says to resync from {@link Batch#lastSequence()}.
     */
    @Transactional
    public Batch after(long userId, long after, int max) {
        long last = lastSequence(userId);
        if (after < 0 || after > last) {
            return new Batch(List.of(), true, last);
        }
        List<LoggedEvent> logged = em.createNamedQuery(LoggedEvent.AFTER, LoggedEvent.class)
                .setParameter("userId", userId).setParameter("after", after).setMaxResults(max).getResultList();
        if (after < last && (logged.isEmpty() || logged.get(0).getSequence() != after + 1)) {
            return new Batch(List.of(), true, last);
        }
        List<ClientEvent> events = new ArrayList<>(logged.size());
        for (LoggedEvent event : logged) {
            events.add(ClientEvent.logged(event.getType(), event.getSequence(), payloadOf(event)));
        }
        return new Batch(events, false, last);
    }

    private Object payloadOf(LoggedEvent event) {
        if (event.getPayload() == null) {
            return payloads.render(event);
        }
        try (JsonReader reader = Json.createReader(new StringReader(event.getPayload()))) {
            return reader.readObject();
        }
    }

    /**
     * A client of {@code userId} processed every event up to {@code sequence}: the messages among
     * the newly acknowledged events count as delivered (messaging does that, observing
     * {@link EventsAcknowledged} in this transaction). Acknowledging an older number again changes nothing.
     *
     * @throws IllegalArgumentException for a sequence the user was never given
     */
    @Transactional
    public void acknowledge(long userId, long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("A sequence number is never negative");
        }
        // Read without a lock first: the observer locks the senders' cursors and this user's in
        // user id order (see lockInOrder); locking this user's first could deadlock with a sender.
        EventCursor cursor = em.find(EventCursor.class, userId);
        long last = cursor == null ? 0 : cursor.getLastSequence();
        if (sequence > last) {
            throw new IllegalArgumentException("Sequence " + sequence + " was never sent; the newest is " + last);
        }
        if (cursor == null || sequence <= cursor.getAckedSequence()) {
            return;
        }
        List<Long> messageIds = em.createNamedQuery(LoggedEvent.MESSAGES_BETWEEN, Long.class)
                .setParameter("userId", userId).setParameter("after", cursor.getAckedSequence())
                .setParameter("upTo", sequence).getResultList();
        if (!messageIds.isEmpty()) {
            acknowledged.fire(new EventsAcknowledged(userId, messageIds));
        }
        em.find(EventCursor.class, userId, LockModeType.PESSIMISTIC_WRITE).acknowledge(sequence);
    }

    /** Removes events created before {@code cutoff}; a client resuming from before then reloads. */
    @Transactional
    public int prune(Instant cutoff) {
        return em.createQuery("delete from LoggedEvent e where e.createdAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
