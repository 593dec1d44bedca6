package org.carebridge.integration;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

/**
 * Keeps each connector on this node served, every 5 seconds: closes connections that never
 * signed in or whose integration was disabled or given a new key, starts a run when one is due
 * (90 minutes after the last, or "Sync Users Now" on any node), pushes the reverse-sync
 * directory when it differs from what the connector last got, and sends the badge messages due
 * ({@link BadgeDispatch}). The node that holds the socket does this; the cluster lock in
 * {@link SyncService#startRun} keeps one run per organization.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());
    static final Duration HELLO_WITHIN = Duration.ofSeconds(15);

    @Inject
    SyncService service;

    @Inject
    SyncConnections connections;

    @Inject
    BadgeDispatch badges;

    @Inject
    Clock clock;

    static final long TICK_SECONDS = 5;
    static final Duration EXPIRY_SWEEP_EVERY = Duration.ofMinutes(1);

    @Inject
    BadgeDeliveries deliveries;

    /** Ticks run one after another (fixed delay), so this needs no lock. */
    private Instant nextExpirySweep = Instant.MIN;

    // A managed executor rather than an EJB timer: a timer whose callback fails twice (a database
    // outage) is expunged for good, and the connectors would never be served again.
    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        ticking = executor.scheduleWithFixedDelay(this::tickSafely, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Serving sync connections failed", e);
        }
    }

    public void tick() {
        Instant now = clock.instant();
        if (!now.isBefore(nextExpirySweep)) {
            nextExpirySweep = now.plus(EXPIRY_SWEEP_EVERY);
            try {
                int closed = deliveries.closeExpired();
                if (closed > 0) {
                    LOG.fine(() -> closed + " badge copies expired undelivered");
                }
            } catch (RuntimeException e) {
                // Housekeeping only: the connectors below are served all the same.
                LOG.log(Level.WARNING, "Closing expired badge copies failed; the next minute retries", e);
            }
        }
        for (SyncConnections.Connection connection : connections.all()) {
            try {
                if (!connection.isAuthenticated()) {
                    if (connection.openedAt.plus(HELLO_WITHIN).isBefore(clock.instant())) {
                        connection.close(SyncRefusal.POLICY_VIOLATION, "No hello within " + HELLO_WITHIN.toSeconds()
                                + " seconds");
                    }
                } else {
                    serve(connection);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Serving sync connection of organization " + connection.organizationId()
                        + " failed", e);
            }
        }
    }

    /** "Sync Users Now" on this node: serve the organization's connector here at once, if it is here. */
    public void nudge(long organizationId) {
        for (SyncConnections.Connection connection : connections.ofOrganization(organizationId)) {
            serve(connection);
        }
    }

    public void serve(SyncConnections.Connection connection) {
        synchronized (connection) {
            SyncService.Check check = service.check(connection.integrationId, connection.keyCiphertext);
            if (!check.valid()) {
                connection.close(SyncRefusal.POLICY_VIOLATION, "The integration was disabled or its key regenerated");
                return;
            }
            try {
                if (check.syncDue() && !connection.conversation.isRunning()) {
                    Long runId = service.startRun(check.organizationId(), service.dueTrigger(check.organizationId()));
                    if (runId != null) {
                        try {
                            connection.send(connection.conversation.startRun(runId));
                        } catch (IOException | IllegalStateException e) {
                            service.fail(runId, "The sync request could not be sent to the on-premises system."
                                    + " Nothing was imported.");
                        }
                    }
                }
                String directory = service.directoryFrame(check.organizationId());
                if (!directory.equals(connection.lastDirectoryFrame)) {
                    connection.send(directory);
                    connection.lastDirectoryFrame = directory;
                }
                badges.sendDue(connection);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Sending on a sync connection failed", e);
            }
        }
    }
}
