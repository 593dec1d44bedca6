package org.carebridge.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.carebridge.messaging.DeliveryRoute;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessageOrigin;
import org.carebridge.messaging.RecipientRoutes;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * Applies {@link BadgeRouting} to the recipients of a stored message: reads which recipients are
 * external users or have linked external profiles, whether they ever signed in to a client, and
 * what on-premises system their organization's enabled integration talks to.
 */
@ApplicationScoped
public class BadgeRoutes implements RecipientRoutes {

    /** Ids per query; a whole-organization message names thousands of recipients. */
    static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    /**
     * One recipient's route, and the badges (external users: the recipient itself, or the
     * profiles linked to a native recipient) that ring when the route reaches a badge.
     */
    public record Target(long recipientId, DeliveryRoute route, List<User> badges) {

        public Target {
            badges = List.copyOf(badges);
        }
    }

    @Override
    @Transactional
    public Map<Long, DeliveryRoute> routes(long messageId, Collection<Long> recipientIds) {
        Message message = em.find(Message.class, messageId);
        Map<Long, DeliveryRoute> routes = new LinkedHashMap<>();
        if (message != null) {
            for (Target target : targets(message, recipientIds)) {
                if (target.route() != DeliveryRoute.APP) {
                    routes.put(target.recipientId(), target.route());
                }
            }
        }
        return routes;
    }

    /** The recipients among {@code recipientIds} that have a badge, each with its route; the others get the app only. */
    @Transactional(TxType.MANDATORY)
    public List<Target> targets(Message message, Collection<Long> recipientIds) {
        Set<Long> recipients = new LinkedHashSet<>(recipientIds);
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<User> badgeUsers = new ArrayList<>();
        List<Long> ids = List.copyOf(recipients);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            badgeUsers.addAll(em.createQuery("select u from User u left join u.linkedUser l"
                    + " where u.kind = org.carebridge.user.UserKind.EXTERNAL and (u.id in :ids or l.id in :ids)"
                    + " order by u.id", User.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList());
        }
        if (badgeUsers.isEmpty()) {
            return List.of();
        }
        Map<Long, List<User>> badgesOf = new LinkedHashMap<>();
        for (User badge : badgeUsers) {
            if (recipients.contains(badge.getId())) {
                badgesOf.computeIfAbsent(badge.getId(), k -> new ArrayList<>()).add(badge);
            }
            User linked = badge.getLinkedUser();
            if (linked != null && recipients.contains(linked.getId())) {
                badgesOf.computeIfAbsent(linked.getId(), k -> new ArrayList<>()).add(badge);
            }
        }
        Map<Long, SystemKind> systems = systemKinds(badgeUsers);
        MessageOrigin origin = MessageOrigin.of(message);
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<Long, List<User>> entry : badgesOf.entrySet()) {
            User recipient = em.find(User.class, entry.getKey());
            boolean linked = recipient.getKind() == UserKind.EXTERNAL ? recipient.getLinkedUser() != null
                    : !entry.getValue().isEmpty();
            BadgeRouting.Recipient who = new BadgeRouting.Recipient(recipient.getKind(), linked,
                    recipient.hasSignedInToClient());
            SystemKind system = systems.get(recipient.getOrganization().getId());
            targets.add(new Target(recipient.getId(), BadgeRouting.route(who, system, origin), entry.getValue()));
        }
        return targets;
    }

    /** The on-premises system of each organization of these badge users whose integration is enabled. */
    private Map<Long, SystemKind> systemKinds(List<User> badgeUsers) {
        Set<Long> organizations = new LinkedHashSet<>();
        badgeUsers.forEach(u -> organizations.add(u.getOrganization().getId()));
        Map<Long, SystemKind> systems = new HashMap<>();
        em.createQuery("select i from Integration i where i.enabled = true and i.organization.id in :organizations",
                Integration.class).setParameter("organizations", organizations).getResultList()
                .forEach(i -> systems.put(i.getOrganization().getId(), i.getSystemKind()));
        return systems;
    }
}
