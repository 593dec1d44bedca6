package org.carebridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.MessagingViews.ConversationPage;
import org.carebridge.messaging.MessagingViews.ConversationSummary;
import org.carebridge.messaging.MessagingViews.MessagePage;
import org.carebridge.messaging.MessagingViews.MessageView;
import org.carebridge.messaging.MessagingViews.NonUser;
import org.carebridge.messaging.MessagingViews.Person;
import org.carebridge.messaging.MessagingViews.Preview;
import org.carebridge.user.User;

/**
 * What a user reads: their conversations, newest activity first, with unread counts; one
 * conversation's history page by page; one message. Only conversations the user takes part in,
 * and never a message past its expiry. A page costs a fixed handful of queries.
 */
@ApplicationScoped
public class ConversationQueries {

    public static final int DEFAULT_PAGE = 30;
    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MessageViewer viewer;

    @Inject
    MessagingService messaging;

    /** The user's conversations with at least one unexpired message, newest first. */
    @Transactional
    public ConversationPage conversations(long userId, String cursor, Integer limit) {
        int max = pageSize(limit);
        TimeCursor after = TimeCursor.decode(cursor);
        Instant now = clock.instant();
        StringBuilder jpql = new StringBuilder("select c from Conversation c join c.participants p"
                + " where p.user.id = :user and exists (select m.id from Message m where m.conversation = c"
                + " and m.expiresAt > :now)");
        if (after != null) {
            jpql.append(" and (c.lastMessageAt < :at or (c.lastMessageAt = :at and c.id < :id))");
        }
        jpql.append(" order by c.lastMessageAt desc, c.id desc");
        TypedQuery<Conversation> query = em.createQuery(jpql.toString(), Conversation.class)
                .setParameter("user", userId).setParameter("now", now);
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Conversation> page = query.setMaxResults(max + 1).getResultList();
        boolean more = page.size() > max;
        page = more ? page.subList(0, max) : page;
        if (page.isEmpty()) {
            return new ConversationPage(List.of(), null);
        }
        List<ConversationSummary> summaries = summaries(userId, page, now);
        Conversation tail = page.get(page.size() - 1);
        return new ConversationPage(summaries,
                more ? new TimeCursor(tail.getLastMessageAt(), tail.getId()).encode() : null);
    }

    /** One conversation of the user, as it appears in their list. */
    @Transactional
    public ConversationSummary conversation(long userId, long conversationId) {
        User me = em.find(User.class, userId);
        Conversation c = messaging.conversationOf(me, conversationId);
        return summaries(userId, List.of(c), clock.instant()).get(0);
    }

    /** The conversations as {@code userId}'s list shows them: a fixed handful of queries for the whole page. */
    private List<ConversationSummary> summaries(long userId, List<Conversation> page, Instant now) {
        List<Long> ids = page.stream().map(Conversation::getId).toList();
        Map<Long, List<Person>> participants = participants(ids);
        Map<Long, List<NonUser>> nonUsers = nonUsers(ids);
        Map<Long, Message> newest = newestMessages(ids, now);
        Map<Long, long[]> unread = unread(userId, ids, now);
        List<ConversationSummary> summaries = new ArrayList<>();
        for (Conversation c : page) {
            Message last = newest.get(c.getId());
            long[] counts = unread.getOrDefault(c.getId(), new long[2]);
            summaries.add(new ConversationSummary(c.getId(), participants.getOrDefault(c.getId(), List.of()),
                    c.getStartedBy().getId(), c.getLastMessageAt(), last == null ? null : Preview.of(last),
                    counts[0], counts[1] > 0, nonUsers.getOrDefault(c.getId(), List.of())));
        }
        return summaries;
    }

    /** A page of unexpired messages, the newest page first; within a page oldest first. */
    @Transactional
    public MessagePage history(long userId, long conversationId, String before, Integer limit) {
        User me = em.find(User.class, userId);
        Conversation c = messaging.conversationOf(me, conversationId);
        int max = pageSize(limit);
        TimeCursor cursor = TimeCursor.decode(before);
        StringBuilder jpql = new StringBuilder("select m from Message m left join fetch m.sender s left join fetch s.organization"
                + " where m.conversation.id = :conversation and m.expiresAt > :now");
        if (cursor != null) {
            jpql.append(" and (m.sentAt < :at or (m.sentAt = :at and m.id < :id))");
        }
        jpql.append(" order by m.sentAt desc, m.id desc");
        TypedQuery<Message> query = em.createQuery(jpql.toString(), Message.class)
                .setParameter("conversation", c.getId()).setParameter("now", clock.instant());
        if (cursor != null) {
            query.setParameter("at", cursor.at()).setParameter("id", cursor.id());
        }
        List<Message> newestFirst = query.setMaxResults(max + 1).getResultList();
        boolean more = newestFirst.size() > max;
        List<Message> page = new ArrayList<>(more ? newestFirst.subList(0, max) : newestFirst);
        Collections.reverse(page);
        List<MessageView> views = new ArrayList<>();
        for (Message m : page) {
            MessageView view = viewer.view(m, userId);
            if (view != null) {
                views.add(view);
            }
        }
        String older = more && !page.isEmpty() ? new TimeCursor(page.get(0).getSentAt(), page.get(0).getId()).encode()
                : null;
        return new MessagePage(views, older);
    }

    /** One unexpired message of a conversation the user takes part in. */
    @Transactional
    public MessageView message(long userId, long messageId) {
        Message message = em.find(Message.class, messageId);
        User me = em.find(User.class, userId);
        if (message == null || !message.getConversation().isParticipant(me)) {
            throw new MessagingRefusedException(Reason.NOT_FOUND, "No such message.");
        }
        MessageView view = viewer.view(message, userId);
        if (view == null) {
            throw new MessagingRefusedException(Reason.NOT_FOUND, "This message has expired.");
        }
        return view;
    }

    private static int pageSize(Integer limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new MessagingRefusedException(Reason.INVALID, "limit must be between 1 and " + MAX_PAGE + ".");
        }
        return limit;
    }

    private Map<Long, List<Person>> participants(List<Long> conversationIds) {
        Map<Long, List<Person>> byConversation = new HashMap<>();
        em.createQuery("select p from ConversationParticipant p join fetch p.user u join fetch u.organization"
                        + " where p.conversation.id in :ids order by u.lastName, u.firstName, u.id",
                        ConversationParticipant.class)
                .setParameter("ids", conversationIds).getResultList()
                .forEach(p -> byConversation.computeIfAbsent(p.getConversation().getId(), k -> new ArrayList<>())
                        .add(Person.of(p.getUser())));
        return byConversation;
    }

    private Map<Long, List<NonUser>> nonUsers(List<Long> conversationIds) {
        Map<Long, List<NonUser>> byConversation = new HashMap<>();
        em.createQuery("select o from ConversationOutsider o join fetch o.outsider x where o.conversation.id in :ids"
                        + " order by x.address, x.id", ConversationOutsider.class)
                .setParameter("ids", conversationIds).getResultList()
                .forEach(o -> byConversation.computeIfAbsent(o.getConversation().getId(), k -> new ArrayList<>())
                        .add(NonUser.of(o.getOutsider())));
        return byConversation;
    }

    private Map<Long, Message> newestMessages(List<Long> conversationIds, Instant now) {
        Map<Long, Message> newest = new HashMap<>();
        em.createQuery("select m from Message m left join fetch m.sender where m.conversation.id in :ids"
                        + " and m.expiresAt > :now and m.sentAt = (select max(n.sentAt) from Message n"
                        + " where n.conversation = m.conversation and n.expiresAt > :now) order by m.id", Message.class)
                .setParameter("ids", conversationIds).setParameter("now", now).getResultList()
                .forEach(m -> newest.put(m.getConversation().getId(), m));
        return newest;
    }

    /** Per conversation: unread messages of the user, and how many of them are high priority. */
    private Map<Long, long[]> unread(long userId, List<Long> conversationIds, Instant now) {
        Map<Long, long[]> counts = new HashMap<>();
        List<Object[]> rows = em.createQuery("select d.message.conversation.id, d.message.priority, count(d)"
                        + " from MessageDelivery d where d.recipient.id = :user"
                        + " and d.receipt.state <> org.carebridge.messaging.DeliveryState.READ"
                        + " and d.message.expiresAt > :now and d.message.conversation.id in :ids"
                        + " group by d.message.conversation.id, d.message.priority", Object[].class)
                .setParameter("user", userId).setParameter("now", now).setParameter("ids", conversationIds)
                .getResultList();
        for (Object[] row : rows) {
            long[] c = counts.computeIfAbsent((Long) row[0], k -> new long[2]);
            long n = ((Number) row[2]).longValue();
            c[0] += n;
            if (row[1] == MessagePriority.HIGH) {
                c[1] += n;
            }
        }
        return counts;
    }
}
