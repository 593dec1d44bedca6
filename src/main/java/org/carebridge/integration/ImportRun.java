package org.carebridge.integration;

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
 * One import of users from an organization's on-premises system: a line of Import Results.
 * The counts are kept by {@link #record}, the only way to add an {@link ImportRecord}, so
 * they always agree with the per-user detail.
 */
@Entity
@Table(name = "import_run")
@NamedQuery(name = ImportRun.OF_ORGANIZATION, query = "select r from ImportRun r"
        + " where r.organization.id = :organizationId order by r.startedAt desc, r.id desc")
@NamedQuery(name = ImportRun.RUNNING_OF_ORGANIZATION, query = "select r from ImportRun r"
        + " where r.organization.id = :organizationId"
        + " and r.state = org.carebridge.integration.ImportRunState.RUNNING")
public class ImportRun {

    public static final String OF_ORGANIZATION = "ImportRun.ofOrganization";
    public static final String RUNNING_OF_ORGANIZATION = "ImportRun.runningOfOrganization";
    public static final int FAILURE_MESSAGE_MAX = 1000;

    @Id
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false, updatable = false)
    private ImportTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportRunState state;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "created_count", nullable = false)
    private int created;
    @Column(name = "unchanged_count", nullable = false)
    private int unchanged;
    @Column(name = "updated_count", nullable = false)
    private int updated;
    @Column(name = "deleted_count", nullable = false)
    private int deleted;
    @Column(name = "overwritten_count", nullable = false)
    private int overwritten;
    @Column(name = "error_count", nullable = false)
    private int errors;

    @Column(name = "failure_message")
    private String failureMessage;

    protected ImportRun() {
    }

    public ImportRun(Organization organization, ImportTrigger trigger, Instant now) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.state = ImportRunState.RUNNING;
        this.startedAt = now;
    }

    /**
     * Counts what the import did to one user and returns the detail line, for the caller to persist.
     * Any field but {@code change} may be {@code null} (an error may concern a record without ids).
     */
    public ImportRecord record(ImportChange change, String staffId, String externalId, String name, String message) {
        Objects.requireNonNull(change, "change");
        if (state != ImportRunState.RUNNING) {
            throw new IllegalStateException("Import " + id + " has already finished");
        }
        switch (change) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case DELETED -> deleted++;
            case OVERWRITTEN -> overwritten++;
            case NONE -> unchanged++;
            case ERROR -> errors++;
        }
        return new ImportRecord(this, change, staffId, externalId, name, message);
    }

    public void succeed(Instant now) {
        finish(ImportRunState.SUCCEEDED, now);
    }

    /** The import as a whole failed (connector gone, bad data); what was recorded so far stays. */
    public void fail(String message, Instant now) {
        finish(ImportRunState.FAILED, now);
        this.failureMessage = ImportRecord.truncate(message == null ? "unknown error" : message, FAILURE_MESSAGE_MAX);
    }

    private void finish(ImportRunState outcome, Instant now) {
        if (state != ImportRunState.RUNNING) {
            throw new IllegalStateException("Import " + id + " has already finished");
        }
        state = outcome;
        endedAt = now.isBefore(startedAt) ? startedAt : now;
    }

    public boolean isRunning() {
        return state == ImportRunState.RUNNING;
    }

    /** Every user the import looked at, whatever happened to it. */
    public int total() {
        return created + unchanged + updated + deleted + overwritten + errors;
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public ImportTrigger getTrigger() { return trigger; }
    public ImportRunState getState() { return state; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public int getCreated() { return created; }
    public int getUnchanged() { return unchanged; }
    public int getUpdated() { return updated; }
    public int getDeleted() { return deleted; }
    public int getOverwritten() { return overwritten; }
    public int getErrors() { return errors; }
    public String getFailureMessage() { return failureMessage; }
}
