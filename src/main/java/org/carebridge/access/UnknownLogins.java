package org.carebridge.access;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The rows of {@link UnknownLogin}, created on the first attempt for an address in a
 * transaction of their own, so two nodes creating the same row at once both find it afterwards.
 */
@ApplicationScoped
public class UnknownLogins {

    private static final Logger LOG = Logger.getLogger(UnknownLogins.class.getName());

    @PersistenceContext
    EntityManager em;

    /** This bean through its proxy, so {@link #create} runs in a transaction of its own. */
    @Inject
    UnknownLogins self;

    /**
     * The counters of {@code emailHash}, held under a row lock until the caller's transaction
     * ends; created first when missing.
     */
    @Transactional(TxType.MANDATORY)
    public UnknownLogin locked(String emailHash) {
        UnknownLogin found = em.find(UnknownLogin.class, emailHash, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            try {
                self.create(emailHash);
            } catch (RuntimeException createdByAnother) {
                LOG.fine("Counters of an unknown address were created concurrently");
            }
            found = em.find(UnknownLogin.class, emailHash, LockModeType.PESSIMISTIC_WRITE);
        }
        return found;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void create(String emailHash) {
        em.persist(new UnknownLogin(emailHash));
    }
}
