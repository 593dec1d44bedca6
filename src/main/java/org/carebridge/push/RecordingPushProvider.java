package org.carebridge.push;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.carebridge.device.Device;

/**
 * The embedded default: sends nothing, but logs each notification it would have sent (INFO,
 * logger {@code org.carebridge.push.RecordingPushProvider}) and keeps the latest
 * {@value #KEEP} in memory, so developers see push working without Apple or Google accounts.
 */
@ApplicationScoped
public class RecordingPushProvider implements PushProvider {

    private static final Logger LOG = Logger.getLogger(RecordingPushProvider.class.getName());
    static final int KEEP = 200;

    /** One notification that would have been sent. */
    public record Recorded(Instant at, Long deviceId, Long userId, String service, PushNotification notification) {
    }

    @Inject
    Clock clock;

    private final Deque<Recorded> recorded = new ArrayDeque<>();

    public RecordingPushProvider() {
    }

    RecordingPushProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PushResult send(Device target, PushNotification notification) {
        Recorded entry = new Recorded(clock.instant(), target.getId(), target.getUser().getId(),
                target.getPushProvider().name(), notification);
        synchronized (recorded) {
            recorded.addLast(entry);
            while (recorded.size() > KEEP) {
                recorded.removeFirst();
            }
        }
        LOG.info(() -> "Push recorded, not sent (" + entry.service() + "): device " + entry.deviceId() + " of user "
                + entry.userId() + ", \"" + PushNotification.ALERT + "\", conversation " + notification.conversationId()
                + ", " + notification.priority() + (notification.soundSeconds() == null ? ""
                : ", sound " + notification.soundSeconds() + " s"));
        return PushResult.delivered(200);
    }

    /** What was recorded, oldest first. */
    public List<Recorded> recorded() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }
}
