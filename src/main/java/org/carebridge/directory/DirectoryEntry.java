package org.carebridge.directory;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of a client's directory: a person (native user, or external user synced from a
 * badge system), a group that may be addressed as a whole, or the caller's whole organization.
 * Only what a colleague may see; never the private cell number, e-mail or anything of the login.
 */
@Schema(name = "DirectoryEntry", description = "A person, group or organization the caller may address")
public record DirectoryEntry(
        @Schema(description = "Id of the user, group or organization (unique within its kind)", example = "1050")
        long id,
        @Schema(description = "native, external (synced badge user), group or organization",
                enumeration = {"native", "external", "group", "organization"}, example = "native")
        String kind,
        @Schema(description = "Name as the directory shows it", example = "Dr. Jane Q. Doe, MD")
        String name,
        @Schema(example = "Jane") String firstName,
        @Schema(example = "Doe") String lastName,
        @Schema(example = "Janie") String nickname,
        @Schema(example = "Dr.") String title,
        @Schema(example = "MD") String credentials,
        @Schema(example = "Hospitalist") String jobTitle,
        @Schema(example = "1000") Long organizationId,
        @Schema(example = "Riverside General Hospital") String organizationName,
        @Schema(description = "Presence of a person: Available, Busy, Unavailable or None", example = "Available")
        String status,
        @Schema(description = "Whether the caller marked this person as favorite (people only)")
        Boolean favorite) {

    public static final String NATIVE = "native";
    public static final String EXTERNAL = "external";
    public static final String GROUP = "group";
    public static final String ORGANIZATION = "organization";

    static DirectoryEntry of(User user, boolean favorite) {
        Organization org = user.getOrganization();
        return new DirectoryEntry(user.getId(), user.getKind() == UserKind.EXTERNAL ? EXTERNAL : NATIVE,
                user.getDisplayName(), user.getFirstName(), user.getLastName(), user.getNickname(), user.getTitle(),
                user.getCredentials(), user.getJobTitle(), org.getId(), org.getName(), user.getStatus().label(),
                favorite);
    }

    static DirectoryEntry of(ContactGroup group) {
        Organization org = group.getOrganization();
        return new DirectoryEntry(group.getId(), GROUP, group.getName(), null, null, null, null, null, null,
                org.getId(), org.getName(), null, null);
    }

    static DirectoryEntry of(Organization org) {
        return new DirectoryEntry(org.getId(), ORGANIZATION, org.getName(), null, null, null, null, null, null,
                org.getId(), org.getName(), null, null);
    }
}
