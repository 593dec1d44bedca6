package org.carebridge.mail;

import java.time.Duration;
import java.util.List;
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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what is due in the outbox: right after a mail is committed, and on a timer that picks
 * up retries and anything left by a restart or an outage.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 20;

    @Resource
    TimerService timers;

    @Inject
    OutboxBatch batch;

    @Inject
    Event<MailsSettled> settled;

    @Inject
    @ConfigProperty(name = "mail.outbox.poll-interval", defaultValue = "PT15S")
    Duration pollInterval;

    private final Object running = new Object();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(pollInterval.toMillis(), pollInterval.toMillis(), new TimerConfig("outbox", false));
    }

    @Timeout
    void onTimer() {
        sendDue();
    }

    @Asynchronous
    public void sendSoon() {
        sendDue();
    }

    /** Sends batches until nothing is due. One run at a time per node; a cluster lock covers nodes. */
    public void sendDue() {
        synchronized (running) {
            try {
                OutboxBatch.Result result;
                do {
                    result = batch.sendNext(BATCH);
                    announce(result);
                } while (result.tried() == BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox run failed; the next run retries", e);
            }
        }
    }

    /** Tells observers, after the batch committed, which mails were decided; their failures never stop sending. */
    private void announce(OutboxBatch.Result result) {
        if (result.settled().isEmpty()) {
            return;
        }
        try {
            settled.fire(new MailsSettled(result.settled()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of settled mails failed; it reconciles later", e);
        }
    }

    /** Used by tests and operations to see what is still waiting. */
    public List<OutboundMail> pending() {
        return batch.pending();
    }
}
