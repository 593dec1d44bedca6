package org.carebridge.integration;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.NotInScopeException;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;

/**
 * The Integrations page's actions on an organization already checked by {@code AdminScope}:
 * enable, regenerate and disable the connector's credentials, "Sync Users Now", and the import
 * results. Only hospitals have an on-premises system to integrate.
 */
@ApplicationScoped
public class IntegrationService {

    private static final Logger LOG = Logger.getLogger(IntegrationService.class.getName());
    public static final int RESULTS_SHOWN = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SharedKeyCipher cipher;

    @Inject
    AuditTrail audit;

    /** The organization's integration, or {@code null} when it was never enabled. */
    @Transactional
    public Integration of(Organization organization) {
        return em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class)
                .setParameter("organizationId", organization.getId()).getResultStream().findFirst().orElse(null);
    }

    /**
     * Enables integration with a new user id and shared key (also when enabling again after a
     * Disable: the old key may be lost, and it was shown only once).
     */
    @Transactional
    public IntegrationCredentials enable(Organization organization) {
        Organization org = em.find(Organization.class, organization.getId());
        if (org.getKind() != OrganizationKind.HOSPITAL) {
            throw new IllegalArgumentException("Only hospitals have an on-premises system to integrate.");
        }
        Integration integration = of(org);
        IntegrationCredentials credentials = new IntegrationCredentials(Integration.newIntegrationUserId(),
                SyncHandshake.newSharedKey());
        if (integration == null) {
            em.persist(new Integration(org, credentials.integrationUserId(), cipher.encrypt(credentials.sharedKey()),
                    clock.instant()));
        } else if (integration.isEnabled()) {
            throw new IllegalArgumentException("Integration is already enabled. Use Regenerate for new credentials.");
        } else {
            integration.replaceCredentials(credentials.integrationUserId(), cipher.encrypt(credentials.sharedKey()));
            integration.enable();
        }
        audit.record(org, AuditAction.INTEGRATION_ENABLED, AuditTarget.organization(org),
                "Integration user id " + credentials.integrationUserId() + "; shared key generated");
        LOG.info(() -> "Integration enabled for organization " + org.getId());
        return credentials;
    }

    /** New credentials; a connector signed in with the old ones is disconnected within seconds. */
    @Transactional
    public IntegrationCredentials regenerate(Organization organization) {
        Integration integration = enabled(organization);
        IntegrationCredentials credentials = new IntegrationCredentials(Integration.newIntegrationUserId(),
                SyncHandshake.newSharedKey());
        integration.replaceCredentials(credentials.integrationUserId(), cipher.encrypt(credentials.sharedKey()));
        audit.record(integration.getOrganization(), AuditAction.INTEGRATION_KEY_REGENERATED,
                AuditTarget.organization(integration.getOrganization()),
                "Integration user id " + credentials.integrationUserId() + "; shared key replaced");
        return credentials;
    }

    @Transactional
    public void disable(Organization organization) {
        Integration integration = enabled(organization);
        integration.disable();
        integration.clearSyncRequest();
        audit.record(integration.getOrganization(), AuditAction.INTEGRATION_DISABLED,
                AuditTarget.organization(integration.getOrganization()), null);
    }

    /** "Sync Users Now": the node holding the connector starts a run within seconds. */
    @Transactional
    public void requestSync(Organization organization) {
        Integration integration = enabled(organization);
        integration.requestSync(clock.instant());
        audit.record(integration.getOrganization(), AuditAction.INTEGRATION_SYNC_REQUESTED,
                AuditTarget.organization(integration.getOrganization()), null);
    }

    /** Import Results, newest first. */
    @Transactional
    public List<ImportRun> runs(Organization organization) {
        return em.createNamedQuery(ImportRun.OF_ORGANIZATION, ImportRun.class)
                .setParameter("organizationId", organization.getId()).setMaxResults(RESULTS_SHOWN).getResultList();
    }

    /** A run of {@code organization}, or a refusal: another organization's run is not found. */
    @Transactional
    public ImportRun run(Organization organization, Long runId) {
        ImportRun run = runId == null ? null : em.find(ImportRun.class, runId);
        if (run == null || !run.getOrganization().getId().equals(organization.getId())) {
            throw new NotInScopeException("Import " + runId + " is not one of organization " + organization.getId());
        }
        return run;
    }

    @Transactional
    public List<ImportRecord> records(ImportRun run) {
        return em.createNamedQuery(ImportRecord.OF_RUN, ImportRecord.class).setParameter("runId", run.getId())
                .getResultList();
    }

    private Integration enabled(Organization organization) {
        Integration integration = of(organization);
        if (integration == null || !integration.isEnabled()) {
            throw new IllegalArgumentException("Integration is not enabled for this organization.");
        }
        return integration;
    }
}
