package org.carebridge.events;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One socket's place in its user's event log: the last sequence sent on it. Catch-ups are
 * serialised per socket without holding a thread: whoever finds the stream idle drains it, and a
 * request that arrives meanwhile makes that thread go round once more (so no notification is
 * lost and events leave in order).
 */
final class EventStream {

    static final String PROPERTY = "carebridge.eventStream";

    private final long userId;
    private volatile long lastSent;
    private final AtomicInteger requests = new AtomicInteger();

    EventStream(long userId, long lastSent) {
        this.userId = userId;
        this.lastSent = lastSent;
    }

    long userId() {
        return userId;
    }

    long lastSent() {
        return lastSent;
    }

    void sent(long sequence) {
        lastSent = sequence;
    }

    /** Asks for a catch-up; {@code true} when the caller must run it (nobody else is). */
    boolean request() {
        return requests.getAndIncrement() == 0;
    }

    /** The runner finished a pass that covered {@code seen} requests; {@code true} when it must go again. */
    boolean finishedPass(int seen) {
        return requests.addAndGet(-seen) != 0;
    }

    int pendingRequests() {
        return requests.get();
    }
}
