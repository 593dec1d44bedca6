package org.carebridge.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The embedded default: sends no text, but logs each one it would have sent (INFO, logger
 * {@code org.carebridge.telephony.RecordingSmsGateway}; the reference and the length, never the
 * number or the text, which may hold a secret link) and keeps the latest {@value #KEEP} in
 * memory, where tests read them.
 */
@ApplicationScoped
public class RecordingSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(RecordingSmsGateway.class.getName());
    static final int KEEP = 200;

    /** One text that would have been sent. */
    public record Recorded(Instant at, SmsMessage message, String providerMessageId) {
    }

    @Inject
    Clock clock;

    private final Deque<Recorded> recorded = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();

    public RecordingSmsGateway() {
    }

    RecordingSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SmsResult send(SmsMessage message) {
        Recorded entry = new Recorded(clock.instant(), message, "recorded-" + sequence.incrementAndGet());
        synchronized (recorded) {
            recorded.addLast(entry);
            while (recorded.size() > KEEP) {
                recorded.removeFirst();
            }
        }
        LOG.info(() -> "SMS recorded, not sent: " + message.reference() + ", " + message.text().length() + " characters");
        return SmsResult.accepted(entry.providerMessageId(), 201);
    }

    /** What was recorded, oldest first. */
    public List<Recorded> recorded() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }
}
