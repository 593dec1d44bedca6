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
 * The embedded default: places no call, but logs each one it would have placed (INFO, logger
 * {@code org.carebridge.telephony.RecordingVoiceCallProvider}; the call id, the voice number
 * shown and which kind of line the callee has, never a private number) and keeps the latest
 * {@value #KEEP} in memory for tests.
 */
@ApplicationScoped
public class RecordingVoiceCallProvider implements VoiceCallProvider {

    private static final Logger LOG = Logger.getLogger(RecordingVoiceCallProvider.class.getName());
    static final int KEEP = 200;

    /** One call that would have been placed. */
    public record Recorded(Instant at, BridgeRequest request, String providerCallId) {
    }

    @Inject
    Clock clock;

    private final Deque<Recorded> recorded = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();

    public RecordingVoiceCallProvider() {
    }

    RecordingVoiceCallProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CallPlacement bridge(BridgeRequest request) {
        Recorded entry = new Recorded(clock.instant(), request, "recorded-" + sequence.incrementAndGet());
        synchronized (recorded) {
            recorded.addLast(entry);
            while (recorded.size() > KEEP) {
                recorded.removeFirst();
            }
        }
        LOG.info(() -> "Call recorded, not placed: call " + request.callId() + ", both sides see "
                + request.presentedNumber().formatted() + ", callee on " + request.callee().line()
                + (request.callee().extension() == null ? "" : " with extension"));
        return CallPlacement.placed(entry.providerCallId(), 201);
    }

    /** What was recorded, oldest first. */
    public List<Recorded> recorded() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }
}
