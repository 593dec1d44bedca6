package org.carebridge.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutboundMailTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration RETRY = Duration.ofSeconds(30);

    private OutboundMail mail() {
        return new OutboundMail(new MailMessage("a@b.test", "Subject", "Text", null), NOW);
    }

    @Test
    void aNewMailIsDueAtOnce() {
        OutboundMail mail = mail();
        assertEquals(MailState.QUEUED, mail.getState());
        assertEquals(NOW, mail.getNextAttemptAt());
    }

    @Test
    void temporaryFailuresBackOffExponentiallyAndEventuallyGiveUp() {
        OutboundMail mail = mail();
        mail.failedTemporarily("connection refused", NOW, RETRY);
        assertEquals(NOW.plus(Duration.ofSeconds(30)), mail.getNextAttemptAt());
        mail.failedTemporarily("connection refused", NOW, RETRY);
        assertEquals(NOW.plus(Duration.ofSeconds(60)), mail.getNextAttemptAt());
        for (int i = 2; i < OutboundMail.MAX_ATTEMPTS - 1; i++) {
            mail.failedTemporarily("connection refused", NOW, RETRY);
            assertTrue(mail.getNextAttemptAt().isBefore(NOW.plus(Duration.ofHours(4)).plusSeconds(1)), "capped");
            assertEquals(MailState.QUEUED, mail.getState());
        }
        mail.failedTemporarily("connection refused", NOW, RETRY);
        assertEquals(MailState.FAILED, mail.getState());
        assertEquals(OutboundMail.MAX_ATTEMPTS, mail.getAttempts());
    }

    @Test
    void aRejectedAddressFailsAtOnceAndSuccessIsRecorded() {
        OutboundMail rejected = mail();
        rejected.failedPermanently("550 no such user");
        assertEquals(MailState.FAILED, rejected.getState());
        OutboundMail sent = mail();
        sent.failedTemporarily("busy", NOW, RETRY);
        sent.sent(NOW.plusSeconds(31));
        assertEquals(MailState.SENT, sent.getState());
        assertEquals(NOW.plusSeconds(31), sent.getSentAt());
        assertEquals(null, sent.getLastError());
    }

    @Test
    void theContentWithItsLinksIsKeptOnlyUntilTheMailIsSettled() {
        OutboundMail waiting = new OutboundMail(new MailMessage("a@b.test", "Reset your PIN",
                "Open https://x.test/pin/reset?token=secret", "<a href=\"https://x.test/pin/reset?token=secret\">Reset</a>"), NOW);
        waiting.failedTemporarily("busy", NOW, RETRY);
        assertTrue(waiting.holdsContent(), "a retry still needs it");
        assertTrue(waiting.message().text().contains("token=secret"));
        waiting.sent(NOW.plusSeconds(31));
        assertFalse(waiting.holdsContent());
        assertFalse(waiting.message().text().contains("secret"));
        assertEquals(null, waiting.message().html());
        assertEquals("Reset your PIN", waiting.message().subject(), "what went out, to whom, stays");
        assertEquals("a@b.test", waiting.getRecipient());

        OutboundMail rejected = mail();
        rejected.failedPermanently("550 no such user");
        assertFalse(rejected.holdsContent());
        OutboundMail givenUp = mail();
        for (int i = 0; i < OutboundMail.MAX_ATTEMPTS; i++) {
            givenUp.failedTemporarily("connection refused", NOW, RETRY);
        }
        assertEquals(MailState.FAILED, givenUp.getState());
        assertFalse(givenUp.holdsContent());
    }

    @Test
    void layoutEscapesHtmlAndKeepsTheLinkInBothParts() {
        MailMessage m = MailLayout.compose("a@b.test", "Hi", "St. <Mary's> & Co", List.of("Hello <b>you</b>"),
                new MailLayout.Action("Open", "https://x.test/p?token=a&b"), "Bye");
        assertTrue(m.text().contains("https://x.test/p?token=a&b"));
        assertTrue(m.text().contains("St. <Mary's> & Co"));
        assertTrue(m.html().contains("Hello &lt;b&gt;you&lt;/b&gt;"));
        assertTrue(m.html().contains("href=\"https://x.test/p?token=a&amp;b\""));
        assertFalse(m.html().contains("<Mary"));
    }
}
