package org.carebridge.integration;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.carebridge.events.ClusterRelay;
import org.carebridge.messaging.MessageSent;

/**
 * Carries badge copies of messages to the connectors. The copies are queued in the sender's
 * transaction, so a message and its badge copies are stored together or not at all (a node
 * stopping right after the commit loses nothing); once it commits they are sent, on an executor
 * thread, on the organization's connector socket if this node holds it, otherwise the other
 * nodes are told through Payara's clustered CDI events. {@link SyncScheduler} also calls {@link #sendDue} for
 * every connector on its 5-second round, which sends what a connector missed while it was
 * offline (everything unacknowledged, on its first round after signing in) and anything a lost
 * relay left behind.
 */
@ApplicationScoped
public class BadgeDispatch {

    private static final Logger LOG = Logger.getLogger(BadgeDispatch.class.getName());
    static final int BATCH = 100;

    @Inject
    BadgeDeliveries deliveries;

    @Inject
    SyncConnections connections;

    @Inject
    ClusterRelay relay;

    @Resource
    ManagedExecutorService executor;

    /** Organizations with copies queued by transactions not yet ended, by message id. */
    private final Map<Long, Set<Long>> queuedUncommitted = new ConcurrentHashMap<>();

    /** In the sender's transaction, before the after-commit observers (also when there is none). */
    void queue(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) MessageSent sent) {
        Set<Long> organizations = deliveries.queue(sent.messageId(), sent.recipientIds());
        if (!organizations.isEmpty()) {
            queuedUncommitted.put(sent.messageId(), organizations);
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSent sent) {
        Set<Long> organizations = queuedUncommitted.remove(sent.messageId());
        if (organizations != null) {
            executor.execute(() -> dispatch(sent.messageId(), organizations));
        }
    }

    void rolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) MessageSent sent) {
        queuedUncommitted.remove(sent.messageId());
    }

    private void dispatch(long messageId, Set<Long> organizations) {
        try {
            Set<Long> elsewhere = new TreeSet<>();
            for (Long organizationId : organizations) {
                List<SyncConnections.Connection> here = connections.ofOrganization(organizationId);
                if (here.isEmpty()) {
                    elsewhere.add(organizationId);
                }
                here.forEach(this::sendDue);
            }
            if (!elsewhere.isEmpty()) {
                relay.toOtherNodes(new BadgeDeliveriesQueued(elsewhere));
            }
        } catch (RuntimeException e) {
            // The copies are stored; the scheduler's next round sends them.
            LOG.log(Level.WARNING, "Sending the badge copies of message " + messageId + " failed", e);
        }
    }

    /** Copies queued on another node for connectors that may be held here. */
    void received(@Observes @Any BadgeDeliveriesQueued queued, EventMetadata metadata) {
        if (ClusterRelay.isInbound(metadata)) {
            executor.execute(() -> queued.organizationIds()
                    .forEach(id -> connections.ofOrganization(id).forEach(this::sendDue)));
        }
    }

    /**
     * Sends what the connection's organization has due, in order, in batches. On the first call
     * after the connector signed in, copies sent on earlier connections and never acknowledged go
     * again. Serialised per connection with the scheduler's other work on it.
     */
    public void sendDue(SyncConnections.Connection connection) {
        if (!connection.isAuthenticated()) {
            return;
        }
        synchronized (connection) {
            boolean resending = !connection.badgesResent;
            Instant resendBefore = resending ? connection.signedInAt : null;
            try {
                List<BadgeDeliveries.Outgoing> due;
                do {
                    due = deliveries.due(connection.organizationId(), resendBefore, BATCH);
                    List<Long> sent = new ArrayList<>(due.size());
                    try {
                        for (BadgeDeliveries.Outgoing outgoing : due) {
                            connection.send(outgoing.frame());
                            sent.add(outgoing.badgeDeliveryId());
                        }
                    } finally {
                        deliveries.markSent(sent);
                    }
                } while (due.size() == BATCH);
                if (resending) {
                    connection.badgesResent = true;
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "Sending badge messages on a sync connection failed", e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sending badge messages to the connector of organization "
                        + connection.organizationId() + " failed", e);
            }
        }
    }
}
