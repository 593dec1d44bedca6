package org.carebridge.invitation;

import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.organization.Organization;
import org.carebridge.platform.web.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Invitations: every invitation of the organization with its status, filtered as the
 * administrator types (the database does the filtering and paging), and the ticked ones resent
 * or deleted after a confirmation.
 */
@Named
@ViewScoped
public class InvitationsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter LAST_UPDATED = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a z",
            Locale.US);

    /** What "Selected:" does to the ticked invitations. */
    public enum Action { RESEND, DELETE }

    @Inject
    transient AdminScope scope;

    @Inject
    transient CurrentAdmin admin;

    @Inject
    transient UserInvitations invitations;

    private String organizationParam;
    private Long organizationId;
    private String organizationName;
    private ZoneId zone = ZoneId.of("UTC");
    private String emailFilter;
    private String lastNameFilter;
    private String firstNameFilter;
    private Action action = Action.RESEND;
    private List<InvitationRow> selected = new ArrayList<>();

    private final LazyDataModel<InvitationRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service().count(organizationRef(), currentFilter());
        }

        @Override
        public List<InvitationRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return service().search(organizationRef(), currentFilter(), first, pageSize);
        }

        @Override
        public String getRowKey(InvitationRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public InvitationRow getRowData(String rowKey) {
            List<InvitationRow> shown = getWrappedData();
            if (shown == null) {
                return null;
            }
            return shown.stream().filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
        }
    };

    public void load() throws IOException {
        try {
            Organization organization = scope.organization(InvitationPages.parseId(organizationParam));
            organizationId = organization.getId();
            organizationName = organization.getName();
            zone = admin.user().timeZone();
        } catch (NotInScopeException | NumberFormatException e) {
            InvitationPages.notFound();
        }
    }

    /** A filter changed: start again from the first page. */
    public void filter() {
        DataTable table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":list:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    /** The arrow next to "Selected:": asks for confirmation of the chosen action. */
    public void apply() {
        if (selected == null || selected.isEmpty()) {
            Messages.error("Tick the invitations first.");
            return;
        }
        PrimeFaces.current().executeScript(action == Action.DELETE ? "PF('confirmDelete').show()"
                : "PF('confirmResend').show()");
    }

    public void resend() {
        if (selected == null || selected.isEmpty()) {
            Messages.error("Tick the invitations first.");
            return;
        }
        try {
            UserInvitations.ResendOutcome outcome = invitations.resend(ids());
            StringBuilder text = new StringBuilder(outcome.resent() == 1 ? "1 invitation has been sent again."
                    : outcome.resent() + " invitations have been sent again.");
            if (outcome.skippedRegistered() > 0) {
                text.append(' ').append(outcome.skippedRegistered() == 1 ? "1 person has" : outcome.skippedRegistered()
                        + " people have").append(" already registered and got no new invitation.");
            }
            Messages.info(text.toString());
        } catch (NotInScopeException e) {
            Messages.error("Some of the ticked invitations no longer exist. Nothing was sent; try again.");
        }
        selected = new ArrayList<>();
    }

    public void delete() {
        if (selected == null || selected.isEmpty()) {
            Messages.error("Tick the invitations first.");
            return;
        }
        try {
            int deleted = invitations.delete(ids());
            Messages.info(deleted == 1 ? "1 invitation has been deleted." : deleted + " invitations have been deleted.");
        } catch (NotInScopeException e) {
            Messages.error("Some of the ticked invitations no longer exist. Nothing was deleted; try again.");
        }
        selected = new ArrayList<>();
    }

    private List<Long> ids() {
        return selected.stream().map(InvitationRow::id).toList();
    }

    /** "Last Updated" on the administrator's clock. */
    public String lastUpdated(InvitationRow row) {
        return LAST_UPDATED.format(row.lastUpdated().atZone(zone));
    }

    private InvitationFilter currentFilter() {
        return new InvitationFilter(emailFilter, lastNameFilter, firstNameFilter);
    }

    /** The page's organization, checked again on every load of rows. */
    private Organization organizationRef() {
        return CDI.current().select(AdminScope.class).get().organization(organizationId);
    }

    private static UserInvitations service() {
        return CDI.current().select(UserInvitations.class).get();
    }

    public Action[] getActions() {
        return Action.values();
    }

    public LazyDataModel<InvitationRow> getRows() { return rows; }
    public String getOrganizationParam() { return organizationParam; }
    public void setOrganizationParam(String organizationParam) { this.organizationParam = organizationParam; }
    public Long getOrganizationId() { return organizationId; }
    public String getOrganizationName() { return organizationName; }
    public String getEmailFilter() { return emailFilter; }
    public void setEmailFilter(String emailFilter) { this.emailFilter = emailFilter; }
    public String getLastNameFilter() { return lastNameFilter; }
    public void setLastNameFilter(String lastNameFilter) { this.lastNameFilter = lastNameFilter; }
    public String getFirstNameFilter() { return firstNameFilter; }
    public void setFirstNameFilter(String firstNameFilter) { this.firstNameFilter = firstNameFilter; }
    public Action getAction() { return action; }
    public void setAction(Action action) { this.action = action == null ? Action.RESEND : action; }
    public List<InvitationRow> getSelected() { return selected; }
    public void setSelected(List<InvitationRow> selected) { this.selected = selected; }
}
