package org.carebridge.messaging;

import java.time.Clock;

import jakarta.persistence.EntityManager;

import org.carebridge.RecordingEvent;
import org.carebridge.access.TestAccess;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.TestAudit;
import org.carebridge.events.EventLog;
import org.carebridge.events.EventLogAccess;
import org.carebridge.messaging.outsider.OutsidersAccess;
import org.carebridge.platform.persistence.ClusterLocksAccess;
import org.carebridge.reachability.Reachability;
import org.carebridge.reachability.ReachabilityAccess;

/**
 * Messaging wired by hand over one entity manager, as the container wires it: sending, reading,
 * receipts, expiry and the event log, with acknowledgements observed synchronously by the
 * receipts as in the container. For tests and benchmarks outside the container.
 */
public final class MessagingAccess {

    public final MessagingService messaging = new MessagingService();
    public final ConversationQueries queries = new ConversationQueries();
    public final Receipts receipts = new Receipts();
    public final MessageExpiry expiry = new MessageExpiry();
    public final MessageViewer viewer = new MessageViewer();
    public final EventLog events;
    public final RecordingEvent<MessageSent> sent = new RecordingEvent<>();

    private MessagingAccess(EntityManager em, Clock clock) {
        Reachability reachability = ReachabilityAccess.over(em);
        AuditTrail audit = TestAudit.trail(em, clock, TestAccess.signedOut());
        viewer.em = em;
        viewer.clock = clock;
        events = EventLogAccess.over(em, clock, viewer, receipts::acknowledged);
        RecipientResolver resolver = new RecipientResolver();
        resolver.em = em;
        resolver.reachability = reachability;
        messaging.em = em;
        messaging.clock = clock;
        messaging.reachability = reachability;
        messaging.resolver = resolver;
        messaging.events = events;
        messaging.audit = audit;
        messaging.sent = sent;
        messaging.outsiderRecipients = OutsidersAccess.recipients(em, clock);
        queries.em = em;
        queries.clock = clock;
        queries.viewer = viewer;
        queries.messaging = messaging;
        receipts.em = em;
        receipts.clock = clock;
        receipts.events = events;
        receipts.audit = audit;
        receipts.messaging = messaging;
        expiry.em = em;
        expiry.clock = clock;
        expiry.locks = ClusterLocksAccess.over(em, clock);
        expiry.events = events;
        expiry.audit = audit;
        expiry.self = expiry;
    }

    public static MessagingAccess over(EntityManager em, Clock clock) {
        return new MessagingAccess(em, clock);
    }
}
