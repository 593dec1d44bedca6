package org.carebridge.telephony;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.practice;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

/** A call request's own rules: settled once, refused only for reasons decided here, failures kept short. */
class CallRequestTest {

    private final User caller = user(hospital(1), 10, "caller@hospital.example");
    private final User callee = user(practice(2), 20, "callee@practice.example");
    private final PhoneNumber voice = PhoneNumber.parse("(617) 555-0101");

    @Test
    void aRequestIsSettledOnceByTheProvidersAnswer() {
        CallRequest request = CallRequest.requested(caller, callee, voice, CallEndpoint.Line.CELL, NOW);
        assertEquals(CallOutcome.REQUESTED, request.getOutcome());
        assertNull(request.getSettledAt());
        assertEquals(1L, request.getOrganization().getId(), "the caller's organization");
        assertEquals(2L, request.getCalleeOrganization().getId());
        request.settle(CallPlacement.unavailable(0, "timeout"), NOW.plusSeconds(10));
        assertEquals(CallOutcome.SERVICE_UNAVAILABLE, request.getOutcome());
        assertEquals("timeout", request.getFailureReason());
        assertEquals(NOW.plusSeconds(10), request.getSettledAt());
        assertThrows(IllegalStateException.class, () -> request.settle(CallPlacement.placed("CA1", 201), NOW));
    }

    @Test
    void theServicesAnswerBecomesTheOutcome() {
        CallRequest refused = CallRequest.requested(caller, callee, voice, CallEndpoint.Line.BADGE, NOW);
        refused.settle(CallPlacement.refused(400, "21211"), NOW);
        assertEquals(CallOutcome.REFUSED_BY_SERVICE, refused.getOutcome());
        assertEquals("HTTP 400 21211", refused.getFailureReason());
        CallRequest placed = CallRequest.requested(caller, callee, voice, CallEndpoint.Line.BADGE, NOW);
        placed.settle(CallPlacement.placed("CA1", 201), NOW);
        assertEquals(CallOutcome.PLACED, placed.getOutcome());
        assertEquals("CA1", placed.getProviderCallId());
        assertNull(placed.getFailureReason());
        assertEquals("(617) 555-0101", placed.getPresentedNumber());
    }

    @Test
    void onlyReasonsDecidedHereRefuseARequestAtOnce() {
        CallRequest noCell = CallRequest.refused(caller, callee, voice, null, CallOutcome.NO_CELL_NUMBER, NOW);
        assertEquals(NOW, noCell.getSettledAt());
        assertThrows(IllegalStateException.class, () -> noCell.settle(CallPlacement.placed("CA1", 201), NOW));
        assertThrows(IllegalArgumentException.class,
                () -> CallRequest.refused(caller, callee, voice, null, CallOutcome.PLACED, NOW));
        assertThrows(NullPointerException.class,
                () -> CallRequest.requested(caller, callee, null, CallEndpoint.Line.CELL, NOW));
    }
}
