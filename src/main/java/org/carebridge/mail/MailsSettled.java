package org.carebridge.mail;

import java.util.List;

/**
 * Fired after an outbox batch has committed, naming the mails whose delivery was decided in it:
 * accepted by the mail server ({@link MailState#SENT}) or given up ({@link MailState#FAILED}).
 * Code that tracks its own mails observes it and reads the states from the database; the outbox
 * knows nothing of why a mail was sent. Events can be lost (a crash right after the commit), so
 * observers also reconcile on a schedule.
 */
public record MailsSettled(List<Long> mailIds) {

    public MailsSettled {
        mailIds = List.copyOf(mailIds);
    }
}
