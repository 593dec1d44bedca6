package org.carebridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTrail;
import org.carebridge.events.EventLog;
import org.carebridge.events.EventType;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.outsider.Outsider;
import org.carebridge.messaging.outsider.OutsiderRecipients;
import org.carebridge.reachability.Reachability;
import org.carebridge.reachability.UserFilter;
import org.carebridge.user.User;

/**
 * Sending: starting conversations and writing into them. A message, its deliveries, the
 * participants' events and the audit line are stored in one transaction, so a message exists
 * for everybody or for nobody; delivery to sockets and push notifications follow after commit.
 * Non-users (people written to by e-mail or text message) get a copy each, whose notice goes out
 * after commit too; their replies come in through {@link #replyAsOutsider}.
 */
@ApplicationScoped
public class MessagingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Reachability reachability;

    @Inject
    RecipientResolver resolver;

    @Inject
    EventLog events;

    @Inject
    AuditTrail audit;

    @Inject
    Event<MessageSent> sent;

    @Inject
    OutsiderRecipients outsiderRecipients;

    /** A message and whether this request created it ({@code false}: a retry found it). */
    public record Sent(Message message, boolean created) {
    }

    /**
     * {@code senderId} starts a conversation with {@code recipients} (groups and organization
     * expanded to their members now) with a first message. A one-to-one conversation with the
     * same person continues the existing one instead of opening a second.
     */
    @Transactional
    public Sent start(long senderId, Recipients recipients, MessageDraft draft) {
        User sender = em.find(User.class, senderId);
        Optional<Message> earlier = sentBefore(senderId, draft.clientMessageId());
        if (earlier.isPresent()) {
            return retried(earlier.get(), null, draft);
        }
        List<Outsider> outsiders = outsiderRecipients.resolve(sender, recipients);
        List<User> others = resolver.resolve(sender, recipients);
        Conversation conversation = null;
        boolean namedOne = recipients.groups().isEmpty() && !recipients.organization();
        if (outsiders.isEmpty() && others.size() == 1 && namedOne) {
            conversation = directConversation(sender, others.get(0)).orElse(null);
        } else if (others.isEmpty() && outsiders.size() == 1 && namedOne) {
            conversation = directConversation(sender, outsiders.get(0)).orElse(null);
        }
        if (conversation == null) {
            conversation = new Conversation(sender, others, outsiders, clock.instant());
            em.persist(conversation);
        }
        return new Sent(deliver(conversation, sender, draft), true);
    }

    /** {@code senderId}, a participant, writes into conversation {@code conversationId}. */
    @Transactional
    public Sent send(long senderId, long conversationId, MessageDraft draft) {
        User sender = em.find(User.class, senderId);
        Conversation conversation = conversationOf(sender, conversationId);
        Optional<Message> earlier = sentBefore(senderId, draft.clientMessageId());
        if (earlier.isPresent()) {
            return retried(earlier.get(), conversation, draft);
        }
        // One audience and one query for everyone, however many take part.
        Set<Long> others = new HashSet<>();
        conversation.getParticipants().forEach(p -> others.add(p.getUser().getId()));
        others.remove(senderId);
        Set<Long> reachable = new HashSet<>(reachability.userIds(reachability.audienceOf(sender), senderId,
                UserFilter.ALL.only(others)));
        List<Long> unreachable = others.stream().filter(id -> !reachable.contains(id)).sorted().toList();
        if (!unreachable.isEmpty()) {
            // The one rule for everyone who left the sender's directory (permissions, affiliations,
            // a sync that removed a badge user): the history stays, new messages need a new conversation.
            List<String> names = conversation.getParticipants().stream().map(ConversationParticipant::getUser)
                    .filter(u -> unreachable.contains(u.getId())).map(User::getDisplayName).sorted().toList();
            throw new MessagingRefusedException(Reason.NOT_REACHABLE, "You can no longer write to "
                    + String.join(", ", names) + " in this conversation: "
                    + (names.size() == 1 ? "they are" : "these people are")
                    + " not in your directory any more. Start a new conversation.",
                    unreachable, List.of());
        }
        outsiderRecipients.checkMayWrite(sender, conversation);
        return new Sent(deliver(conversation, sender, draft), true);
    }

    /** The message {@code senderId} sent with {@code clientMessageId}, if any: how a retry finds its first try. */
    @Transactional
    public Optional<Message> sentBefore(long senderId, String clientMessageId) {
        if (clientMessageId == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class).setParameter("senderId", senderId)
                .setParameter("clientMessageId", clientMessageId).getResultList().stream().findFirst();
    }

    /** A conversation {@code user} takes part in; any other id is "not found", whoever it belongs to. */
    public Conversation conversationOf(User user, long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null || !conversation.isParticipant(user)) {
            throw new MessagingRefusedException(Reason.NOT_FOUND, "No such conversation.");
        }
        return conversation;
    }

    private Sent retried(Message earlier, Conversation conversation, MessageDraft draft) {
        boolean sameConversation = conversation == null
                || earlier.getConversation().getId().equals(conversation.getId());
        if (!sameConversation || !draft.describes(earlier)) {
            throw new MessagingRefusedException(Reason.CLIENT_ID_REUSED,
                    "This client message id already names another message; choose a new id for a new message.");
        }
        return new Sent(earlier, false);
    }

    private Optional<Conversation> directConversation(User sender, User other) {
        return em.createQuery("select c from Conversation c join c.participants a join c.participants b"
                        + " where a.user.id = :a and b.user.id = :b and size(c.participants) = 2"
                        + " and size(c.outsiders) = 0 order by c.lastMessageAt desc", Conversation.class)
                .setParameter("a", sender.getId()).setParameter("b", other.getId()).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    private Message deliver(Conversation conversation, User sender, MessageDraft draft) {
        Instant now = clock.instant();
        Message message;
        try {
            message = new Message(conversation, sender, draft.clientMessageId(), draft.text(), draft.priority(),
                    draft.choices(), now);
        } catch (IllegalArgumentException e) {
            throw new MessagingRefusedException(Reason.INVALID, e.getMessage());
        }
        em.persist(message);
        List<Long> recipients = new ArrayList<>();
        for (ConversationParticipant participant : conversation.getParticipants()) {
            User recipient = participant.getUser();
            if (!recipient.getId().equals(sender.getId())) {
                em.persist(message.deliverTo(recipient));
                recipients.add(recipient.getId());
            }
        }
        List<Long> outsiders = deliverToOutsiders(message, now);
        // Ids for the events; a concurrent retry with the same client id fails here, before any event.
        em.flush();
        List<Long> everyone = new ArrayList<>(recipients);
        everyone.add(sender.getId());
        events.append(everyone, EventType.MESSAGE, conversation.getId(), message.getId(), null);
        audit.recordMessageEvent(sender, sender.getOrganization(), AuditAction.MESSAGE_SENT, message.getId(),
                conversation.getId(), describe(message, recipients.size(), outsiders.size()));
        sent.fire(new MessageSent(message.getId(), conversation.getId(), recipients, message.getPriority(),
                sender.getOrganization().getPrioritySoundSeconds(), outsiders, null));
        return message;
    }

    // --- non-users -------------------------------------------------------------------------

    /** The conversation {@code sender} has with {@code outsider} alone, if any: writing again continues it. */
    private Optional<Conversation> directConversation(User sender, Outsider outsider) {
        return em.createQuery("select c from Conversation c join c.participants a join c.outsiders o"
                        + " where a.user.id = :a and o.outsider.id = :o and size(c.participants) = 1"
                        + " and size(c.outsiders) = 1 order by c.lastMessageAt desc", Conversation.class)
                .setParameter("a", sender.getId()).setParameter("o", outsider.getId()).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /**
     * A copy of {@code message} for every non-user of its conversation but its sender; each copy's
     * notice (a mail or text message with a link) goes out after commit.
     *
     * @return the ids of the non-users it went to
     */
    private List<Long> deliverToOutsiders(Message message, Instant now) {
        List<Long> outsiders = new ArrayList<>();
        for (ConversationOutsider taking : message.getConversation().getOutsiders()) {
            Outsider outsider = taking.getOutsider();
            if (!Outsider.same(outsider, message.getSenderOutsider())) {
                em.persist(message.deliverTo(outsider, now));
                outsiders.add(outsider.getId());
            }
        }
        return outsiders;
    }

    /**
     * Non-user {@code outsiderId}, on the page a link opened, replies into conversation
     * {@code conversationId}: plain text to every user of the conversation (deliveries, events,
     * push, audit as for any message) and to its other non-users (each gets a notice with a new
     * link). Refused once the organization that wrote to them no longer allows messages to non-users.
     */
    @Transactional
    public Sent replyAsOutsider(long outsiderId, long conversationId, MessageDraft draft) {
        Outsider outsider = em.find(Outsider.class, outsiderId);
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (outsider == null || conversation == null || !conversation.isOutsider(outsider)) {
            throw new MessagingRefusedException(Reason.NOT_FOUND, "No such conversation.");
        }
        if (!outsider.isAllowed()) {
            throw new MessagingRefusedException(Reason.NON_USERS_NOT_ALLOWED,
                    "Replies from this page are no longer accepted.");
        }
        if (draft.clientMessageId() != null) {
            Optional<Message> earlier = em.createNamedQuery(Message.BY_OUTSIDER_CLIENT_ID, Message.class)
                    .setParameter("outsiderId", outsiderId).setParameter("clientMessageId", draft.clientMessageId())
                    .getResultList().stream().findFirst();
            if (earlier.isPresent()) {
                return retried(earlier.get(), conversation, draft);
            }
        }
        if (!draft.choices().isEmpty() || draft.priority() != MessagePriority.NORMAL) {
            throw new MessagingRefusedException(Reason.INVALID, "A reply from this page is plain text.");
        }
        Instant now = clock.instant();
        Message message;
        try {
            message = new Message(conversation, outsider, draft.clientMessageId(), draft.text(), now);
        } catch (IllegalArgumentException e) {
            throw new MessagingRefusedException(Reason.INVALID, e.getMessage());
        }
        em.persist(message);
        List<Long> recipients = new ArrayList<>();
        for (ConversationParticipant participant : conversation.getParticipants()) {
            em.persist(message.deliverTo(participant.getUser()));
            recipients.add(participant.getUser().getId());
        }
        List<Long> outsiders = deliverToOutsiders(message, now);
        em.flush();
        events.append(recipients, EventType.MESSAGE, conversation.getId(), message.getId(), null);
        audit.recordOutsiderMessageEvent(outsider.auditLabel(), outsider.getOrganization(),
                AuditAction.NON_USER_REPLIED, message.getId(), conversation.getId(),
                describe(message, recipients.size(), outsiders.size()));
        sent.fire(new MessageSent(message.getId(), conversation.getId(), recipients, message.getPriority(),
                outsider.getOrganization().getPrioritySoundSeconds(), outsiders, outsiderId));
        return new Sent(message, true);
    }

    private static String describe(Message message, int recipients, int outsiders) {
        StringBuilder sb = new StringBuilder(message.getPriority().label()).append(" message to ").append(recipients)
                .append(recipients == 1 ? " recipient" : " recipients");
        if (outsiders > 0) {
            sb.append(" and ").append(outsiders).append(outsiders == 1 ? " non-user" : " non-users");
        }
        if (message.isMultipleChoice()) {
            sb.append(", ").append(message.getChoices().size()).append(" answers offered");
        }
        return sb.append(", expires ").append(message.getExpiresAt()).toString();
    }
}
