package org.carebridge.messaging.retention;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.organization.Organization;

/**
 * One organization's part of a retention purge: the cutoff it applied, how many messages it
 * emptied, and how it ended. Metadata only; it is what the console and the audit trail show.
 */
@Entity
@Table(name = "purge_run")
@NamedQuery(name = PurgeRun.OF_ORGANIZATION, query = "select r from PurgeRun r"
        + " where r.organization.id = :organizationId order by r.startedAt desc, r.id desc")
@NamedQuery(name = PurgeRun.RUNNING, query = "select r from PurgeRun r"
        + " where r.state = org.carebridge.messaging.retention.PurgeRunState.RUNNING order by r.id")
@NamedQuery(name = PurgeRun.SCHEDULED_SINCE, query = "select count(r) from PurgeRun r"
        + " where r.trigger = org.carebridge.messaging.retention.PurgeTrigger.SCHEDULED and r.startedAt >= :since")
public class PurgeRun {

    public static final String OF_ORGANIZATION = "PurgeRun.ofOrganization";
    public static final String RUNNING = "PurgeRun.running";
    public static final String SCHEDULED_SINCE = "PurgeRun.scheduledSince";

    @Id
    @SequenceGenerator(name = "purge_run_seq", sequenceName = "purge_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "purge_run_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false, updatable = false)
    private PurgeTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurgeRunState state = PurgeRunState.RUNNING;

    @Column(nullable = false, updatable = false)
    private Instant cutoff;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "messages_purged", nullable = false)
    private int messagesPurged;

    protected PurgeRun() {
    }

    /**
     * Starts purging {@code organization}'s conversations: content of messages sent before
     * {@code cutoff} goes. Only organizations with a retention period are purged.
     */
    public PurgeRun(Organization organization, PurgeTrigger trigger, Instant cutoff, Instant now) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
        if (organization.retention() == null) {
            throw new IllegalStateException(organization.getName() + " keeps message content forever.");
        }
        if (!cutoff.isBefore(now)) {
            throw new IllegalArgumentException("A purge cutoff must lie in the past");
        }
        this.startedAt = now;
    }

    /** Counts a committed batch. */
    public void purged(int messages) {
        if (state != PurgeRunState.RUNNING) {
            throw new IllegalStateException("Purge run " + id + " has ended (" + state + ")");
        }
        if (messages < 0) {
            throw new IllegalArgumentException("A batch purges zero or more messages");
        }
        messagesPurged += messages;
    }

    /** Ends the run as {@code outcome}; a run ends once. */
    public void end(PurgeRunState outcome, Instant now) {
        if (outcome == PurgeRunState.RUNNING) {
            throw new IllegalArgumentException("A run ends completed, failed or interrupted");
        }
        if (state != PurgeRunState.RUNNING) {
            throw new IllegalStateException("Purge run " + id + " has already ended (" + state + ")");
        }
        state = outcome;
        endedAt = now.isBefore(startedAt) ? startedAt : now;
    }

    public boolean isRunning() {
        return state == PurgeRunState.RUNNING;
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public PurgeTrigger getTrigger() { return trigger; }
    public PurgeRunState getState() { return state; }
    public Instant getCutoff() { return cutoff; }
    public Instant getStartedAt() { return startedAt; }
    /** {@code null} while running. */
    public Instant getEndedAt() { return endedAt; }
    public int getMessagesPurged() { return messagesPurged; }
}
