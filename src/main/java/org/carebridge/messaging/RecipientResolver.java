package org.carebridge.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.group.ContactGroup;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.reachability.Audience;
import org.carebridge.reachability.Reachability;
import org.carebridge.reachability.UserFilter;
import org.carebridge.user.User;

/**
 * Turns the recipients a client named into the users who receive the message, through
 * {@link Reachability} — the same rule as the directory: users the sender may reach, groups the
 * directory offers the sender as a whole (expanded to their members now), and the sender's own
 * organization when it allows whole-organization messages. One unreachable or unknown id refuses
 * the whole request, naming every such id, so nothing is half sent.
 */
@ApplicationScoped
public class RecipientResolver {

    @PersistenceContext
    EntityManager em;

    @Inject
    Reachability reachability;

    /**
     * The users among the recipients other than {@code sender}, in a stable order, each once;
     * empty when only non-users are named (those are resolved by {@code OutsiderRecipients}).
     */
    public List<User> resolve(User sender, Recipients recipients) {
        if (recipients == null || recipients.isEmpty()) {
            throw new MessagingRefusedException(Reason.INVALID, "Choose at least one person or group to write to.");
        }
        if (!recipients.namesUsers()) {
            return List.of();
        }
        if (recipients.users().size() + recipients.groups().size() > Recipients.MAX_NAMED) {
            throw new MessagingRefusedException(Reason.INVALID,
                    "Name at most " + Recipients.MAX_NAMED + " people and groups; use a group for more.");
        }
        Audience audience = reachability.audienceOf(sender);
        Map<Long, User> chosen = new LinkedHashMap<>();
        List<Long> unreachableUsers = new ArrayList<>();
        Set<Long> named = new HashSet<>(recipients.users());
        named.remove(sender.getId());
        if (!named.isEmpty()) {
            List<Long> reachable = reachability.userIds(audience, sender.getId(), UserFilter.ALL.only(named));
            for (Long id : recipients.users()) {
                if (id.equals(sender.getId())) {
                    continue;
                }
                if (reachable.contains(id)) {
                    chosen.putIfAbsent(id, em.find(User.class, id));
                } else if (!unreachableUsers.contains(id)) {
                    unreachableUsers.add(id);
                }
            }
        }
        List<Long> unreachableGroups = new ArrayList<>();
        if (!recipients.groups().isEmpty()) {
            Map<Long, ContactGroup> addressable = new LinkedHashMap<>();
            reachability.addressableGroups(audience).forEach(g -> addressable.put(g.getId(), g));
            for (Long id : recipients.groups()) {
                ContactGroup group = addressable.get(id);
                if (group == null) {
                    if (!unreachableGroups.contains(id)) {
                        unreachableGroups.add(id);
                    }
                    continue;
                }
                reachability.groupMembers(group).forEach(member -> chosen.putIfAbsent(member.getId(), member));
            }
        }
        if (!unreachableUsers.isEmpty() || !unreachableGroups.isEmpty()) {
            throw new MessagingRefusedException(Reason.NOT_REACHABLE, describe(unreachableUsers, unreachableGroups),
                    unreachableUsers, unreachableGroups);
        }
        if (recipients.organization()) {
            if (!sender.getOrganization().isWholeOrganizationMessaging()) {
                throw new MessagingRefusedException(Reason.NOT_REACHABLE,
                        "Your organization does not allow messages to the whole organization.");
            }
            reachability.organizationMembers(sender.getOrganization().getId())
                    .forEach(u -> chosen.putIfAbsent(u.getId(), u));
        }
        chosen.remove(sender.getId());
        if (chosen.isEmpty() && !recipients.namesNonUsers()) {
            throw new MessagingRefusedException(Reason.INVALID, "Nobody but you would receive this message.");
        }
        return new ArrayList<>(chosen.values());
    }

    private static String describe(List<Long> users, List<Long> groups) {
        StringBuilder sb = new StringBuilder("You cannot write to ");
        if (!users.isEmpty()) {
            sb.append(users.size() == 1 ? "user " : "users ").append(join(users));
        }
        if (!groups.isEmpty()) {
            sb.append(users.isEmpty() ? "" : " and ").append(groups.size() == 1 ? "group " : "groups ")
                    .append(join(groups));
        }
        return sb.append(": they are not in your directory.").toString();
    }

    private static String join(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
