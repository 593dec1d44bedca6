package org.carebridge.affiliation;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.organization.Organization;
import org.carebridge.organization.UpdateOrganizationPage;
import org.carebridge.platform.web.Messages;

/**
 * "Organizations with whom we can communicate" on the Update Organization page: the active
 * affiliates, each with its Permissions link and Delete.
 */
@Named
@ViewScoped
public class AffiliatesSection implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UpdateOrganizationPage page;

    @Inject
    transient AdminScope scope;

    @Inject
    transient AffiliationService affiliations;

    private List<AffiliateRow> rows;

    public List<AffiliateRow> getRows() {
        if (rows == null && page.getOrganization() != null) {
            rows = affiliations.affiliatesOf(side());
        }
        return rows;
    }

    /** Ends the affiliation for good, for both organizations. */
    public void delete(long affiliationId) {
        Organization side = side();
        Affiliation affiliation = scope.affiliation(affiliationId, side);
        String other = affiliation.otherSide(side).getName();
        affiliations.end(affiliation, side);
        rows = null;
        Messages.info("You no longer communicate with " + other + ". A new invitation is needed to start again.");
    }

    private Organization side() {
        return scope.organization(page.getOrganization().getId());
    }
}
