package org.carebridge.integration;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
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
import org.carebridge.organization.OrganizationKind;
import org.carebridge.platform.web.ConsolePages;
import org.carebridge.platform.web.Messages;

/**
 * Integrations: enable, regenerate or disable the connector's credentials (the shared key is
 * shown once, right after it is generated, and kept only in this view), the sync adapter's
 * status polled every 10 seconds, "Sync Users Now", and Import Results newest first. Every
 * action loads the organization again through {@link AdminScope}.
 */
@Named
@ViewScoped
public class IntegrationsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient AdminScope scope;

    @Inject
    transient IntegrationService integrations;

    @Inject
    transient SyncScheduler scheduler;

    @Inject
    transient Clock clock;

    private String id;
    private Organization organization;
    private Integration integration;
    private List<ImportRun> runs = List.of();
    /** The credentials just generated; shown until the administrator leaves the page. */
    private IntegrationCredentials shown;

    public void load() throws IOException {
        try {
            organization = scope.organization(ConsolePages.parseId(id));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        refresh();
    }

    /** What the 10-second poll re-reads: the status and the results. */
    public void refresh() {
        integration = integrations.of(organization);
        runs = integrations.runs(organization);
    }

    private Organization current() {
        return scope.organization(organization.getId());
    }

    public void enable() {
        try {
            shown = integrations.enable(current());
            Messages.info("Integration enabled. Copy the integration user id and shared key into the connector's"
                    + " settings now: the shared key is not shown again.");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
        refresh();
    }

    public void regenerate() {
        try {
            shown = integrations.regenerate(current());
            Messages.info("New credentials generated. A connector using the old ones is disconnected; enter these in"
                    + " its settings. The shared key is not shown again.");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
        refresh();
    }

    public void disable() {
        try {
            integrations.disable(current());
            shown = null;
            Messages.info("Integration disabled. The connector is disconnected and cannot sign in until you enable"
                    + " integration again.");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
        refresh();
    }

    public void syncNow() {
        try {
            Organization org = current();
            integrations.requestSync(org);
            scheduler.nudge(org.getId());
            refresh();
            Messages.info(isConnected() ? "Sync requested. The result appears under Import Results when it ends."
                    : "Sync requested. It starts when the connector connects.");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
    }

    public boolean isHospital() {
        return organization.getKind() == OrganizationKind.HOSPITAL;
    }

    public boolean isEnabled() {
        return integration != null && integration.isEnabled();
    }

    public boolean isConnected() {
        return integration != null && integration.connectionStateAt(clock.instant()) == ConnectionState.CONNECTED;
    }

    public String getStatus() {
        return isConnected() ? ConnectionState.CONNECTED.label() : ConnectionState.NOT_CONNECTED.label();
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.of(organization.getTimeZone())));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Organization getOrganization() { return organization; }
    public Integration getIntegration() { return integration; }
    public List<ImportRun> getRuns() { return runs; }
    public IntegrationCredentials getShown() { return shown; }
}
