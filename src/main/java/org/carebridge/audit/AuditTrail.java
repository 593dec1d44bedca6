package org.carebridge.audit;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.carebridge.access.CurrentAdmin;
import org.carebridge.organization.Organization;
import org.carebridge.user.User;

/**
 * Writes the audit trail. Every recording joins the transaction of the change it describes,
 * so a change and its audit line are stored together or not at all. The actor is the signed-in
 * administrator when there is one, otherwise the system (timers, the connector) — or the person
 * named by {@link #recordBy}, e.g. someone registering from an invitation.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentAdmin admin;

    /**
     * Records {@code action} on {@code target} in {@code organization} by whoever is acting.
     *
     * @param details what changed, for people to read; never secrets, PINs, message text or private numbers
     */
    @Transactional(TxType.MANDATORY)
    public void record(Organization organization, AuditAction action, AuditTarget target, String details) {
        User actor = CurrentAdmin.signedInOrNull(admin);
        if (actor == null) {
            persist(AuditEvent.bySystem(organization, action.code(), typeOf(target), idOf(target), details,
                    clock.instant()));
        } else {
            recordBy(actor, organization, action, target, details);
        }
    }

    /** Records {@code action} done by {@code actor}, who need not be signed in to the console. */
    @Transactional(TxType.MANDATORY)
    public void recordBy(User actor, Organization organization, AuditAction action, AuditTarget target,
            String details) {
        // The signed-in administrator was loaded earlier in the request, often by another transaction.
        User managed = actor.getId() == null || em.contains(actor) ? actor : em.find(User.class, actor.getId());
        persist(AuditEvent.byUser(managed == null ? actor : managed, organization, action.code(), typeOf(target),
                idOf(target), details, clock.instant()));
    }

    /**
     * Records a message event (sent, delivered, read, responded, expired) with metadata only:
     * the message as target, its conversation for filtering, never its text. {@code actor} is
     * {@code null} for the server's own events (expiry).
     */
    @Transactional(TxType.MANDATORY)
    public void recordMessageEvent(User actor, Organization organization, AuditAction action, long messageId,
            long conversationId, String details) {
        AuditTarget target = AuditTarget.of("message", messageId);
        AuditEvent event = actor == null
                ? AuditEvent.bySystem(organization, action.code(), target.type(), target.id(), details, clock.instant())
                : AuditEvent.byUser(actor, organization, action.code(), target.type(), target.id(), details,
                        clock.instant());
        persist(event.inConversation(conversationId));
    }

    /**
     * Records a message event done by a non-user, named by {@code actorLabel} (their id and
     * channel, never the address), with metadata only.
     */
    @Transactional(TxType.MANDATORY)
    public void recordOutsiderMessageEvent(String actorLabel, Organization organization, AuditAction action,
            long messageId, long conversationId, String details) {
        AuditTarget target = AuditTarget.of("message", messageId);
        persist(AuditEvent.byLabel(actorLabel, organization, action.code(), target.type(), target.id(), details,
                clock.instant()).inConversation(conversationId));
    }

    /**
     * Records {@code action} as done by the server even while an administrator is signed in: for
     * work a timer or a stopped node left behind that the administrator's request only came across.
     */
    @Transactional(TxType.MANDATORY)
    public void recordBySystem(Organization organization, AuditAction action, AuditTarget target, String details) {
        persist(AuditEvent.bySystem(organization, action.code(), typeOf(target), idOf(target), details,
                clock.instant()));
    }

    private void persist(AuditEvent event) {
        em.persist(event);
        LOG.fine(() -> "Audit " + event.getAction() + " by " + event.getActorLabel());
    }

    private static String typeOf(AuditTarget target) {
        return target == null ? null : target.type();
    }

    private static String idOf(AuditTarget target) {
        return target == null ? null : target.id();
    }
}
