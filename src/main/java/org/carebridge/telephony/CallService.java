package org.carebridge.telephony;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.reachability.Reachability;
import org.carebridge.user.User;

/**
 * Masked calls: a user asks to call someone they may reach ({@link Reachability}); the voice
 * provider rings the caller's cell phone and then the callee, showing both the caller
 * organization's voice number. Every request to a reachable person is stored as a
 * {@link CallRequest} with an audit line, also when it cannot be placed.
 *
 * <p>The request is stored and audited in one transaction, the provider is asked outside any
 * transaction (it may take seconds), and its answer is stored in a second one. If the server
 * stops in between, the request stays {@link CallOutcome#REQUESTED}.
 */
@ApplicationScoped
public class CallService {

    private static final Logger LOG = Logger.getLogger(CallService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Reachability reachability;

    @Inject
    AuditTrail audit;

    @Inject
    TelephonyProviders providers;

    @Inject
    CallService self;

    /** A stored request and, when it can be placed, what to ask the provider. */
    public record Opened(CallRequest request, BridgeRequest bridge) {
    }

    /**
     * {@code callerId} asks to call {@code calleeId}. Returns the stored request with its outcome.
     *
     * @throws CallRefusedException when the callee is not someone the caller may reach, or the caller
     */
    public CallRequest request(long callerId, long calleeId) {
        Opened opened = self.open(callerId, calleeId);
        if (opened.bridge() == null) {
            return opened.request();
        }
        CallPlacement placement = providers.voiceCalls().bridge(opened.bridge());
        return self.settle(opened.request().getId(), placement);
    }

    /** Stores the request (and its audit line), deciding whether it can be placed at all. */
    @Transactional
    public Opened open(long callerId, long calleeId) {
        User caller = em.find(User.class, callerId);
        if (caller == null) {
            throw new IllegalStateException("No user " + callerId);
        }
        if (callerId == calleeId) {
            throw new CallRefusedException(CallRefusedException.Reason.SELF, "You cannot call yourself.");
        }
        User callee = em.find(User.class, calleeId);
        if (callee == null || !reachability.mayReach(caller, callee)) {
            LOG.info(() -> "User " + callerId + " asked to call user id " + calleeId + ", who is not in their directory");
            throw new CallRefusedException(CallRefusedException.Reason.UNKNOWN_CALLEE,
                    "No one with id " + calleeId + " is in your directory.");
        }
        Optional<PhoneNumber> cell = CallEndpoint.cellOf(caller);
        Optional<PhoneNumber> voice = Optional.ofNullable(caller.getOrganization().getVoiceNumber()).map(PhoneNumber::parse);
        Optional<CallEndpoint> target = CallEndpoint.of(callee);
        CallEndpoint.Line line = target.map(CallEndpoint::line).orElse(null);

        CallOutcome refusal = cell.isEmpty() ? CallOutcome.NO_CELL_NUMBER
                : voice.isEmpty() ? CallOutcome.NO_VOICE_NUMBER
                : target.isEmpty() ? CallOutcome.NO_CALLEE_NUMBER
                : null;
        CallRequest request = refusal == null
                ? CallRequest.requested(caller, callee, voice.get(), line, clock.instant())
                : CallRequest.refused(caller, callee, voice.orElse(null), line, refusal, clock.instant());
        em.persist(request);
        em.flush();
        audit.recordBy(caller, caller.getOrganization(), AuditAction.CALL_REQUESTED, AuditTarget.of("Call", request.getId()),
                details(request, callee));
        if (refusal != null) {
            LOG.info(() -> "Call " + request.getId() + " of user " + callerId + " not placed: " + refusal);
            return new Opened(request, null);
        }
        return new Opened(request, new BridgeRequest(request.getId(), cell.get(), target.get(), voice.get()));
    }

    /** Stores the provider's answer to an opened request. */
    @Transactional
    public CallRequest settle(long callRequestId, CallPlacement placement) {
        CallRequest request = em.find(CallRequest.class, callRequestId);
        request.settle(placement, clock.instant());
        return request;
    }

    /** Who was called and how, for the audit trail: names, staff ids and the public voice number only. */
    static String details(CallRequest request, User callee) {
        StringBuilder details = new StringBuilder("Call to ").append(callee.getSortName())
                .append(" (staff ID ").append(callee.getStaffId()).append(')');
        if (!callee.getOrganization().getId().equals(request.getOrganization().getId())) {
            details.append(" of ").append(callee.getOrganization().getName());
        }
        if (request.getCalleeLine() != null) {
            details.append(", on their ").append(switch (request.getCalleeLine()) {
                case CELL -> "cell phone";
                case BADGE -> "badge (guest access number and extension)";
                case DESK -> "desk phone";
            });
        }
        if (request.getPresentedNumber() != null) {
            details.append("; both sides see ").append(request.getPresentedNumber());
        }
        if (request.getOutcome().isRefusedHere()) {
            details.append(". ").append(request.getOutcome().label());
        }
        return details.toString();
    }
}
