package org.carebridge.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.events.EventPayloads;
import org.carebridge.events.LoggedEvent;
import org.carebridge.messaging.MessagingViews.ExpiredPayload;
import org.carebridge.messaging.MessagingViews.MessageView;
import org.carebridge.messaging.MessagingViews.NonUser;
import org.carebridge.messaging.MessagingViews.Person;
import org.carebridge.messaging.MessagingViews.Recipient;
import org.carebridge.messaging.outsider.OutsiderDelivery;

/**
 * Renders a message for one viewer, the one place that decides what a client may see of it:
 * nothing but ids once it has expired, no text once purged, every recipient's state for its
 * sender (non-users' too), only their own for a recipient. Message events are rendered here when sent, so a
 * replay shows the message as it is now.
 */
@ApplicationScoped
public class MessageViewer implements EventPayloads {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** {@code message} as {@code viewerId} (its sender or a recipient) sees it now; {@code null} once expired. */
    public MessageView view(Message message, long viewerId) {
        Instant now = clock.instant();
        if (message.isExpired(now)) {
            return null;
        }
        boolean mine = message.getSender() != null && message.getSender().getId() == viewerId;
        List<Recipient> recipients = null;
        MessageDelivery own = null;
        if (mine) {
            List<Recipient> all = new ArrayList<>(em.createNamedQuery(MessageDelivery.OF_MESSAGE, MessageDelivery.class)
                    .setParameter("messageId", message.getId()).getResultList().stream().map(Recipient::of).toList());
            em.createNamedQuery(OutsiderDelivery.OF_MESSAGES, OutsiderDelivery.class)
                    .setParameter("messageIds", List.of(message.getId())).getResultList()
                    .forEach(d -> all.add(Recipient.of(d)));
            recipients = all;
        } else {
            own = em.createNamedQuery(MessageDelivery.OF_RECIPIENT, MessageDelivery.class)
                    .setParameter("messageId", message.getId()).setParameter("recipientId", viewerId)
                    .getResultList().stream().findFirst().orElse(null);
        }
        return new MessageView(message.getId(), message.getConversation().getId(), mine ? message.getClientMessageId() : null,
                message.getSender() == null ? null : Person.of(message.getSender()), message.getBody(),
                message.getPriority(), message.getChoices(), message.getSentAt(), message.getExpiresAt(), false,
                message.isContentPurged(), own == null ? null : own.getState(),
                own == null ? null : own.getResponsePosition(), recipients,
                message.isFromOutsider() ? NonUser.of(message.getSenderOutsider()) : null);
    }

    @Override
    public Object render(LoggedEvent event) {
        Message message = event.getMessageId() == null ? null : em.find(Message.class, event.getMessageId());
        if (message == null) {
            return new ExpiredPayload(event.getMessageId() == null ? 0 : event.getMessageId(),
                    event.getConversationId() == null ? 0 : event.getConversationId(), true);
        }
        MessageView view = view(message, event.getUserId());
        return view == null ? ExpiredPayload.of(message) : view;
    }
}
