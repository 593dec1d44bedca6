package org.carebridge.invitation;

import java.io.Serializable;

/** An organization offered by the type-ahead of Invite Existing Organization. */
public record OrganizationOption(long id, String name) implements Serializable {
}
