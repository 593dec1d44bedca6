package org.carebridge.messaging.outsider;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.outsider.OutsiderViews.OutsiderConversation;
import org.carebridge.messaging.outsider.OutsiderViews.OutsiderMessage;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API behind the non-user's page ({@code /app/outsider.html}): the one conversation a link
 * opened, by the session cookie the link set (HttpOnly, SameSite=Strict, sent only to this path).
 * Writes accept JSON bodies only, which a form on another site cannot send.
 */
@Path("v1/outsider")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Non-user page", description = "Reading and replying for people without an account, after a link opened"
        + " their page; authenticated by the session cookie, not by an access token")
@APIResponse(responseCode = "401", description = "No open session: never opened, closed after inactivity, left,"
        + " or messages to non-users were turned off",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class OutsiderResource {

    @Inject
    OutsiderInbox inbox;

    @Inject
    OutsiderAccess access;

    @Inject
    PublicLinks links;

    @Context
    HttpServletRequest request;

    /** A reply: {@code clientMessageId} (a UUID the page chooses) makes a resubmission safe. */
    public record Reply(String clientMessageId, String text) {
    }

    /** Messages the page showed. */
    public record ReadMessages(List<Long> messageIds) {
    }

    /** The chosen answer, counted from 0. */
    public record Answer(Integer choice) {
    }

    /** How many messages changed to read. */
    public record Marked(int changed) {
    }

    @GET
    @Path("conversation")
    @Operation(summary = "The messages written to the non-user in the conversation their link opened, and their replies",
            description = "Unexpired messages only, oldest first; other recipients are not shown.")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(schema = @Schema(implementation = OutsiderConversation.class)))
    public OutsiderConversation conversation(@CookieParam(OutsiderAccess.COOKIE) String session) {
        return inbox.conversation(session);
    }

    @POST
    @Path("read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark messages the page showed as read; each sender sees it")
    @APIResponse(responseCode = "200", description = "How many messages changed to read")
    public Marked read(@CookieParam(OutsiderAccess.COOKIE) String session, ReadMessages body) {
        return new Marked(inbox.markRead(session, body == null ? null : body.messageIds()));
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to everyone in the conversation",
            description = "Plain text, up to 4,000 characters. The conversation's users receive it like any message;"
                    + " other non-users get a notice with a new link. The same clientMessageId again returns the reply"
                    + " already created (200).")
    @APIResponse(responseCode = "201", description = "Sent")
    @APIResponse(responseCode = "200", description = "A retry: the reply already created")
    @APIResponse(responseCode = "400", description = "Empty or too long text")
    @APIResponse(responseCode = "422", description = "Replies are no longer accepted")
    public Response reply(@CookieParam(OutsiderAccess.COOKIE) String session, Reply body) {
        if (body == null) {
            throw new MessagingRefusedException(Reason.INVALID, "Write a reply.");
        }
        OutsiderMessage sent = inbox.reply(session, body.clientMessageId(), body.text());
        return Response.created(URI.create("v1/outsider/conversation")).entity(sent).build();
    }

    @POST
    @Path("messages/{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a multiple-choice message written to the non-user",
            description = "One answer, counted from 0; answering also marks it read. The sender receives a response event.")
    @APIResponse(responseCode = "200", description = "Answered; the message as the page now shows it")
    @APIResponse(responseCode = "404", description = "Not a message written to this non-user here, or expired")
    @APIResponse(responseCode = "409", description = "Already answered, or content removed")
    public OutsiderMessage answer(@CookieParam(OutsiderAccess.COOKIE) String session, @PathParam("id") long id,
            Answer answer) {
        if (answer == null || answer.choice() == null) {
            throw new MessagingRefusedException(Reason.INVALID, "Say which answer in \"choice\" (counted from 0).");
        }
        return inbox.answer(session, id, answer.choice());
    }

    @DELETE
    @Path("session")
    @Operation(summary = "Leave: the session ends now and its cookie is removed")
    @APIResponse(responseCode = "204", description = "Left (also when there was nothing to end)")
    public Response leave(@CookieParam(OutsiderAccess.COOKIE) String session) {
        access.end(session);
        return Response.noContent()
                .header("Set-Cookie", OutsiderCookie.removal(request.getContextPath(),
                        links.isHttps() || request.isSecure()))
                .build();
    }

    /** A closed session answers 401 {@code /problems/non-user-session-ended}. */
    @Provider
    public static class SessionEnded implements ExceptionMapper<OutsiderSessionEndedException> {
        @Override
        public Response toResponse(OutsiderSessionEndedException e) {
            return Problem.of(Response.Status.UNAUTHORIZED, "non-user-session-ended", "This page has closed",
                    e.getMessage()).toResponse();
        }
    }
}
