package org.carebridge.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * What one import did to one synced user: a line of the Import User Process page. Created only
 * by {@link ImportRun#record}, never changed. Fields come from the on-premises system, so
 * over-long values are cut rather than refused: the report must not fail the import.
 */
@Entity
@Table(name = "import_record")
@NamedQuery(name = ImportRecord.OF_RUN, query = "select r from ImportRecord r where r.run.id = :runId order by r.id")
public class ImportRecord {

    public static final String OF_RUN = "ImportRecord.ofRun";

    @Id
    @SequenceGenerator(name = "import_record_seq", sequenceName = "import_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_record_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id", nullable = false, updatable = false)
    private ImportRun run;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false, updatable = false)
    private ImportChange change;

    @Column(name = "staff_id", updatable = false)
    private String staffId;

    @Column(name = "external_id", updatable = false)
    private String externalId;

    @Column(updatable = false)
    private String name;

    @Column(updatable = false)
    private String message;

    protected ImportRecord() {
    }

    ImportRecord(ImportRun run, ImportChange change, String staffId, String externalId, String name, String message) {
        this.run = run;
        this.change = change;
        this.staffId = truncate(staffId, 16);
        this.externalId = truncate(externalId, 128);
        this.name = truncate(name, 300);
        this.message = truncate(message, 1000);
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() { return id; }
    public ImportRun getRun() { return run; }
    public ImportChange getChange() { return change; }
    public String getStaffId() { return staffId; }
    public String getExternalId() { return externalId; }
    public String getName() { return name; }
    public String getMessage() { return message; }
}
