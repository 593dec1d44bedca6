package org.carebridge.messaging.outsider;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due notices to non-users: right after a message to them commits, and on a timer
 * ({@code outsiders.notice.poll-interval}) that picks up retries and anything a restart left.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutsiderNoticeSender {

    private static final Logger LOG = Logger.getLogger(OutsiderNoticeSender.class.getName());
    static final int BATCH = 20;

    @Resource
    TimerService timers;

    @Inject
    OutsiderNotices notices;

    @Inject
    @ConfigProperty(name = "outsiders.notice.poll-interval", defaultValue = "PT15S")
    Duration pollInterval;

    private final Object running = new Object();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(pollInterval.toMillis(), pollInterval.toMillis(),
                new TimerConfig("outsider-notices", false));
    }

    @Timeout
    void onTimer() {
        sendDue();
    }

    @Asynchronous
    public void sendSoon() {
        sendDue();
    }

    /** Sends batches until nothing is due. One run at a time per node; the cluster lock covers nodes. */
    public void sendDue() {
        synchronized (running) {
            try {
                int tried;
                do {
                    tried = notices.sendNext(BATCH);
                } while (tried == BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sending notices to non-users failed; the next run retries", e);
            }
        }
    }
}
