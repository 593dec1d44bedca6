package org.carebridge.messaging.outsider;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.carebridge.messaging.DeliveryState;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.Receipt;

/**
 * One non-user's copy of a message. It carries the notice that tells them (a mail or a text
 * message with no content and no sender, only the organization's name and a link) with its
 * retries, the link's single use and expiry, and — like a user's copy — whether the message was
 * read and answered. Only the SHA-256 of the link's token is kept; a token is chosen each time a
 * notice goes out, so a retried notice carries a fresh link and the earlier one stops working.
 */
@Entity
@Table(name = "outsider_delivery")
@NamedQuery(name = OutsiderDelivery.BY_LINK, query = "select d from OutsiderDelivery d where d.linkHash = :hash")
@NamedQuery(name = OutsiderDelivery.NOTICES_DUE, query = "select d from OutsiderDelivery d"
        + " where d.noticeState = org.carebridge.messaging.outsider.NoticeState.QUEUED"
        + " and d.noticeDueAt <= :now order by d.noticeDueAt, d.id")
@NamedQuery(name = OutsiderDelivery.OF_MESSAGES, query = "select d from OutsiderDelivery d join fetch d.outsider"
        + " where d.message.id in :messageIds order by d.id")
@NamedQuery(name = OutsiderDelivery.IN_CONVERSATION, query = "select d from OutsiderDelivery d join fetch d.message"
        + " where d.outsider.id = :outsiderId and d.message.conversation.id = :conversationId")
public class OutsiderDelivery {

    public static final String BY_LINK = "OutsiderDelivery.byLink";
    public static final String NOTICES_DUE = "OutsiderDelivery.noticesDue";
    public static final String OF_MESSAGES = "OutsiderDelivery.ofMessages";
    /** One non-user's copies of the messages of one conversation. */
    public static final String IN_CONVERSATION = "OutsiderDelivery.inConversation";
    /** A link lasts as long as its message, and never longer than this. */
    public static final Duration LINK_LIFETIME_MAX = Duration.ofDays(7);
    /** After this many failed attempts a notice is given up (about two hours of retries). */
    public static final int MAX_NOTICE_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int FAILURE_MAX = 64;

    /** What a link is good for now. */
    public enum LinkState {
        USABLE, USED, EXPIRED
    }

    @Id
    @SequenceGenerator(name = "outsider_delivery_seq", sequenceName = "outsider_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outsider_delivery_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message_id", nullable = false, updatable = false)
    private Message message;

    @ManyToOne(optional = false)
    @JoinColumn(name = "outsider_id", nullable = false, updatable = false)
    private Outsider outsider;

    @Embedded
    private Receipt receipt = new Receipt();

    @Enumerated(EnumType.STRING)
    @Column(name = "notice_state", nullable = false)
    private NoticeState noticeState = NoticeState.QUEUED;

    @Column(name = "notice_attempts", nullable = false)
    private int noticeAttempts;

    @Column(name = "notice_due_at", nullable = false)
    private Instant noticeDueAt;

    @Column(name = "notice_sent_at")
    private Instant noticeSentAt;

    @Column(name = "notice_failure")
    private String noticeFailure;

    @Column(name = "link_hash")
    private String linkHash;

    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;

    @Column(name = "link_used_at")
    private Instant linkUsedAt;

    @Version
    private long version;

    protected OutsiderDelivery() {
    }

    /** Made by {@link Message#deliverTo(Outsider, Instant)}: a non-user of the conversation other than the sender. */
    public OutsiderDelivery(Message message, Outsider outsider, Instant now) {
        this.message = Objects.requireNonNull(message, "message");
        this.outsider = Objects.requireNonNull(outsider, "outsider");
        if (!message.getConversation().isOutsider(outsider)) {
            throw new IllegalArgumentException("This non-user is not part of the conversation.");
        }
        if (Outsider.same(message.getSenderOutsider(), outsider)) {
            throw new IllegalArgumentException("The sender does not receive their own message.");
        }
        this.noticeDueAt = now;
    }

    /** When a link issued at {@code now} stops working: with its message, and after 7 days at the latest. */
    public static Instant linkExpiry(Message message, Instant now) {
        Instant latest = now.plus(LINK_LIFETIME_MAX);
        return message.getExpiresAt().isBefore(latest) ? message.getExpiresAt() : latest;
    }

    // --- the notice -------------------------------------------------------------------------

    /** Whether a notice should still go out at {@code now}: not for an expired or emptied message. */
    public boolean isWorthNotifying(Instant now) {
        return !message.isExpired(now) && !message.isContentPurged();
    }

    /**
     * The notice is about to go out with a new link whose token hashes to {@code tokenHash}. A
     * link issued by an earlier, failed attempt stops working.
     */
    public void issueLink(String tokenHash, Instant now) {
        if (noticeState != NoticeState.QUEUED) {
            throw new IllegalStateException("The notice of delivery " + id + " is " + noticeState);
        }
        this.linkHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.linkExpiresAt = linkExpiry(message, now);
        this.linkUsedAt = null;
    }

    /** A text with the link just issued is on its way: no other batch takes the notice up before {@code until}. */
    public void noticeSending(Instant until) {
        if (noticeState != NoticeState.QUEUED || linkHash == null) {
            throw new IllegalStateException("The notice of delivery " + id + " has no link to send");
        }
        noticeDueAt = until;
    }

    /** Whether the current link is the one whose token hashes to {@code tokenHash} (no later attempt replaced it). */
    public boolean carries(String tokenHash) {
        return tokenHash != null && tokenHash.equals(linkHash);
    }

    /** The mail is in the outbox, or the SMS service took the text. */
    public void noticeSent(Instant now) {
        noticeAttempts++;
        noticeState = NoticeState.SENT;
        noticeSentAt = now;
        noticeFailure = null;
    }

    /**
     * The service could not be reached or did not answer: the next attempt waits 30 seconds,
     * doubling with each failure up to an hour, until {@value #MAX_NOTICE_ATTEMPTS} attempts.
     */
    public void noticeFailedTemporarily(String reason, Instant now) {
        noticeAttempts++;
        noticeFailure = shortened(reason);
        if (noticeAttempts >= MAX_NOTICE_ATTEMPTS) {
            noticeState = NoticeState.FAILED;
            return;
        }
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(noticeAttempts - 1, 20));
        noticeDueAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }

    /** Given up: the service refused it, or it may no longer go out ({@code reason} says which, briefly). */
    public void noticeFailed(String reason) {
        noticeState = NoticeState.FAILED;
        noticeFailure = shortened(reason);
    }

    private static String shortened(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() > FAILURE_MAX ? text.substring(0, FAILURE_MAX) : text;
    }

    // --- the link ---------------------------------------------------------------------------

    public LinkState linkState(Instant now) {
        if (linkUsedAt != null) {
            return LinkState.USED;
        }
        if (linkExpiresAt == null || !now.isBefore(linkExpiresAt) || !isWorthNotifying(now)) {
            return LinkState.EXPIRED;
        }
        return LinkState.USABLE;
    }

    /** The non-user opened the link: it is spent, and the message reached them. */
    public void useLink(Instant now) {
        LinkState current = linkState(now);
        if (current != LinkState.USABLE) {
            throw new IllegalStateException("This link is " + current.name().toLowerCase(java.util.Locale.ROOT));
        }
        linkUsedAt = now;
        markDelivered(now);
    }

    // --- receipts, as for a user's copy -------------------------------------------------------

    /** @return whether anything changed */
    public boolean markDelivered(Instant now) {
        return receipt.markDelivered(now);
    }

    /** The non-user saw the message on their page; reading implies delivery. @return whether anything changed */
    public boolean markRead(Instant now) {
        return receipt.markRead(now);
    }

    /** Answer {@code position} (from 0) of a multiple-choice message: once, before it expires; it also reads it. */
    public void respond(int position, Instant now) {
        receipt.respond(message, position, now);
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public Outsider getOutsider() { return outsider; }
    public Receipt getReceipt() { return receipt; }
    public DeliveryState getState() { return receipt.getState(); }
    public Instant getDeliveredAt() { return receipt.getDeliveredAt(); }
    public Instant getReadAt() { return receipt.getReadAt(); }
    public Integer getResponsePosition() { return receipt.getResponsePosition(); }
    public Instant getRespondedAt() { return receipt.getRespondedAt(); }
    public NoticeState getNoticeState() { return noticeState; }
    public int getNoticeAttempts() { return noticeAttempts; }
    public Instant getNoticeDueAt() { return noticeDueAt; }
    public Instant getNoticeSentAt() { return noticeSentAt; }
    /** A short code (the service's, or ours): never the service's text, which may repeat the number. */
    public String getNoticeFailure() { return noticeFailure; }
    public Instant getLinkExpiresAt() { return linkExpiresAt; }
    public Instant getLinkUsedAt() { return linkUsedAt; }
}
