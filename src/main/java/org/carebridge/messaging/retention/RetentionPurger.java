package org.carebridge.messaging.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.access.AdminScope;
import org.carebridge.organization.Organization;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the retention purge: the nightly sweep over every organization with a retention period,
 * or one organization when its administrator asks. Content goes by the retention of the
 * organization that started each conversation, whoever wrote the message. Not transactional
 * itself: each {@link PurgeSteps} step commits on its own.
 */
@ApplicationScoped
public class RetentionPurger {

    private static final Logger LOG = Logger.getLogger(RetentionPurger.class.getName());
    /** Runs listed on Update Organization. */
    public static final int RECENT_RUNS = 10;

    @Inject
    PurgeSteps steps;

    @Inject
    AdminScope scope;

    @PersistenceContext
    EntityManager em;

    /** Messages emptied per transaction. */
    @Inject
    @ConfigProperty(name = "retention.purge.batch-size", defaultValue = "500")
    int batchSize;

    /**
     * The nightly sweep. @return each organization's run, or nothing when another node runs it
     */
    public List<PurgeRun> runScheduled() {
        String token = steps.claim(PurgeTrigger.SCHEDULED);
        if (token == null) {
            return List.of();
        }
        List<PurgeRun> runs = new ArrayList<>();
        try {
            for (Long organizationId : steps.organizationsWithRetention()) {
                purge(token, organizationId, PurgeTrigger.SCHEDULED).ifPresent(runs::add);
            }
        } catch (PurgeLeaseLostException e) {
            LOG.log(Level.WARNING, "Retention purge stopped: another run took over its stale lease", e);
        } finally {
            release(token);
        }
        int purged = runs.stream().mapToInt(PurgeRun::getMessagesPurged).sum();
        LOG.info(() -> "Retention purge emptied " + purged + " messages for " + runs.size() + " organizations");
        return runs;
    }

    /**
     * An administrator's purge of their organization, now. Organization administrators may
     * purge their own only; system administrators any.
     *
     * @return the finished run, or empty when another purge is running at the moment
     * @throws org.carebridge.access.NotInScopeException for an organization the caller may not act on
     * @throws IllegalStateException when the organization keeps message content forever
     */
    public Optional<PurgeRun> purgeNow(Long organizationId) {
        Organization organization = scope.organization(organizationId);
        if (organization.retention() == null) {
            throw new IllegalStateException("Your organization keeps message content forever: choose a message"
                    + " retention period and save it first.");
        }
        String token = steps.claim(PurgeTrigger.MANUAL);
        if (token == null) {
            return Optional.empty();
        }
        try {
            Optional<PurgeRun> run = purge(token, organization.getId(), PurgeTrigger.MANUAL);
            if (run.isEmpty()) {
                // The retention period was removed between the check above and the start.
                throw new IllegalStateException("Your organization now keeps message content forever.");
            }
            return run;
        } finally {
            release(token);
        }
    }

    /** The latest runs of an organization the caller may act on, newest first. */
    public List<PurgeRun> recentRuns(Long organizationId) {
        Organization organization = scope.organization(organizationId);
        return em.createNamedQuery(PurgeRun.OF_ORGANIZATION, PurgeRun.class)
                .setParameter("organizationId", organization.getId())
                .setMaxResults(RECENT_RUNS)
                .getResultList();
    }

    /**
     * One organization's part. A failing batch ends the part as failed (what was committed stays
     * purged) and the sweep goes on with the next organization; a lost lease stops everything.
     */
    private Optional<PurgeRun> purge(String token, long organizationId, PurgeTrigger trigger) {
        PurgeRun run = steps.start(token, organizationId, trigger);
        if (run == null) {
            return Optional.empty();
        }
        try {
            int purged;
            do {
                purged = steps.purgeBatch(token, run.getId(), batchSize);
            } while (purged == batchSize);
            return Optional.of(steps.finish(token, run.getId(), PurgeRunState.COMPLETED));
        } catch (PurgeLeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention purge run " + run.getId() + " of organization " + organizationId
                    + " failed; what it committed stays purged and the next run continues", e);
            return Optional.of(steps.finish(token, run.getId(), PurgeRunState.FAILED));
        }
    }

    private void release(String token) {
        try {
            steps.release(token);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release the retention purge lease; it goes stale on its own", e);
        }
    }
}
