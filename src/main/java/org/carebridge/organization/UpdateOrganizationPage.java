package org.carebridge.organization;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.NotInScopeException;
import org.carebridge.platform.web.Messages;
import org.carebridge.user.User;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Update Organization: the administrator's home page. Shows and saves the organization's
 * details and secure-message options, lists its administrators and (paged) members.
 */
@Named
@ViewScoped
public class UpdateOrganizationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient OrganizationService organizations;

    /** From the URL; empty means the administrator's own organization. */
    private Long id;
    private Organization organization;
    private Form form;
    private List<User> administrators;
    private MembersModel members;

    public void load() throws IOException {
        try {
            organization = scope.organization(id);
        } catch (NotInScopeException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "Not found");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        form = Form.of(organization);
        administrators = organizations.administrators(organization);
        members = new MembersModel(organization.getId());
    }

    public void save() {
        Organization current = scope.organization(organization.getId());
        OrganizationSettings settings = form.parse();
        if (settings == null) {
            return;
        }
        try {
            organization = organizations.update(current, settings);
            form = Form.of(organization);
            Messages.info("Organization updated.");
        } catch (DuplicateNameException e) {
            Messages.fieldError("org:name", e.getMessage());
        }
    }

    public void cancel() {
        organization = scope.organization(organization.getId());
        form = Form.of(organization);
        Messages.info("Changes discarded.");
    }

    public String expirationLabel(int minutes) {
        return MessageExpiration.describe(minutes);
    }

    public List<MessageExpiration> getExpirationChoices() {
        return MessageExpiration.choices();
    }

    public List<Integer> getSoundChoices() {
        return PrioritySoundLength.CHOICES;
    }

    public RetentionUnit[] getRetentionUnits() {
        return RetentionUnit.values();
    }

    public List<String> getTimeZones() {
        return TimeZones.choices();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Organization getOrganization() { return organization; }
    public Form getForm() { return form; }
    public List<User> getAdministrators() { return administrators; }
    public MembersModel getMembers() { return members; }

    /**
     * The editable fields as typed; {@link #parse()} turns them into settings or field messages.
     * No retention unit means message content is kept forever.
     */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;

        private String name;
        private String officeNumber;
        private String timeZone;
        private boolean wholeOrganizationMessaging;
        private boolean nonUserMessaging;
        private int messageExpirationMinutes;
        private Integer retentionAmount;
        private RetentionUnit retentionUnit;
        private int prioritySoundSeconds;

        static Form of(Organization org) {
            Form f = new Form();
            f.name = org.getName();
            f.officeNumber = org.getOfficeNumber();
            f.timeZone = org.getTimeZone();
            f.wholeOrganizationMessaging = org.isWholeOrganizationMessaging();
            f.nonUserMessaging = org.isNonUserMessaging();
            f.messageExpirationMinutes = org.getMessageExpirationMinutes();
            RetentionPeriod retention = org.retention();
            f.retentionAmount = retention == null ? null : retention.amount();
            f.retentionUnit = retention == null ? null : retention.unit();
            f.prioritySoundSeconds = org.getPrioritySoundSeconds();
            return f;
        }

        /** Returns the settings, or {@code null} after adding a message to each bad field. */
        OrganizationSettings parse() {
            boolean ok = true;
            RetentionPeriod retention = null;
            if (name == null || name.isBlank()) {
                Messages.fieldError("org:name", "Enter the organization's name.");
                ok = false;
            } else if (name.strip().length() > Organization.NAME_MAX) {
                Messages.fieldError("org:name", "The name can be at most " + Organization.NAME_MAX + " characters.");
                ok = false;
            }
            PhoneNumber office = OrganizationFields.officeNumber("org:officeNumber", officeNumber);
            java.time.ZoneId zone = OrganizationFields.timeZone("org:timeZone", timeZone);
            ok &= office != null && zone != null;
            if (!MessageExpiration.isValid(messageExpirationMinutes)) {
                Messages.fieldError("org:expiration", "Message expiration must be between 30 minutes and 30 days.");
                ok = false;
            }
            if (retentionUnit != null) {
                try {
                    retention = new RetentionPeriod(retentionAmount == null ? 0 : retentionAmount, retentionUnit);
                } catch (IllegalArgumentException e) {
                    Messages.fieldError("org:retentionAmount", e.getMessage());
                    ok = false;
                }
            }
            if (!PrioritySoundLength.isValid(prioritySoundSeconds)) {
                Messages.fieldError("org:sound", "Choose a sound length between 1 and 120 seconds.");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            return new OrganizationSettings(name, office, zone, wholeOrganizationMessaging, nonUserMessaging,
                    messageExpirationMinutes, retention, prioritySoundSeconds);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getOfficeNumber() { return officeNumber; }
        public void setOfficeNumber(String officeNumber) { this.officeNumber = officeNumber; }
        public String getTimeZone() { return timeZone; }
        public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
        public boolean isWholeOrganizationMessaging() { return wholeOrganizationMessaging; }
        public void setWholeOrganizationMessaging(boolean v) { this.wholeOrganizationMessaging = v; }
        public boolean isNonUserMessaging() { return nonUserMessaging; }
        public void setNonUserMessaging(boolean v) { this.nonUserMessaging = v; }
        public int getMessageExpirationMinutes() { return messageExpirationMinutes; }
        public void setMessageExpirationMinutes(int v) { this.messageExpirationMinutes = v; }
        public Integer getRetentionAmount() { return retentionAmount; }
        public void setRetentionAmount(Integer retentionAmount) { this.retentionAmount = retentionAmount; }
        public RetentionUnit getRetentionUnit() { return retentionUnit; }
        public void setRetentionUnit(RetentionUnit retentionUnit) { this.retentionUnit = retentionUnit; }
        public int getPrioritySoundSeconds() { return prioritySoundSeconds; }
        public void setPrioritySoundSeconds(int v) { this.prioritySoundSeconds = v; }
    }

    /** Members, paged by the database. */
    public static class MembersModel extends LazyDataModel<User> {
        private static final long serialVersionUID = 1L;
        private final long organizationId;

        MembersModel(long organizationId) {
            this.organizationId = organizationId;
        }

        private OrganizationService service() {
            return jakarta.enterprise.inject.spi.CDI.current().select(OrganizationService.class).get();
        }

        private Organization org() {
            return jakarta.enterprise.inject.spi.CDI.current().select(AdminScope.class).get().organization(organizationId);
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return service().countMembers(org());
        }

        @Override
        public List<User> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return service().members(org(), first, pageSize);
        }

        @Override
        public String getRowKey(User user) {
            return String.valueOf(user.getId());
        }

        @Override
        public User getRowData(String rowKey) {
            return null;
        }
    }
}
