package org.carebridge.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessageDelivery;
import org.carebridge.messaging.Receipts;
import org.carebridge.user.User;

/**
 * The badge copies of messages, each method one transaction: queuing them for the recipients
 * {@link BadgeRouting} sends to a badge, what a connector has to send, and what the connector
 * reports back (acknowledged, answered), recorded through {@link Receipts} as for an app.
 * {@link BadgeDispatch} does the sending on the sockets.
 */
@ApplicationScoped
public class BadgeDeliveries {

    private static final Logger LOG = Logger.getLogger(BadgeDeliveries.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    BadgeRoutes routes;

    @Inject
    Receipts receipts;

    /** A frame to send on the connector's socket, and the badge delivery it carries. */
    public record Outgoing(long badgeDeliveryId, String frame) { }

    /**
     * Queues the badge copies of a committed message for those of {@code recipientIds} routed to
     * a badge. Safe to repeat: a copy already queued for a badge is not queued twice.
     *
     * @return the organizations whose connectors have new copies to send
     */
    @Transactional
    public Set<Long> queue(long messageId, List<Long> recipientIds) {
        Message message = em.find(Message.class, messageId);
        Instant now = clock.instant();
        if (message == null || message.isExpired(now) || message.isContentPurged()) {
            return Set.of();
        }
        List<BadgeRoutes.Target> toBadges = routes.targets(message, recipientIds).stream()
                .filter(t -> t.route().reachesBadge()).toList();
        if (toBadges.isEmpty()) {
            return Set.of();
        }
        Set<Long> queued = new HashSet<>(em.createNamedQuery(BadgeDelivery.BADGE_USERS_OF_MESSAGE, Long.class)
                .setParameter("messageId", messageId).getResultList());
        Set<Long> organizations = new TreeSet<>();
        for (BadgeRoutes.Target target : toBadges) {
            User recipient = em.find(User.class, target.recipientId());
            for (User badge : target.badges()) {
                // A badge rings once per message, also when its user and the linked profile are both recipients.
                if (queued.add(badge.getId())) {
                    em.persist(new BadgeDelivery(message, recipient, badge, now));
                    organizations.add(badge.getOrganization().getId());
                }
            }
        }
        if (!organizations.isEmpty()) {
            LOG.fine(() -> "Message " + messageId + " queued for badges through the connectors of organizations "
                    + organizations);
        }
        return organizations;
    }

    /**
     * What the organization's connector has to send now, oldest message first: copies not sent
     * yet, and with {@code resendSentBefore} also those sent before that instant (on an earlier
     * connection) and never acknowledged. Expired messages, copies sent
     * {@link BadgeDelivery#MAX_SENDS} times and badge users a sync removed are left out.
     */
    @Transactional
    public List<Outgoing> due(long organizationId, Instant resendSentBefore, int limit) {
        Instant now = clock.instant();
        String unsent = "b.state = org.carebridge.integration.BadgeDeliveryState.PENDING";
        String resend = resendSentBefore == null ? "" : " or (b.state = org.carebridge.integration.BadgeDeliveryState.SENT"
                + " and b.sentAt < :before)";
        var query = em.createQuery("select b from BadgeDelivery b join b.message m where b.organization.id = :org"
                + " and (" + unsent + resend + ") and b.attempts < :max and m.expiresAt > :now"
                // A badge user a sync removed has no badge on premises any more (nor an external id).
                + " and m.contentPurgedAt is null and b.badgeUser.removedAt is null"
                + " order by m.sentAt, m.id, b.id", BadgeDelivery.class)
                .setParameter("org", organizationId).setParameter("max", BadgeDelivery.MAX_SENDS)
                .setParameter("now", now).setMaxResults(limit);
        if (resendSentBefore != null) {
            query.setParameter("before", resendSentBefore);
        }
        List<Outgoing> outgoing = new ArrayList<>();
        for (BadgeDelivery delivery : query.getResultList()) {
            outgoing.add(new Outgoing(delivery.getId(), frame(delivery)));
        }
        return outgoing;
    }

    /**
     * These copies went out on the socket. A bulk update, so it never conflicts with an
     * acknowledgement arriving at the same moment; a copy acknowledged meanwhile stays so.
     */
    @Transactional
    public void markSent(List<Long> badgeDeliveryIds) {
        if (badgeDeliveryIds.isEmpty()) {
            return;
        }
        em.createQuery("update BadgeDelivery b set b.state = org.carebridge.integration.BadgeDeliveryState.SENT,"
                + " b.attempts = b.attempts + 1, b.sentAt = :now where b.id in :ids"
                + " and b.state in (org.carebridge.integration.BadgeDeliveryState.PENDING,"
                + " org.carebridge.integration.BadgeDeliveryState.SENT)")
                .setParameter("now", clock.instant()).setParameter("ids", badgeDeliveryIds).executeUpdate();
    }

    /**
     * Copies whose message expired before any connector acknowledged them become UNDELIVERED, so
     * the queues the connectors read hold only live work. A bulk update: repeating it, or two
     * nodes doing it at once, changes nothing more.
     *
     * @return how many copies were closed
     */
    @Transactional
    public int closeExpired() {
        return em.createQuery("update BadgeDelivery b set b.state = org.carebridge.integration.BadgeDeliveryState.UNDELIVERED"
                + " where b.state in (org.carebridge.integration.BadgeDeliveryState.PENDING,"
                + " org.carebridge.integration.BadgeDeliveryState.SENT)"
                + " and b.message.id in (select m.id from Message m where m.expiresAt <= :now)")
                .setParameter("now", clock.instant()).executeUpdate();
    }

    /**
     * The connector of integration {@code integrationId} acknowledged the copy for
     * {@code externalId}: the recipient's delivery becomes DELIVERED. Repeats change nothing.
     */
    @Transactional
    public Optional<BadgeRefusal> acknowledge(long integrationId, String messageId, String externalId) {
        BadgeDelivery delivery = find(integrationId, messageId, externalId);
        if (delivery == null) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.UNKNOWN_MESSAGE));
        }
        if (delivery.acknowledged(clock.instant())) {
            receipts.deliveredToBadge(delivery.getMessage().getId(), delivery.getRecipient().getId());
        }
        return Optional.empty();
    }

    /**
     * A badge user's answer to a multiple-choice message, recorded as the answer of the
     * recipient the copy counts for (the native profile for a linked badge): once per recipient,
     * one of the offered choices, before the message expires. A refusal changes nothing.
     *
     * @throws org.carebridge.messaging.MessagingRefusedException when another answer for the
     *         recipient commits at the same moment; the transaction is rolled back
     */
    @Transactional
    public Optional<BadgeRefusal> answer(long integrationId, String messageId, String externalId, String choice) {
        BadgeDelivery delivery = find(integrationId, messageId, externalId);
        if (delivery == null) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.UNKNOWN_MESSAGE));
        }
        Message message = delivery.getMessage();
        Instant now = clock.instant();
        if (message.isContentPurged() || message.isExpired(now)) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.EXPIRED));
        }
        if (!message.isMultipleChoice()) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.NOT_MULTIPLE_CHOICE));
        }
        int position = message.getChoices().indexOf(choice.strip());
        if (position < 0) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.NOT_A_CHOICE));
        }
        long recipientId = delivery.getRecipient().getId();
        boolean answered = em.createNamedQuery(MessageDelivery.OF_RECIPIENT, MessageDelivery.class)
                .setParameter("messageId", message.getId()).setParameter("recipientId", recipientId).getResultList()
                .stream().anyMatch(MessageDelivery::isResponded);
        if (answered) {
            return Optional.of(BadgeRefusal.of(BadgeRefusal.Code.ALREADY_ANSWERED));
        }
        if (delivery.acknowledged(now)) {
            receipts.deliveredToBadge(message.getId(), recipientId);
        }
        receipts.respond(recipientId, message.getId(), position);
        delivery.answered(now);
        return Optional.empty();
    }

    /** The copy of message {@code messageId} for {@code externalId}, among the integration's organization's only. */
    private BadgeDelivery find(long integrationId, String messageId, String externalId) {
        long id;
        try {
            id = Long.parseLong(messageId);
        } catch (NumberFormatException e) {
            return null;
        }
        Integration integration = em.find(Integration.class, integrationId);
        if (integration == null) {
            return null;
        }
        return em.createNamedQuery(BadgeDelivery.OF_BADGE_USER, BadgeDelivery.class)
                .setParameter("organizationId", integration.getOrganization().getId()).setParameter("messageId", id)
                .setParameter("externalId", externalId).getResultStream().findFirst().orElse(null);
    }

    /** The {@code badge-message} frame (docs/sync-protocol.md, section 5). */
    static String frame(BadgeDelivery delivery) {
        Message message = delivery.getMessage();
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "badge-message")
                .add("messageId", String.valueOf(message.getId()))
                .add("conversationId", String.valueOf(message.getConversation().getId()))
                .add("externalId", delivery.getBadgeUser().getExternalId())
                .add("from", message.senderName())
                .add("fromOrganization", message.getSenderOrganization().getName())
                .add("text", message.getBody())
                .add("priority", message.getPriority().name())
                .add("expiresAt", message.getExpiresAt().toString());
        if (message.isMultipleChoice()) {
            JsonArrayBuilder choices = Json.createArrayBuilder();
            message.getChoices().forEach(choices::add);
            b.add("choices", choices);
        }
        return b.build().toString();
    }
}
