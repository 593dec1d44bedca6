package org.carebridge.telephony;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.carebridge.organization.Organization;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;

/**
 * One masked call a user asked for, kept as metadata: who called whom, for which organization,
 * when, the voice number shown and what became of it. The numbers dialled are never stored.
 * The organization is the caller's: its voice number is shown and its administrators see the
 * request.
 */
@Entity
@Table(name = "call_request")
public class CallRequest {

    @Id
    @SequenceGenerator(name = "call_request_seq", sequenceName = "call_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_request_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", nullable = false, updatable = false)
    private Organization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "caller_id", updatable = false)
    private User caller;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "callee_id", updatable = false)
    private User callee;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "callee_organization_id", nullable = false, updatable = false)
    private Organization calleeOrganization;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "presented_number", updatable = false)
    private String presentedNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "callee_line", updatable = false)
    private CallEndpoint.Line calleeLine;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallOutcome outcome;

    @Column(name = "provider_call_id")
    private String providerCallId;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected CallRequest() {
    }

    private CallRequest(User caller, User callee, PhoneNumber presented, CallEndpoint.Line line, CallOutcome outcome,
            Instant at) {
        this.organization = caller.getOrganization();
        this.caller = caller;
        this.callee = callee;
        this.calleeOrganization = callee.getOrganization();
        this.requestedAt = at;
        this.presentedNumber = presented == null ? null : presented.digits();
        this.calleeLine = line;
        this.outcome = outcome;
        this.settledAt = outcome == CallOutcome.REQUESTED ? null : at;
    }

    /** A call about to be handed to the voice provider. */
    public static CallRequest requested(User caller, User callee, PhoneNumber presented, CallEndpoint.Line line,
            Instant at) {
        return new CallRequest(caller, callee, Objects.requireNonNull(presented, "presented"),
                Objects.requireNonNull(line, "line"), CallOutcome.REQUESTED, at);
    }

    /** A call that cannot be placed, for the reason {@code outcome} names; nothing is asked of the provider. */
    public static CallRequest refused(User caller, User callee, PhoneNumber presented, CallEndpoint.Line line,
            CallOutcome outcome, Instant at) {
        if (!outcome.isRefusedHere()) {
            throw new IllegalArgumentException(outcome + " is not a reason to refuse a call here");
        }
        return new CallRequest(caller, callee, presented, line, outcome, at);
    }

    /** Records the provider's answer, once. */
    public void settle(CallPlacement placement, Instant at) {
        if (outcome != CallOutcome.REQUESTED) {
            throw new IllegalStateException("Call request " + id + " is already settled as " + outcome);
        }
        this.outcome = switch (placement.outcome()) {
            case PLACED -> CallOutcome.PLACED;
            case REFUSED -> CallOutcome.REFUSED_BY_SERVICE;
            case UNAVAILABLE -> CallOutcome.SERVICE_UNAVAILABLE;
        };
        this.providerCallId = placement.providerCallId();
        this.failureReason = shorten(placement.failure());
        this.settledAt = at;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 64 ? text : text.substring(0, 64);
    }

    /** The voice number shown, formatted, or null when the organization had none. */
    public String getPresentedNumber() {
        return presentedNumber == null ? null : new PhoneNumber(presentedNumber).formatted();
    }

    public Long getId() { return id; }
    public Organization getOrganization() { return organization; }
    public User getCaller() { return caller; }
    public User getCallee() { return callee; }
    public Organization getCalleeOrganization() { return calleeOrganization; }
    public Instant getRequestedAt() { return requestedAt; }
    public CallEndpoint.Line getCalleeLine() { return calleeLine; }
    public CallOutcome getOutcome() { return outcome; }
    public String getProviderCallId() { return providerCallId; }
    public String getFailureReason() { return failureReason; }
    public Instant getSettledAt() { return settledAt; }
}
