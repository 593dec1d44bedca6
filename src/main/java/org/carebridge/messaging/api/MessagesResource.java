package org.carebridge.messaging.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carebridge.access.ClientCaller;
import org.carebridge.messaging.ConversationQueries;
import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingViews.MessageView;
import org.carebridge.messaging.Receipts;
import org.carebridge.messaging.api.MessagingRequests.Answer;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One message of the signed-in user's conversations, and answering a multiple-choice message. */
@Path("v1/messages")
@ClientAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging")
@SecurityRequirement(name = "accessToken")
@APIResponse(responseCode = "401", description = "No active access token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class MessagesResource {

    @Inject
    ClientCaller caller;

    @Inject
    ConversationQueries queries;

    @Inject
    Receipts receipts;

    @GET
    @Path("{id}")
    @Operation(summary = "One message as the caller sees it (the sender sees every recipient's state)")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "404", description = "Not a message of the caller's conversations, or expired")
    public MessageView message(@PathParam("id") long id) {
        return queries.message(caller.userId(), id);
    }

    @POST
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a multiple-choice message",
            description = "One answer per recipient, counted from 0; answering also marks the message read. The sender"
                    + " receives a response event.")
    @APIResponse(responseCode = "200", description = "Answered; the message as the caller now sees it")
    @APIResponse(responseCode = "400", description = "No such choice, or the message offers none")
    @APIResponse(responseCode = "404", description = "Not a message the caller received, or expired")
    @APIResponse(responseCode = "409", description = "Already answered, own message, or content removed")
    public MessageView respond(@PathParam("id") long id, Answer answer) {
        if (answer == null || answer.choice() == null) {
            throw new MessagingRefusedException(MessagingRefusedException.Reason.INVALID,
                    "Say which answer in \"choice\" (counted from 0).");
        }
        long me = caller.userId();
        receipts.respond(me, id, answer.choice());
        return queries.message(me, id);
    }
}
