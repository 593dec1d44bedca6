package org.carebridge.invitation;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.mail.MailLayout;
import org.carebridge.platform.web.Messages;

/**
 * The "Invite Existing Organization" section of Update Organization: a type-ahead on the names
 * of organizations that may be invited, the Invite button, and the organization's invitations
 * still waiting for an answer. It has its own bean so that the page's other sections stay
 * independent of it; like the page, it takes the organization from the {@code id} parameter
 * through {@link AdminScope}.
 */
@Named
@ViewScoped
public class InviteOrganizationSection implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AdminScope scope;

    @Inject
    transient CurrentAdmin admin;

    @Inject
    transient AffiliationInvitations invitations;

    /** {@code null} when the page names no organization the administrator may act on. */
    private Long organizationId;
    private OrganizationOption selected;
    /** The latest suggestions: the only organizations the type-ahead's choice is resolved against. */
    private List<OrganizationOption> suggestions = new ArrayList<>();
    private List<Row> pending = List.of();

    /** One line of the pending list, with its times on the administrator's clock. */
    public record Row(long id, String organizationName, String sent, String expires) implements Serializable {
    }

    @PostConstruct
    void init() {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            Long id = requested == null || requested.isBlank() ? null : Long.valueOf(requested.strip());
            organizationId = scope.organization(id).getId();
        } catch (NumberFormatException | NotInScopeException e) {
            // The page itself answers "Not found"; this section simply has nothing to show.
            organizationId = null;
            return;
        }
        refresh();
    }

    public List<OrganizationOption> complete(String text) {
        suggestions = new ArrayList<>(invitations.invitable(organizationId, text));
        return suggestions;
    }

    public void invite() {
        if (selected == null) {
            Messages.fieldError("invite:organization",
                    "Type part of a name and choose an organization from the suggestions.");
            return;
        }
        try {
            OrganizationInvitation sent = invitations.invite(scope.organization(organizationId), selected.id(),
                    admin.user());
            Messages.info("The invitation has been mailed to the administrators of "
                    + sent.getInvitedOrganization().getName() + ". It stays pending until one of them accepts it.");
            selected = null;
            refresh();
        } catch (InvitationRefusedException e) {
            Messages.fieldError("invite:organization", e.getMessage());
        }
    }

    /** Withdraws one pending invitation; its link stops working. */
    public void withdraw(long invitationId) {
        try {
            invitations.withdraw(organizationId, invitationId, admin.user());
            Messages.info("The invitation has been withdrawn; its link no longer works.");
        } catch (UnusableInvitationException e) {
            Messages.error("That invitation was already answered, replaced or has expired; nothing was changed.");
        }
        refresh();
    }

    private void refresh() {
        ZoneId zone = admin.user().timeZone();
        pending = invitations.pendingFrom(organizationId).stream()
                .map(p -> new Row(p.id(), p.invitedName(), MailLayout.dateTime(p.sentAt(), zone),
                        MailLayout.dateTime(p.expiresAt(), zone)))
                .toList();
    }

    public boolean isAvailable() {
        return organizationId != null;
    }

    /** Turns a suggestion into the autocomplete's item value and back. */
    public Converter<OrganizationOption> getConverter() {
        return new Converter<>() {
            @Override
            public OrganizationOption getAsObject(FacesContext context, UIComponent component, String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                return suggestions.stream().filter(o -> String.valueOf(o.id()).equals(value)).findFirst().orElse(null);
            }

            @Override
            public String getAsString(FacesContext context, UIComponent component, OrganizationOption value) {
                return value == null ? "" : String.valueOf(value.id());
            }
        };
    }

    public OrganizationOption getSelected() { return selected; }
    public void setSelected(OrganizationOption selected) { this.selected = selected; }
    public List<Row> getPending() { return pending; }
}
