package org.carebridge.invitation;

import java.io.Serializable;

/**
 * "Only some users": the sub-group of the invited organization that the inviting organization
 * may reach, either one of its existing groups or a new one to create by name. Exactly one of
 * the two is given.
 */
public record GroupChoice(Long existingGroupId, String newGroupName) implements Serializable {

    public GroupChoice {
        boolean named = newGroupName != null && !newGroupName.isBlank();
        if (existingGroupId == null && !named) {
            throw new IllegalArgumentException("Choose an existing group or enter the name of a new one.");
        }
        if (existingGroupId != null && named) {
            throw new IllegalArgumentException("Choose an existing group or name a new one, not both.");
        }
        newGroupName = named ? newGroupName.strip() : null;
    }

    public static GroupChoice existing(long groupId) {
        return new GroupChoice(groupId, null);
    }

    public static GroupChoice named(String name) {
        return new GroupChoice(null, name);
    }

    public boolean isNew() {
        return existingGroupId == null;
    }
}
