package org.carebridge.audit;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Audit Trail: the organization's audit events, newest first, paged by the database, filtered by
 * dates on the administrator's clock, action, actor, text, user and conversation, and exported as
 * CSV with the same filters. System administrators pick another organization with
 * {@code ?organization=}; {@code ?user=} and {@code ?conversation=} open the page on one user's or
 * one conversation's whole trail.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient AdminScope scope;

    @Inject
    transient CurrentAdmin admin;

    @Inject
    transient Clock clock;

    /** From the URL; empty means the administrator's own organization. */
    private String organization;
    /** From the URL: a user or conversation to open the page on. */
    private String userParameter;
    private String conversationParameter;
    private long organizationId;
    private String organizationName;
    private String zone;

    private LocalDate from;
    private LocalDate to;
    private String action;
    private String actor;
    private String text;
    private Long user;
    private Long conversation;

    private AuditCriteria applied;
    private EventsModel events;

    public void load() throws IOException {
        Organization org;
        try {
            org = scope.organization(organization == null || organization.isBlank() ? null
                    : Long.valueOf(organization.strip()));
        } catch (NotInScopeException | NumberFormatException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not found");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        organizationId = org.getId();
        organizationName = org.getName();
        zone = admin.user().timeZone().getId();
        AuditCriteria start = AuditCriteria.lastDays(LocalDate.now(clock.withZone(zone())));
        Long linkedUser = idParameter(userParameter, "user ID");
        Long linkedConversation = idParameter(conversationParameter, "conversation number");
        if (linkedUser != null || linkedConversation != null) {
            // One user's or one conversation's lines are few: show them all, whatever their date.
            start = new AuditCriteria(null, null, null, null, null, linkedUser, linkedConversation);
        }
        show(start);
    }

    private static Long idParameter(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        Messages.error("\"" + value.strip() + "\" is not a " + what + "; it was left out of the filter.");
        return null;
    }

    public void apply() {
        AuditCriteria chosen = new AuditCriteria(from, to, action, actor, text, user, conversation);
        String problem = chosen.problem();
        if (problem != null) {
            Messages.fieldError("filters:from", problem);
            return;
        }
        show(chosen);
    }

    public void reset() {
        show(AuditCriteria.lastDays(LocalDate.now(clock.withZone(zone()))));
    }

    private void show(AuditCriteria criteria) {
        applied = criteria;
        from = criteria.from();
        to = criteria.to();
        action = criteria.action();
        actor = criteria.actor();
        text = criteria.text();
        user = criteria.user();
        conversation = criteria.conversation();
        events = new EventsModel(organizationId, criteria.toFilter(organizationId, zone()));
    }

    private ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** The export of exactly what the list shows (all pages), as a plain link. */
    public String getExportUrl() {
        String query = applied.queryString();
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/console/audit/export.csv?organization=" + organizationId + (query.isEmpty() ? "" : "&" + query);
    }

    public String time(AuditLine line) {
        return TIME.format(line.occurredAt().atZone(zone()));
    }

    /** Where the console shows the target, or {@code null} when it has no page. */
    public String targetUrl(AuditLine line) {
        if (line.targetType() == null) {
            return null;
        }
        String page = switch (line.targetType()) {
            case "User" -> "/console/user/edit.xhtml?id=";
            case "Group" -> "/console/group/edit.xhtml?id=";
            case "Organization" -> "/console/organization/edit.xhtml?id=";
            default -> null;
        };
        return page == null ? null
                : FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + page + line.targetId();
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public int getExportMax() {
        return AuditQueries.EXPORT_MAX;
    }

    public String getOrganization() { return organization; }
    public void setOrganization(String organization) { this.organization = organization; }
    public long getOrganizationId() { return organizationId; }
    public String getOrganizationName() { return organizationName; }
    public String getZone() { return zone; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getUser() { return user; }
    public void setUser(Long user) { this.user = user; }
    public Long getConversation() { return conversation; }
    public void setConversation(Long conversation) { this.conversation = conversation; }
    public String getUserParameter() { return userParameter; }
    public void setUserParameter(String userParameter) { this.userParameter = userParameter; }
    public String getConversationParameter() { return conversationParameter; }
    public void setConversationParameter(String value) { this.conversationParameter = value; }
    public EventsModel getEvents() { return events; }

    /** The filtered events, counted and paged by the database; every call checks the scope again. */
    public static class EventsModel extends LazyDataModel<AuditLine> {
        private static final long serialVersionUID = 1L;
        private final long organizationId;
        private final AuditFilter filter;

        EventsModel(long organizationId, AuditFilter filter) {
            this.organizationId = organizationId;
            this.filter = filter;
        }

        private static AuditQueries queries() {
            return CDI.current().select(AuditQueries.class).get();
        }

        private void checkScope() {
            CDI.current().select(AdminScope.class).get().organization(organizationId);
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            checkScope();
            return (int) Math.min(Integer.MAX_VALUE, queries().count(filter));
        }

        @Override
        public List<AuditLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            checkScope();
            return queries().page(filter, first, pageSize);
        }

        @Override
        public String getRowKey(AuditLine line) {
            return String.valueOf(line.id());
        }

        @Override
        public AuditLine getRowData(String rowKey) {
            return null;
        }
    }
}
