package org.carebridge.integration;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.carebridge.platform.web.ConsolePages;

/** Import User Process: what one import did to each user. Another organization's run is not found. */
@Named
@ViewScoped
public class ImportRunPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient AdminScope scope;

    @Inject
    transient IntegrationService integrations;

    private String id;
    private String run;
    private Organization organization;
    private ImportRun importRun;
    private List<ImportRecord> records = List.of();

    public void load() throws IOException {
        try {
            organization = scope.organization(ConsolePages.parseId(id));
            importRun = integrations.run(organization, ConsolePages.parseId(run));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        records = integrations.records(importRun);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.of(organization.getTimeZone())));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRun() { return run; }
    public void setRun(String run) { this.run = run; }
    public Organization getOrganization() { return organization; }
    public ImportRun getImportRun() { return importRun; }
    public List<ImportRecord> getRecords() { return records; }
}
