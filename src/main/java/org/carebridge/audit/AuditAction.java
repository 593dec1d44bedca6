package org.carebridge.audit;

/**
 * What an audit event records, with the words the Audit page shows. The code is what is
 * stored, so renaming a label never rewrites history; add new actions at the end of their area.
 */
public enum AuditAction {

    ORGANIZATION_CREATED("organization.created", "Organization created"),
    ORGANIZATION_UPDATED("organization.updated", "Organization updated"),
    PRACTICE_CREATED("practice.created", "Practice created"),

    AFFILIATION_INVITED("affiliation.invited", "Organization invited"),
    AFFILIATION_ACCEPTED("affiliation.accepted", "Affiliation accepted"),
    AFFILIATION_PERMISSIONS_CHANGED("affiliation.permissions", "Association permissions changed"),
    AFFILIATION_ENDED("affiliation.ended", "Affiliation deleted"),
    AFFILIATION_INVITATION_WITHDRAWN("affiliation.withdrawn", "Organization invitation withdrawn"),

    GROUP_CREATED("group.created", "Group created"),
    GROUP_UPDATED("group.updated", "Group updated"),
    GROUP_MEMBERS_ADDED("group.members-added", "Group members added"),
    GROUP_MEMBERS_REMOVED("group.members-removed", "Group members removed"),

    USER_CREATED("user.created", "User created"),
    USER_UPDATED("user.updated", "User profile updated"),
    USER_TYPE_CONVERTED("user.converted", "User type converted"),
    USER_PIN_CHANGED("user.pin-changed", "PIN changed"),
    USER_PIN_RESET_SENT("user.pin-reset-sent", "PIN reset e-mail sent"),
    USER_UNLOCKED("user.unlocked", "User unlocked"),
    USER_IMAGE_CHANGED("user.image", "Profile image changed"),
    USER_REGISTERED("user.registered", "User registered"),
    USER_LOCKED("user.locked", "Account locked after wrong PINs"),
    USER_SESSIONS_REVOKED("user.sessions-revoked", "Client sessions ended"),

    DEVICE_NOTIFICATIONS_DISABLED("device.push-off", "Device notifications disabled"),
    DEVICE_NOTIFICATIONS_ENABLED("device.push-on", "Device notifications enabled"),
    DEVICE_WIPE_REQUESTED("device.wipe", "Device wipe requested"),
    DEVICE_DELETED("device.deleted", "Device information deleted"),
    DEVICE_WIPED("device.wiped", "Device wipe confirmed"),

    INVITATIONS_SENT("invitation.sent", "Users invited"),
    INVITATION_RESENT("invitation.resent", "Invitation resent"),
    INVITATION_DELETED("invitation.deleted", "Invitation deleted"),

    MESSAGE_SENT("message.sent", "Message sent"),
    MESSAGE_DELIVERED("message.delivered", "Message delivered"),
    MESSAGE_READ("message.read", "Message read"),
    MESSAGE_RESPONDED("message.responded", "Message answered"),
    MESSAGE_EXPIRED("message.expired", "Message expired"),

    // Retention purge (messaging/retention): one line per organization per run, metadata only.
    RETENTION_PURGE_RUN("retention.purged", "Message content purged"),
    RETENTION_PURGE_INTERRUPTED("retention.interrupted", "Message purge interrupted"),

    // On-premises integration
    INTEGRATION_ENABLED("integration.enabled", "Integration enabled"),
    INTEGRATION_KEY_REGENERATED("integration.regenerated", "Integration key regenerated"),
    INTEGRATION_DISABLED("integration.disabled", "Integration disabled"),
    INTEGRATION_SYNC_REQUESTED("integration.sync-requested", "User sync requested"),
    USERS_IMPORTED("integration.imported", "Users imported"),
    IMPORT_FAILED("integration.import-failed", "User import failed"),
    IMPORTED_USER_RENAMED("integration.user-renamed", "Imported user renamed"),
    USER_LINKED("integration.linked", "Imported user linked"),
    USER_UNLINKED("integration.unlinked", "Imported user unlinked"),

    // Telephony: masked calls (metadata only, never a private number)
    CALL_REQUESTED("call.requested", "Call requested"),

    // Integration: a native profile for an imported user, by invitation
    LINK_INVITED("integration.link-invited", "Imported user invited to a profile"),

    // Messages to non-users (e-mail / text message): metadata only, never an address or a link
    NON_USER_NOTIFIED("message.non-user-notified", "Non-user notified"),
    NON_USER_NOTICE_FAILED("message.non-user-notice-failed", "Non-user notice failed"),
    NON_USER_READ("message.non-user-read", "Message read by non-user"),
    NON_USER_ANSWERED("message.non-user-answered", "Message answered by non-user"),
    NON_USER_REPLIED("message.non-user-replied", "Non-user replied");

    private final String code;
    private final String label;

    AuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    /** The action stored as {@code code}, or {@code null} for codes this version does not know. */
    public static AuditAction ofCode(String code) {
        for (AuditAction action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        return null;
    }
}
