package org.carebridge.telephony;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of {@code /api/v1/calls}. Never entities, never a private number. */
public final class CallApiTypes {

    private CallApiTypes() {
    }

    // A class with public fields rather than a record: Payara's OpenAPI scanner fails on Bean
    // Validation annotations of record components (see access.ClientApiTypes).

    @Schema(description = "Whom to call: a person of the caller's directory")
    public static final class CallOrder {
        @NotNull @Schema(description = "The callee's id, as the directory lists it", example = "1102")
        public Long calleeId;

        public CallOrder() {
        }

        public CallOrder(Long calleeId) {
            this.calleeId = calleeId;
        }
    }

    @Schema(description = "A call the voice service is placing: the caller's phone rings first, showing the"
            + " organization's voice number; when answered, the callee's phone rings, showing the same number")
    public record CallAnswer(
            @Schema(description = "Our id of this call request", example = "1042") long callId,
            @Schema(example = "1102") long calleeId,
            @Schema(description = "PLACED: the voice service accepted the call", example = "PLACED") String state,
            @Schema(description = "The caller organization's voice number, which both sides see",
                    example = "(617) 555-0101") String voiceNumber,
            Instant requestedAt) {

        static CallAnswer of(CallRequest request) {
            return new CallAnswer(request.getId(), request.getCallee().getId(), request.getOutcome().name(),
                    request.getPresentedNumber(), request.getRequestedAt());
        }
    }
}
