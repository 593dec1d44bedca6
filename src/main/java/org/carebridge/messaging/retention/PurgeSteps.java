package org.carebridge.messaging.retention;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.messaging.Message;
import org.carebridge.organization.Organization;
import org.carebridge.platform.persistence.ClusterLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The purge's steps, each in a transaction of its own, so every batch is committed before the
 * next one starts and a stop loses at most one batch of work (which the next run redoes, since
 * it only looks at messages not purged yet).
 *
 * <p>Why a lease on the {@value #LOCK} row rather than holding the row lock: a run is many
 * transactions, and a row lock ends with each of them. So the row records who holds the purge
 * ({@code holder}) and when it last showed it was alive ({@code acquired_at}); every step first
 * locks the row ({@code SELECT ... FOR UPDATE}), checks that its run still holds the lease and
 * renews it, and only then reads the messages it purges. That gives both rules at once:
 * <ul>
 * <li>never twice at once: a second run (another node's timer, an administrator's button) that
 * finds the lease held and fresh does not start; and since the due messages are read after the
 * row lock is granted, even a run that took over a stale lease reads only what the earlier
 * holder's committed batches left, so no batch is purged twice;</li>
 * <li>never blocked forever: the row lock is held for one short batch only, so a waiter waits
 * for one batch at most; a holder that died leaves a lease that goes stale after {@link #lease}
 * and the next claim takes it, marking the dead run's rows interrupted.</li>
 * </ul>
 */
@ApplicationScoped
class PurgeSteps {

    private static final Logger LOG = Logger.getLogger(PurgeSteps.class.getName());
    static final String LOCK = "retention-purge";
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();
    /**
     * A scheduled sweep that started this recently means tonight's sweep ran on some node; the
     * other nodes' timers, firing a little later, skip it.
     */
    static final Duration SCHEDULED_ONCE_WITHIN = Duration.ofHours(12);
    /** EclipseLink's batch-reading hints (by name: EclipseLink is provided by the server, not compiled against). */
    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** How long a run may go without finishing a batch before another run may take over. */
    @Inject
    @ConfigProperty(name = "retention.purge.lease", defaultValue = "PT10M")
    Duration lease;

    /**
     * Takes the purge lease for a new run. Returns the run's token, or {@code null} when another
     * run holds a fresh lease (or, for the nightly sweep, already ran tonight on another node).
     */
    @Transactional(TxType.REQUIRES_NEW)
    String claim(PurgeTrigger trigger) {
        Instant now = clock.instant();
        ClusterLock row = lockRow();
        if (row.getHolder() != null && row.getAcquiredAt() != null && row.getAcquiredAt().plus(lease).isAfter(now)) {
            LOG.info(() -> "Retention purge already running (" + row.getHolder() + "); this " + trigger
                    + " run does not start");
            return null;
        }
        if (trigger == PurgeTrigger.SCHEDULED && em.createNamedQuery(PurgeRun.SCHEDULED_SINCE, Long.class)
                .setParameter("since", now.minus(SCHEDULED_ONCE_WITHIN)).getSingleResult() > 0) {
            LOG.info("Tonight's retention purge already ran on another node");
            return null;
        }
        // Nobody holds a live lease, so no run is alive: rows still RUNNING belong to a run that stopped.
        Instant lastSeen = row.getAcquiredAt() == null ? now : row.getAcquiredAt();
        for (PurgeRun stopped : em.createNamedQuery(PurgeRun.RUNNING, PurgeRun.class).getResultList()) {
            stopped.end(PurgeRunState.INTERRUPTED, lastSeen);
            audit.recordBySystem(stopped.getOrganization(), AuditAction.RETENTION_PURGE_INTERRUPTED,
                    target(stopped), details(stopped));
            LOG.warning(() -> "Retention purge run " + stopped.getId() + " was interrupted after "
                    + stopped.getMessagesPurged() + " messages; this run continues");
        }
        String token = NODE + "/" + UUID.randomUUID();
        row.heldBy(token, now);
        return token;
    }

    /** The organizations with a retention period, in a stable order. */
    @Transactional(TxType.REQUIRES_NEW)
    List<Long> organizationsWithRetention() {
        return em.createQuery("select o.id from Organization o where o.retentionUnit is not null order by o.id",
                Long.class).getResultList();
    }

    /**
     * Starts {@code organizationId}'s part of the run, with the cutoff its retention gives now;
     * {@code null} when it keeps content forever (it may have changed since the run began).
     */
    @Transactional(TxType.REQUIRES_NEW)
    PurgeRun start(String token, long organizationId, PurgeTrigger trigger) {
        Instant now = holdLease(token);
        Organization organization = em.find(Organization.class, organizationId);
        Instant cutoff = organization == null ? null : RetentionSchedule.cutoff(organization, now);
        if (cutoff == null) {
            return null;
        }
        PurgeRun run = new PurgeRun(organization, trigger, cutoff, now);
        em.persist(run);
        return run;
    }

    /**
     * Empties up to {@code max} due messages of the run's organization's conversations and counts
     * them on the run. @return how many it purged; fewer than {@code max} means none are left
     */
    @Transactional(TxType.REQUIRES_NEW)
    int purgeBatch(String token, long runId, int max) {
        Instant now = holdLease(token);
        PurgeRun run = em.find(PurgeRun.class, runId);
        List<Message> due = em.createNamedQuery(Message.DUE_FOR_PURGE, Message.class)
                .setParameter("organizationId", run.getOrganization().getId())
                .setParameter("cutoff", run.getCutoff())
                .setHint(BATCH_TYPE, "IN")
                .setHint(BATCH, "m.choices")
                .setHint(BATCH, "m.conversation")
                .setHint(BATCH, "m.sender")
                .setMaxResults(max)
                .getResultList();
        for (Message message : due) {
            message.purgeContent(now);
        }
        run.purged(due.size());
        return due.size();
    }

    /** Ends the run as {@code outcome} and writes its audit line. */
    @Transactional(TxType.REQUIRES_NEW)
    PurgeRun finish(String token, long runId, PurgeRunState outcome) {
        Instant now = holdLease(token);
        PurgeRun run = em.find(PurgeRun.class, runId);
        run.end(outcome, now);
        audit.record(run.getOrganization(), AuditAction.RETENTION_PURGE_RUN, target(run), details(run));
        return run;
    }

    /** Gives the lease back, if this run still holds it. */
    @Transactional(TxType.REQUIRES_NEW)
    void release(String token) {
        ClusterLock row = lockRow();
        if (token.equals(row.getHolder())) {
            row.heldBy(null, null);
        }
    }

    /** Locks the row, checks the lease is still {@code token}'s and renews it. @return now */
    private Instant holdLease(String token) {
        ClusterLock row = lockRow();
        if (!token.equals(row.getHolder())) {
            throw new PurgeLeaseLostException(token);
        }
        Instant now = clock.instant();
        row.heldBy(token, now);
        return now;
    }

    private ClusterLock lockRow() {
        ClusterLock row = em.find(ClusterLock.class, LOCK, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("The cluster lock " + LOCK + " is missing (migration V5)");
        }
        return row;
    }

    private static AuditTarget target(PurgeRun run) {
        return AuditTarget.of("PurgeRun", run.getId());
    }

    /** Metadata only: never a message's content, nor whose messages they were. */
    static String details(PurgeRun run) {
        return "Trigger: \"" + run.getTrigger().label() + "\"; Cutoff: \"" + run.getCutoff()
                + "\"; Messages purged: " + run.getMessagesPurged() + "; Outcome: \"" + run.getState().label() + "\"";
    }
}
