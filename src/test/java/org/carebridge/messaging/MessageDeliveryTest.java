package org.carebridge.messaging;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class MessageDeliveryTest {

    private final Organization hospital = hospital(1);
    private final User sender = user(hospital, 10, "sender@hospital.example");
    private final User recipient = user(hospital, 11, "recipient@hospital.example");
    private final Conversation conversation = new Conversation(sender, List.of(recipient), NOW);

    private MessageDelivery delivery(List<String> choices) {
        return new Message(conversation, sender, "c-" + choices.size(), "Question", MessagePriority.NORMAL, choices, NOW)
                .deliverTo(recipient);
    }

    @Test
    void movesForwardFromSentToDeliveredToRead() {
        MessageDelivery delivery = delivery(List.of());
        assertTrue(delivery.markDelivered(NOW.plusSeconds(1)));
        assertEquals(DeliveryState.DELIVERED, delivery.getState());
        assertTrue(delivery.markRead(NOW.plusSeconds(2)));
        assertEquals(DeliveryState.READ, delivery.getState());
        assertEquals(NOW.plusSeconds(1), delivery.getDeliveredAt());
        assertEquals(NOW.plusSeconds(2), delivery.getReadAt());
    }

    @Test
    void neverMovesBackwards() {
        MessageDelivery delivery = delivery(List.of());
        delivery.markRead(NOW.plusSeconds(2));
        assertFalse(delivery.markDelivered(NOW.plusSeconds(3)), "a late acknowledgement from another device");
        assertFalse(delivery.markRead(NOW.plusSeconds(4)));
        assertEquals(DeliveryState.READ, delivery.getState());
        assertEquals(NOW.plusSeconds(2), delivery.getReadAt());
    }

    @Test
    void readingImpliesDelivery() {
        MessageDelivery delivery = delivery(List.of());
        delivery.markRead(NOW.plusSeconds(5));
        assertEquals(NOW.plusSeconds(5), delivery.getDeliveredAt());
    }

    @Test
    void answersAChoiceOnceAndReadsTheMessage() {
        MessageDelivery delivery = delivery(List.of("Yes", "No", "Call me"));
        delivery.respond(1, NOW.plusSeconds(5));
        assertTrue(delivery.isResponded());
        assertEquals(1, delivery.getResponsePosition());
        assertEquals("No", delivery.getResponseLabel());
        assertEquals(NOW.plusSeconds(5), delivery.getRespondedAt());
        assertEquals(DeliveryState.READ, delivery.getState());

        assertEquals("This message has already been answered.",
                assertThrows(IllegalStateException.class, () -> delivery.respond(0, NOW.plusSeconds(6))).getMessage());
    }

    @Test
    void theAnswerMustBeOneOfTheChoices() {
        MessageDelivery delivery = delivery(List.of("Yes", "No"));
        assertEquals("Choose one of the 2 answers.",
                assertThrows(IllegalArgumentException.class, () -> delivery.respond(2, NOW)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> delivery.respond(-1, NOW));
        assertFalse(delivery.isResponded());
        assertEquals(DeliveryState.SENT, delivery.getState(), "a refused answer reads nothing");
    }

    @Test
    void aPlainMessageHasNothingToAnswer() {
        MessageDelivery delivery = delivery(List.of());
        assertThrows(IllegalArgumentException.class, () -> delivery.respond(0, NOW));
        assertNull(delivery.getResponseLabel());
    }

    @Test
    void expiredOrPurgedMessagesCannotBeAnswered() {
        MessageDelivery expired = delivery(List.of("Yes", "No"));
        assertThrows(IllegalStateException.class, () -> expired.respond(0, NOW.plus(Duration.ofDays(7))));

        MessageDelivery answered = delivery(List.of("Yes", "No", "Maybe"));
        answered.respond(2, NOW.plusSeconds(1));
        answered.getMessage().purgeContent(NOW.plusSeconds(2));
        assertNull(answered.getResponseLabel(), "the answer text went with the content");
        assertEquals(2, answered.getResponsePosition(), "which answer was chosen is metadata and stays");

        MessageDelivery purged = delivery(List.of("A", "B", "C", "D"));
        purged.getMessage().purgeContent(NOW.plusSeconds(2));
        assertThrows(IllegalStateException.class, () -> purged.respond(0, NOW.plusSeconds(3)));
    }
}
