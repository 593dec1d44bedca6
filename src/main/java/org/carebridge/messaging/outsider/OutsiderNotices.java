package org.carebridge.messaging.outsider;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * One transaction's worth of notices to non-users: under the 'outsider-notices' cluster lock,
 * each due copy gets a fresh link (only its hash is stored) and goes out — a mail through the
 * outbox or a text message through the SMS gateway — and the outcome is recorded, with an audit
 * line per notice. A notice whose message has expired, or whose organization has turned messages
 * to non-users off, is given up instead.
 */
@ApplicationScoped
public class OutsiderNotices {

    private static final Logger LOG = Logger.getLogger(OutsiderNotices.class.getName());
    static final String LOCK = "outsider-notices";

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

    /** Sends up to {@code max} due notices; returns how many it tried. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sendNext(int max) {
        locks.lock(LOCK);
        Instant now = clock.instant();
        List<OutsiderDelivery> due = em.createNamedQuery(OutsiderDelivery.NOTICES_DUE, OutsiderDelivery.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
        for (OutsiderDelivery delivery : due) {
            send(delivery, now);
        }
        return due.size();
    }

    private void send(OutsiderDelivery delivery, Instant now) {
        Outsider outsider = delivery.getOutsider();
        if (!outsider.isAllowed()) {
            giveUp(delivery, "non-users-off", "Not sent: the organization no longer allows messages to non-users");
            return;
        }
        if (!delivery.isWorthNotifying(now)) {
            giveUp(delivery, "message-expired", "Not sent: the message expired before its notice could go out");
            return;
        }
        String token = SecretTokens.newToken();
        delivery.issueLink(SecretTokens.hash(token), now);
        String link = links.page("/m/" + token);
        Message message = delivery.getMessage();
        Organization from = message.getSenderOrganization();
        if (outsider.getChannel() == OutsiderChannel.EMAIL) {
            outbox.enqueue(OutsiderNoticeText.mail(outsider.getAddress(), from.getName(), link,
                    delivery.getLinkExpiresAt(), from.timeZone(), access.idleTimeout()));
            delivery.noticeSent(now);
            record(delivery, AuditAction.NON_USER_NOTIFIED, "By e-mail; the link works once, until "
                    + delivery.getLinkExpiresAt());
            return;
        }
        SmsGateway gateway = telephony.sms();
        SmsResult result = gateway.send(new SmsMessage("outsider-delivery " + delivery.getId(),
                outsider.address().mobileNumber(), OutsiderNoticeText.sms(from.getName(), link)));
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
