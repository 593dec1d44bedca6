package org.carebridge.messaging;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.practice;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class MessageTest {

    private final Organization hospital = hospital(1);
    private final Organization practice = practice(2);
    private final User doctor = user(hospital, 10, "doctor@hospital.example");
    private final User physician = user(practice, 20, "physician@practice.example");
    private final Conversation conversation = new Conversation(doctor, List.of(physician), NOW);

    @Test
    void aConversationBelongsToItsStartersOrganization() {
        assertSame(hospital, conversation.getInitiatorOrganization());
        assertEquals(2, conversation.getParticipants().size());
        assertTrue(conversation.isParticipant(user(practice, 20, "physician@practice.example")));
        assertThrows(IllegalArgumentException.class, () -> new Conversation(doctor, List.of(doctor), NOW),
                "a conversation with oneself only");
    }

    @Test
    void expiryFollowsTheSendersOrganization() {
        hospital.changeMessageExpiration(60);
        practice.changeMessageExpiration(43_200);
        Message fromHospital = new Message(conversation, doctor, "c-1", "Hi", MessagePriority.NORMAL, List.of(), NOW);
        Message fromPractice = new Message(conversation, physician, "c-2", "Hello", MessagePriority.NORMAL, List.of(),
                NOW);
        assertEquals(NOW.plus(Duration.ofMinutes(60)), fromHospital.getExpiresAt());
        assertSame(hospital, fromHospital.getSenderOrganization());
        assertEquals(NOW.plus(Duration.ofDays(30)), fromPractice.getExpiresAt());
        assertFalse(fromHospital.isExpired(NOW.plus(Duration.ofMinutes(60)).minusMillis(1)));
        assertTrue(fromHospital.isExpired(NOW.plus(Duration.ofMinutes(60))));
    }

    @Test
    void sendingMovesTheConversationForwardOnly() {
        new Message(conversation, doctor, "c-1", "Later", MessagePriority.NORMAL, List.of(), NOW.plusSeconds(60));
        new Message(conversation, doctor, "c-2", "Earlier", MessagePriority.NORMAL, List.of(), NOW.plusSeconds(30));
        assertEquals(NOW.plusSeconds(60), conversation.getLastMessageAt());
    }

    @Test
    void onlyParticipantsWrite() {
        User outsider = user(hospital, 11, "outsider@hospital.example");
        assertThrows(IllegalArgumentException.class,
                () -> new Message(conversation, outsider, "c-1", "Hi", MessagePriority.NORMAL, List.of(), NOW));
    }

    @Test
    void aMessageNeedsTextAndAClientId() {
        assertEquals("Write a message.", assertThrows(IllegalArgumentException.class,
                () -> new Message(conversation, doctor, "c-1", "  ", MessagePriority.NORMAL, List.of(), NOW))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Message(conversation, doctor, "c-1",
                "x".repeat(Message.BODY_MAX + 1), MessagePriority.NORMAL, List.of(), NOW));
        assertThrows(IllegalArgumentException.class,
                () -> new Message(conversation, doctor, "", "Hi", MessagePriority.NORMAL, List.of(), NOW));
        assertThrows(IllegalArgumentException.class, () -> new Message(conversation, doctor, "c".repeat(65), "Hi",
                MessagePriority.NORMAL, List.of(), NOW));
    }

    @Test
    void choicesAreTwoToTenDistinctAnswers() {
        Message question = new Message(conversation, doctor, "c-1", "Coming?", MessagePriority.HIGH,
                List.of(" Yes ", "No"), NOW);
        assertTrue(question.isMultipleChoice());
        assertEquals(List.of("Yes", "No"), question.getChoices());

        assertThrows(IllegalArgumentException.class, () -> new Message(conversation, doctor, "c-2", "?",
                MessagePriority.NORMAL, List.of("Only"), NOW));
        String[] eleven = new String[11];
        Arrays.setAll(eleven, i -> "Answer " + i);
        assertThrows(IllegalArgumentException.class, () -> new Message(conversation, doctor, "c-3", "?",
                MessagePriority.NORMAL, List.of(eleven), NOW));
        assertEquals("The answer \"Yes\" is offered twice.", assertThrows(IllegalArgumentException.class,
                () -> new Message(conversation, doctor, "c-4", "?", MessagePriority.NORMAL, List.of("Yes", "Yes "), NOW))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Message(conversation, doctor, "c-5", "?",
                MessagePriority.NORMAL, Arrays.asList("Yes", null), NOW));
    }

    @Test
    void purgingRemovesTheContentOnce() {
        Message question = new Message(conversation, doctor, "c-1", "Coming?", MessagePriority.NORMAL,
                List.of("Yes", "No"), NOW);
        question.purgeContent(NOW.plusSeconds(10));
        question.purgeContent(NOW.plusSeconds(20));
        assertNull(question.getBody());
        assertTrue(question.getChoices().isEmpty());
        assertTrue(question.isContentPurged());
        assertEquals(NOW.plusSeconds(10), question.getContentPurgedAt());
    }

    @Test
    void deliveriesGoToOtherParticipantsOnly() {
        Message message = new Message(conversation, doctor, "c-1", "Hi", MessagePriority.NORMAL, List.of(), NOW);
        MessageDelivery delivery = message.deliverTo(physician);
        assertSame(physician, delivery.getRecipient());
        assertEquals(DeliveryState.SENT, delivery.getState());
        assertThrows(IllegalArgumentException.class, () -> message.deliverTo(doctor));
        assertThrows(IllegalArgumentException.class,
                () -> message.deliverTo(user(hospital, 11, "outsider@hospital.example")));
    }
}
