package org.carebridge.user;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.device.Device;
import org.carebridge.device.DeviceService;
import org.carebridge.device.WipeState;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.TimeZones;
import org.carebridge.platform.web.Messages;
import org.carebridge.platform.web.ConsolePages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Update User Profile: the profile form, Reset PIN, the picture, Convert to, the user's groups,
 * linked accounts and devices. Every action loads the user again through {@link AdminScope}.
 */
@Named
@ViewScoped
public class UpdateUserPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter ACTIVITY = DateTimeFormatter.ofPattern("EEE MMM d, yyyy h:mm a z", Locale.US);

    @Inject
    transient AdminScope scope;

    @Inject
    transient UserService users;

    @Inject
    transient UserPins pins;

    @Inject
    transient DeviceService devices;

    @Inject
    transient CurrentAdmin admin;

    @Inject
    transient org.carebridge.integration.ImportedUsers imported;

    private String id;
    private User user;
    private Organization organization;
    private ProfileForm form;
    private boolean hasImage;
    private long imageVersion;
    private List<GroupRow> groups = List.of();
    private List<LinkedAccount> linkedAccounts = List.of();
    private List<DeviceRow> deviceRows = List.of();

    /** A line of the Groups section: a contacts group, or the organization itself (never removable). */
    public record GroupRow(Long groupId, String name, String type) implements Serializable {
        public boolean isRemovable() {
            return groupId != null;
        }
    }

    /** A synced account linked to this profile, with its badge and the status the connector reported. */
    public record LinkedAccount(Long userId, String organization, String externalId, String badgePhone, String status)
            implements Serializable {
    }

    /** A line of the User's Devices section, with the actions its state allows. */
    public record DeviceRow(Long id, String name, String status, String activity, boolean canDisable,
            boolean canEnable, boolean canWipe, boolean canDelete) implements Serializable {
    }

    public void load() throws IOException {
        try {
            user = scope.user(ConsolePages.parseId(id));
        } catch (NotInScopeException | NumberFormatException e) {
            ConsolePages.notFound();
            return;
        }
        if (user.getKind() == UserKind.EXTERNAL) {
            // Imported users have their own page: the on-premises system owns most of their profile.
            jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().redirect(
                    jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                            + "/console/user/imported.xhtml?id=" + user.getId());
            return;
        }
        organization = user.getOrganization();
        form = ProfileForm.of(user);
        refreshSections();
    }

    public void save() {
        try {
            UserService.Updated updated = users.update(current(), form);
            user = updated.user();
            form = ProfileForm.of(user);
            Messages.info("Profile updated.");
            if (updated.unlocked()) {
                Messages.info("The account is unlocked and the new PIN is set.");
            } else if (updated.pinChanged()) {
                Messages.info("The PIN was changed. The user is not notified; tell them the new PIN yourself.");
            }
        } catch (ProfileProblemsException e) {
            UserPages.showProblems("profile", e.problems());
            form.clearSecrets();
        } catch (DuplicateEmailException e) {
            Messages.fieldError("profile:email", e.getMessage());
            form.clearSecrets();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Messages.error(e.getMessage());
            form.clearSecrets();
        }
    }

    public void cancel() {
        user = current();
        form = ProfileForm.of(user);
        Messages.info("Changes discarded.");
    }

    public void resetPin() {
        try {
            pins.sendReset(current());
            Messages.info("A PIN reset e-mail has been sent to the user.");
        } catch (IllegalStateException e) {
            Messages.error(e.getMessage());
        }
    }

    /** "Convert to": the type changes at once; unsaved edits of other fields stay in the form. */
    public void convertTo(StaffType type) {
        user = users.convert(current(), type);
        form.setStaffType(user.getStaffType());
        Messages.info("User converted to " + user.getStaffType().label() + ".");
    }

    public void uploadImage(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        byte[] data = file == null ? null : file.getContent();
        String problem = UserProfileImage.problem(data);
        if (problem != null) {
            Messages.fieldError("imageForm:image", problem);
            return;
        }
        users.changeImage(current(), data);
        hasImage = true;
        imageVersion++;
        Messages.info("Profile image saved.");
    }

    public void removeFromGroup(GroupRow row) {
        if (!row.isRemovable()) {
            return;
        }
        try {
            users.removeFromGroup(current(), scope.group(row.groupId()));
            Messages.info(user.getSortName() + " was removed from the group " + row.name() + ".");
        } catch (NotInScopeException e) {
            Messages.error("That group no longer exists.");
        }
        refreshSections();
    }

    public void disableNotifications(DeviceRow row) {
        deviceAction(() -> devices.disableNotifications(current(), row.id()), "Notifications are off for " + row.name() + ".");
    }

    public void enableNotifications(DeviceRow row) {
        deviceAction(() -> devices.enableNotifications(current(), row.id()), "Notifications are on for " + row.name() + ".");
    }

    public void wipeDevice(DeviceRow row) {
        deviceAction(() -> devices.requestWipe(current(), row.id()),
                "Remote wipe requested for " + row.name() + ". It happens the next time the device connects.");
    }

    public void deleteDeviceInfo(DeviceRow row) {
        deviceAction(() -> devices.deleteInfo(current(), row.id()), "Device information for " + row.name() + " deleted.");
    }

    private void deviceAction(Runnable action, String done) {
        try {
            action.run();
            Messages.info(done);
        } catch (NotInScopeException e) {
            Messages.error("That device is no longer listed for this user.");
        } catch (IllegalStateException e) {
            Messages.error(e.getMessage());
        }
        refreshSections();
    }

    private User current() {
        return scope.user(user.getId());
    }

    /** The linked account the Unlink confirmation is about. */
    private Long unlinking;

    public void askUnlink(Long importedUserId) {
        unlinking = importedUserId;
    }

    /** Linked accounts: unlinks the account the administrator confirmed. */
    public void confirmUnlink() {
        Long importedUserId = unlinking;
        unlinking = null;
        try {
            imported.unlink(current(), importedUserId);
            Messages.info("Account unlinked. The person now shows twice in directories until linked again.");
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage());
        }
        refreshSections();
    }

    private void refreshSections() {
        hasImage = users.hasImage(user);
        List<GroupRow> rows = new ArrayList<>();
        rows.add(new GroupRow(null, organization.getName(), "Organization"));
        for (ContactGroup group : users.groupsOf(user)) {
            rows.add(new GroupRow(group.getId(), group.getName(), "Group"));
        }
        groups = rows;
        linkedAccounts = users.linkedAccounts(user).stream()
                .map(u -> new LinkedAccount(u.getId(), u.getOrganization().getName(), u.getExternalId(),
                        u.getBadgePhoneNumber(), BadgeStatus.describe(u.getBadgeStatus()))).toList();
        ZoneId zone = admin.user().timeZone();
        deviceRows = devices.devicesOf(user).stream().map(d -> row(d, zone)).toList();
    }

    private static DeviceRow row(Device d, ZoneId zone) {
        boolean notWiped = d.getWipeState() == WipeState.NONE;
        return new DeviceRow(d.getId(), d.getName(), d.statusText(), activity(d.getLastActivityAt(), zone),
                notWiped && d.isNotificationsEnabled(), notWiped && !d.isNotificationsEnabled(), notWiped,
                d.canDeleteInfo());
    }

    static String activity(Instant at, ZoneId zone) {
        return at == null ? "Never" : ACTIVITY.format(at.atZone(zone));
    }

    public boolean isSystemAdminEditable() {
        return admin.isSystemAdmin();
    }

    public boolean isExternal() {
        return user.getKind() == UserKind.EXTERNAL;
    }

    public boolean isLocked() {
        return user.isLocked();
    }

    /** Can Login choices: a locked account also offers its current state, so the page shows it. */
    public List<LoginState> getLoginStates() {
        return user.isLocked() ? List.of(LoginState.values()) : List.of(LoginState.ENABLED, LoginState.DISABLED);
    }

    public List<String> getTimeZones() {
        return TimeZones.choices();
    }

    public PresenceStatus[] getStatuses() {
        return PresenceStatus.values();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public User getUser() { return user; }
    public Organization getOrganization() { return organization; }
    public ProfileForm getForm() { return form; }
    public boolean isHasImage() { return hasImage; }
    public long getImageVersion() { return imageVersion; }
    public List<GroupRow> getGroups() { return groups; }
    public List<LinkedAccount> getLinkedAccounts() { return linkedAccounts; }
    public List<DeviceRow> getDeviceRows() { return deviceRows; }
}
