package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SyncFrameTest {

    @Test
    void aContactsPageKeepsEveryFieldAndBlankValuesBecomeNull() {
        SyncFrame.ContactsPage page = assertInstanceOf(SyncFrame.ContactsPage.class, SyncFrame.parse(
                "{\"type\":\"contacts\",\"runId\":12,\"seq\":1,\"last\":true,\"contacts\":[{\"externalId\":\" e1 \","
                        + "\"firstName\":\"Ann\",\"middleName\":\" \",\"lastName\":\"Able\",\"guestAccessNumber\":\"4085550100\","
                        + "\"deskPhone\":\"2201\"}]}"));
        assertEquals(12, page.runId());
        SyncContact c = page.contacts().get(0);
        assertEquals("e1", c.externalId());
        assertNull(c.middleName());
        assertEquals("2201", c.deskPhone());
    }

    @Test
    void helloNamesTheSystemKind() {
        SyncFrame.Hello hello = assertInstanceOf(SyncFrame.Hello.class, SyncFrame.parse("{\"type\":\"hello\",\"protocol\":1,"
                + "\"integrationUserId\":\"cb-x\",\"response\":\"abc\",\"systemKind\":\"VOICE_AND_MESSAGING\"}"));
        assertEquals(SystemKind.VOICE_AND_MESSAGING, hello.systemKind());
    }

    @Test
    void badgeAcknowledgementsAndAnswersNameTheMessageAndTheBadgeUser() {
        SyncFrame.BadgeAck ack = assertInstanceOf(SyncFrame.BadgeAck.class, SyncFrame.parse(
                "{\"type\":\"badge-ack\",\"messageId\":\"8812\",\"externalId\":\"vs-10442\"}"));
        assertEquals(new SyncFrame.BadgeAck("8812", "vs-10442"), ack);
        SyncFrame.BadgeAnswer answer = assertInstanceOf(SyncFrame.BadgeAnswer.class, SyncFrame.parse(
                "{\"type\":\"badge-answer\",\"messageId\":\"8812\",\"externalId\":\"vs-10442\",\"choice\":\"Yes\"}"));
        assertEquals(new SyncFrame.BadgeAnswer("8812", "vs-10442", "Yes"), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "null", "[]", "\"heartbeat\"", "{}", "{\"type\":\"HEARTBEAT\"}", "{\"type\":\"heartbeat\",\"x\":1}",
        "{\"type\":\"heartbeat\"} {}", "{\"type\":1}", "{\"type\":\"contacts\",\"runId\":-1,\"seq\":1,\"last\":true,\"contacts\":[]}",
        "{\"type\":\"contacts\",\"runId\":1.5,\"seq\":1,\"last\":true,\"contacts\":[]}",
        "{\"type\":\"contacts\",\"runId\":1,\"seq\":1,\"last\":\"yes\",\"contacts\":[]}",
        "{\"type\":\"contacts\",\"runId\":1,\"seq\":1,\"last\":true,\"contacts\":[1]}",
        "{\"type\":\"contacts\",\"runId\":1,\"seq\":1,\"last\":true,\"contacts\":[{\"externalId\":\"a\",\"ssn\":\"x\"}]}",
        "{\"type\":\"contacts\",\"runId\":99999999999999999999999,\"seq\":1,\"last\":true,\"contacts\":[]}",
        "{\"type\":\"hello\",\"protocol\":1,\"integrationUserId\":\"\",\"response\":\"a\"}",
        "{\"type\":\"hello\",\"protocol\":1,\"integrationUserId\":\"a\",\"response\":\"a\",\"systemKind\":\"PBX\"}",
        "{\"type\":\"linked-status\",\"statuses\":[{\"externalId\":\"a\",\"state\":\"Away\"}]}",
        "{\"type\":\"heartbeat\"", "{\"type\":\"heartbeat\",}",
        "{\"type\":\"badge-ack\"}", "{\"type\":\"badge-ack\",\"messageId\":\"1\",\"externalId\":null}",
        "{\"type\":\"badge-ack\",\"messageId\":1,\"externalId\":\"e\"}",
        "{\"type\":\"badge-ack\",\"messageId\":\"1\",\"externalId\":\"e\",\"text\":\"x\"}",
        "{\"type\":\"badge-answer\",\"messageId\":\"1\",\"externalId\":\"e\",\"choice\":[\"Yes\"]}",
        "{\"type\":\"badge-answer\",\"messageId\":\"1\",\"externalId\":\"e\",\"choice\":\"\"}",
        "{\"type\":\"badge-answer\",\"messageId\":\"\",\"externalId\":\"e\",\"choice\":\"Yes\"}",
        "{\"type\":\"badge-message\",\"messageId\":\"1\",\"externalId\":\"e\",\"text\":\"x\"}",
    })
    void malformedFramesAreRefused(String text) {
        SyncRefusal refusal = assertThrows(SyncRefusal.class, () -> SyncFrame.parse(text));
        assertEquals(SyncRefusal.UNSUPPORTED_DATA, refusal.code());
    }

    @Test
    void oversizedFramesAndPagesAreRefused() {
        String huge = "{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(SyncFrame.MAX_FRAME_CHARS) + "\"}";
        assertEquals(SyncRefusal.TOO_BIG, assertThrows(SyncRefusal.class, () -> SyncFrame.parse(huge)).code());
        String longName = "{\"type\":\"contacts\",\"runId\":1,\"seq\":1,\"last\":true,\"contacts\":[{\"lastName\":\""
                + "x".repeat(101) + "\"}]}";
        assertThrows(SyncRefusal.class, () -> SyncFrame.parse(longName));
        String tooMany = SyncConversationTest.page(1, 1, true, 0, SyncFrame.MAX_CONTACTS_PER_PAGE + 1);
        assertThrows(SyncRefusal.class, () -> SyncFrame.parse(tooMany));
        String longChoice = "{\"type\":\"badge-answer\",\"messageId\":\"1\",\"externalId\":\"e\",\"choice\":\""
                + "x".repeat(201) + "\"}";
        assertEquals(SyncRefusal.UNSUPPORTED_DATA, assertThrows(SyncRefusal.class, () -> SyncFrame.parse(longChoice)).code());
    }
}
