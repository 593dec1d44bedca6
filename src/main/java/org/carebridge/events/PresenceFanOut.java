package org.carebridge.events;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.reachability.Reachability;
import org.carebridge.user.User;

/**
 * Delivers presence changes to the connected users who may reach the changed user, and only to
 * them. After the change commits, this node delivers to its own sockets and relays the change to
 * the other nodes, which deliver to theirs ({@link ClusterRelay}). Each node asks
 * {@link Reachability} once per change which of its connected users may reach the changed one.
 */
@ApplicationScoped
public class PresenceFanOut {

    private static final Logger LOG = Logger.getLogger(PresenceFanOut.class.getName());

    @Inject
    ConnectedClients clients;

    @Inject
    Reachability reachability;

    @Inject
    ClusterRelay relay;

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    /** This bean through its proxy, so the delivery on the executor's thread gets its transaction. */
    @Inject
    PresenceFanOut self;

    // @Default: not the copies Payara fires with @Outbound/@Inbound, which would loop between nodes.
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default PresenceChanged change) {
        executor.execute(() -> self.deliverHere(change));
        relay.toOtherNodes(change);
    }

    /**
     * Sends {@code change} to this node's sockets of users who may reach the changed user. Runs in
     * a (read-only) transaction of its own: the entity manager needs one on executor threads.
     */
    @Transactional
    public void deliverHere(PresenceChanged change) {
        try {
            Set<Long> connected = clients.userIds();
            if (connected.isEmpty()) {
                return;
            }
            User changed = em.find(User.class, change.userId());
            if (changed == null) {
                return;
            }
            clients.send(reachability.whoMayReach(changed, connected), ClientEvent.presence(change));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence change of user " + change.userId() + " not delivered", e);
        }
    }
}
