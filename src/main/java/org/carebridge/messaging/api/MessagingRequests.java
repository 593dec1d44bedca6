package org.carebridge.messaging.api;

import java.util.List;

import org.carebridge.messaging.MessageDraft;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.messaging.Recipients;

/** The JSON bodies clients send to the messaging API. */
public final class MessagingRequests {

    private MessagingRequests() {
    }

    /**
     * Who a new conversation is for: user ids, group ids, and/or the whole own organization; and,
     * where the organization allows messages to non-users, e-mail addresses and mobile numbers of
     * people without an account.
     */
    public record To(List<Long> users, List<Long> groups, Boolean organization, List<String> emails,
            List<String> mobileNumbers) {

        Recipients recipients() {
            return new Recipients(users, groups, Boolean.TRUE.equals(organization), emails, mobileNumbers);
        }
    }

    /** A message: {@code clientMessageId} (a UUID the client chooses) makes retries safe. */
    public record NewMessage(String clientMessageId, String text, MessagePriority priority, List<String> choices) {

        MessageDraft draft() {
            return new MessageDraft(clientMessageId, text, priority, choices);
        }
    }

    /** A new conversation with its first message. */
    public record NewConversation(To to, String clientMessageId, String text, MessagePriority priority,
            List<String> choices) {

        MessageDraft draft() {
            return new MessageDraft(clientMessageId, text, priority, choices);
        }
    }

    /** Messages of one conversation the user has opened. */
    public record ReadMessages(List<Long> messageIds) {
    }

    /** The chosen answer of a multiple-choice message, counted from 0. */
    public record Answer(Integer choice) {
    }
}
