package org.carebridge.messaging.outsider;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;

import jakarta.persistence.EntityManager;

import org.carebridge.RecordingEvent;
import org.carebridge.access.TestAccess;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.TestAudit;
import org.carebridge.mail.Outbox;
import org.carebridge.messaging.MessagingAccess;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.persistence.ClusterLocksAccess;
import org.carebridge.telephony.SmsGateway;
import org.carebridge.telephony.TelephonyProviders;

/**
 * Messages to non-users wired by hand over one entity manager, beside {@link MessagingAccess}:
 * the link and session rules, the non-user's page, and the notices (mail into the real outbox
 * table, text messages to the gateway a test gives). For tests outside the container.
 */
public final class OutsidersAccess {

    public static final String BASE_URL = "https://carebridge.example";

    public final OutsiderAccess access = new OutsiderAccess();
    public final OutsiderInbox inbox = new OutsiderInbox();
    public final OutsiderNotices notices = new OutsiderNotices();

    private OutsidersAccess(MessagingAccess messaging, EntityManager em, Clock clock, SmsGateway sms) {
        AuditTrail audit = TestAudit.trail(em, clock, TestAccess.signedOut());
        access.em = em;
        access.clock = clock;
        access.events = messaging.events;
        access.idleTimeout = Duration.ofMinutes(30);
        inbox.em = em;
        inbox.clock = clock;
        inbox.access = access;
        inbox.events = messaging.events;
        inbox.audit = audit;
        inbox.messaging = messaging.messaging;
        notices.em = em;
        notices.clock = clock;
        notices.locks = ClusterLocksAccess.over(em, clock);
        notices.audit = audit;
        notices.access = access;
        notices.self = notices;
        try {
            Outbox outbox = new Outbox();
            set(outbox, "em", em);
            set(outbox, "clock", clock);
            set(outbox, "queued", new RecordingEvent<>());
            notices.outbox = outbox;
            PublicLinks links = new PublicLinks();
            set(links, "baseUrl", BASE_URL);
            notices.links = links;
            TelephonyProviders telephony = new TelephonyProviders();
            set(telephony, "sms", sms);
            notices.telephony = telephony;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Over {@code messaging}'s entity manager, clock and event log; text messages go to {@code sms}. */
    public static OutsidersAccess over(MessagingAccess messaging, EntityManager em, Clock clock, SmsGateway sms) {
        return new OutsidersAccess(messaging, em, clock, sms);
    }

    /** The rule on non-user recipients, for {@link MessagingAccess}. */
    public static OutsiderRecipients recipients(EntityManager em, Clock clock) {
        OutsiderRecipients recipients = new OutsiderRecipients();
        recipients.em = em;
        recipients.clock = clock;
        recipients.locks = ClusterLocksAccess.over(em, clock);
        return recipients;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
