package org.carebridge.messaging.outsider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.SecretTokens;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTrail;
import org.carebridge.mail.Outbox;
import org.carebridge.messaging.Message;
import org.carebridge.organization.Organization;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.persistence.ClusterLocks;
import org.carebridge.telephony.SmsGateway;
import org.carebridge.telephony.SmsMessage;
import org.carebridge.telephony.SmsResult;
import org.carebridge.telephony.TelephonyProviders;

/**
 * Notices to non-users, in batches. Under the 'outsider-notices' cluster lock each due copy gets
 * a fresh link (only its hash is stored) and a mail goes into the outbox in the same transaction;
 * a text message is only prepared there, and sent through the SMS gateway after that transaction
 * committed — so the link works by the time the text arrives, and no database lock is held while
 * the SMS service answers. Its outcome is then recorded in a transaction of its own. Each notice
 * gets an audit line. A notice whose message has expired, or whose organization has turned
 * messages to non-users off, is given up instead.
 */
@ApplicationScoped
public class OutsiderNotices {

    private static final Logger LOG = Logger.getLogger(OutsiderNotices.class.getName());
    static final String LOCK = "outsider-notices";
    /**
     * How long a text being sent is kept from other batches: longer than any SMS timeout. If the
     * node stops before recording the outcome, the notice goes again after this, with a new link.
     */
    static final Duration SENDING_LEASE = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterLocks locks;

    @Inject
    Outbox outbox;

    @Inject
    TelephonyProviders telephony;

    @Inject
    PublicLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    OutsiderAccess access;

    @Inject
    OutsiderNotices self;

    /** A text message prepared by a batch, to send once the batch (and the link's hash) committed. */
    public record Text(long deliveryId, String linkHash, SmsMessage message) {
    }

    /** What a batch did: how many copies it took up, and the texts it left to send. */
    public record Batch(int tried, List<Text> texts) {
    }

    /**
     * Sends up to {@code max} due notices: one batch, then its text messages. Runs outside a
     * transaction; each step opens its own.
     *
     * @return how many copies the batch took up
     */
    public int sendNext(int max) {
        Batch batch = self.prepareNext(max);
        SmsGateway gateway = telephony.sms();
        for (Text text : batch.texts()) {
            self.recordText(text, gateway.send(text.message()));
        }
        return batch.tried();
    }

    /** The batch: mails enqueued, texts prepared and kept from other batches for {@link #SENDING_LEASE}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch prepareNext(int max) {
        locks.lock(LOCK);
        Instant now = clock.instant();
        List<OutsiderDelivery> due = em.createNamedQuery(OutsiderDelivery.NOTICES_DUE, OutsiderDelivery.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
        List<Text> texts = new ArrayList<>();
        for (OutsiderDelivery delivery : due) {
            prepare(delivery, now).ifPresent(texts::add);
        }
        // Written out now, so a caller that records a text in this same transaction reads the link back.
        em.flush();
        return new Batch(due.size(), texts);
    }

    private Optional<Text> prepare(OutsiderDelivery delivery, Instant now) {
        Outsider outsider = delivery.getOutsider();
        if (!outsider.isAllowed()) {
            giveUp(delivery, "non-users-off", "Not sent: the organization no longer allows messages to non-users");
            return Optional.empty();
        }
        if (!delivery.isWorthNotifying(now)) {
            giveUp(delivery, "message-expired", "Not sent: the message expired before its notice could go out");
            return Optional.empty();
        }
        String token = SecretTokens.newToken();
        String hash = SecretTokens.hash(token);
        delivery.issueLink(hash, now);
        String link = links.page("/m/" + token);
        Organization from = delivery.getMessage().getSenderOrganization();
        if (outsider.getChannel() == OutsiderChannel.EMAIL) {
            outbox.enqueue(OutsiderNoticeText.mail(outsider.getAddress(), from.getName(), link,
                    delivery.getLinkExpiresAt(), from.timeZone(), access.idleTimeout()));
            delivery.noticeSent(now);
            record(delivery, AuditAction.NON_USER_NOTIFIED, "By e-mail; the link works once, until "
                    + delivery.getLinkExpiresAt());
            return Optional.empty();
        }
        delivery.noticeSending(now.plus(SENDING_LEASE));
        return Optional.of(new Text(delivery.getId(), hash, new SmsMessage("outsider-delivery " + delivery.getId(),
                outsider.address().mobileNumber(), OutsiderNoticeText.sms(from.getName(), link))));
    }

    /** What the SMS service answered for {@code text}; ignored when a later attempt replaced its link. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordText(Text text, SmsResult result) {
        OutsiderDelivery delivery = em.find(OutsiderDelivery.class, text.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.getNoticeState() != NoticeState.QUEUED || !delivery.carries(text.linkHash())) {
            return;
        }
        Instant now = clock.instant();
        if (result.isAccepted()) {
            delivery.noticeSent(now);
            record(delivery, AuditAction.NON_USER_NOTIFIED, "By text message; the link works once, until "
                    + delivery.getLinkExpiresAt());
        } else if (result.outcome() == SmsResult.Outcome.REFUSED) {
            giveUp(delivery, result.failure(), "Text message refused by the SMS service (" + result.failure() + ")");
        } else {
            delivery.noticeFailedTemporarily(result.failure(), now);
            if (delivery.getNoticeState() == NoticeState.FAILED) {
                record(delivery, AuditAction.NON_USER_NOTICE_FAILED, "Text message not sent after "
                        + delivery.getNoticeAttempts() + " attempts (" + result.failure() + ")");
            } else {
                LOG.info(() -> "Text message notice of delivery " + delivery.getId() + " not sent (" + result.failure()
                        + "); retrying at " + delivery.getNoticeDueAt());
            }
        }
    }

    private void giveUp(OutsiderDelivery delivery, String reason, String details) {
        delivery.noticeFailed(reason);
        record(delivery, AuditAction.NON_USER_NOTICE_FAILED, details);
    }

    private void record(OutsiderDelivery delivery, AuditAction action, String details) {
        Message message = delivery.getMessage();
        audit.recordMessageEvent(null, message.getSenderOrganization(), action, message.getId(),
                message.getConversation().getId(), delivery.getOutsider().auditLabel() + ": " + details);
    }
}
