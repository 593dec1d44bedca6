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
    MESSAGE_EXPIRED("message.expired", "Message expired");

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
