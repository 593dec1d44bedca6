package org.carebridge.mail;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One mail in the outbox, with its delivery state and retry schedule. Once a mail is settled
 * (sent, or given up) its text and HTML are erased: many hold a link that works for days
 * (registration, PIN reset, a non-user's message), and the database need not keep a usable copy
 * of it. Recipient, subject, state and times stay as the record of what went out.
 */
@Entity
@Table(name = "outbound_mail")
@NamedQuery(name = OutboundMail.DUE, query = "select m from OutboundMail m where m.state = org.carebridge.mail.MailState.QUEUED"
        + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
public class OutboundMail {

    public static final String DUE = "OutboundMail.due";
    /** After this many failed attempts a mail is given up (about a day of retries). */
    public static final int MAX_ATTEMPTS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofHours(4);

    @Id
    @SequenceGenerator(name = "outbound_mail_seq", sequenceName = "outbound_mail_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_mail_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body")
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboundMail() {
    }

    public OutboundMail(MailMessage message, Instant now) {
        this.recipient = message.recipient();
        this.subject = message.subject();
        this.textBody = message.text();
        this.htmlBody = message.html();
        this.state = MailState.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public MailMessage message() {
        return new MailMessage(recipient, subject, textBody, htmlBody);
    }

    public void sent(Instant now) {
        attempts++;
        state = MailState.SENT;
        sentAt = now;
        lastError = null;
        eraseContent();
    }

    /**
     * A failure worth retrying (server down, temporary rejection): the next attempt waits
     * {@code firstRetry}, doubling with each further failure up to four hours.
     */
    public void failedTemporarily(String error, Instant now, Duration firstRetry) {
        attempts++;
        lastError = truncate(error);
        if (attempts >= MAX_ATTEMPTS) {
            state = MailState.FAILED;
            eraseContent();
            return;
        }
        Duration backoff = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }

    /** A failure no retry can fix (the address was rejected). */
    public void failedPermanently(String error) {
        attempts++;
        lastError = truncate(error);
        state = MailState.FAILED;
        eraseContent();
    }

    /** Settled: nothing will send the content again, so its links do not stay in the database. */
    private void eraseContent() {
        textBody = "";
        htmlBody = null;
    }

    /** Whether the text and HTML are still held (only while the mail may still be sent). */
    public boolean holdsContent() {
        return !textBody.isEmpty() || htmlBody != null;
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public MailState getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
