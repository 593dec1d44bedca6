package org.carebridge.messaging.api;

import java.net.URI;
import java.sql.SQLException;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carebridge.access.ClientCaller;
import org.carebridge.messaging.ConversationQueries;
import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingService;
import org.carebridge.messaging.MessagingViews.ConversationPage;
import org.carebridge.messaging.MessagingViews.ConversationSummary;
import org.carebridge.messaging.MessagingViews.MessagePage;
import org.carebridge.messaging.MessagingViews.MessageView;
import org.carebridge.messaging.Receipts;
import org.carebridge.messaging.api.MessagingRequests.NewConversation;
import org.carebridge.messaging.api.MessagingRequests.NewMessage;
import org.carebridge.messaging.api.MessagingRequests.ReadMessages;
import org.carebridge.messaging.outsider.OutsiderRecipients;
import org.carebridge.platform.api.ClientAuthenticated;
import org.carebridge.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's conversations: list, start, read the history, write, mark read. Every
 * id is checked against the caller's own conversations; any other answers 404.
 */
@Path("v1/conversations")
@ClientAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging", description = "Conversations and messages of the signed-in user")
@SecurityRequirement(name = "accessToken")
@APIResponse(responseCode = "401", description = "No active access token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public class ConversationsResource {

    static final String START_EXAMPLE = """
            {"to": {"users": [1101], "groups": [1050], "organization": false,
                    "emails": ["pat.lee@example.org"], "mobileNumbers": ["(508) 555-0123"]},
             "clientMessageId": "0b6f3c1e-8a52-4d3b-9c1e-2f4a5b6c7d8e",
             "text": "Bed 12 needs a review before discharge. Can you come by 3 pm?",
             "priority": "HIGH", "choices": ["Yes", "No", "Call me"]}""";

    static final String MESSAGE_EXAMPLE = """
            {"id": 2051, "conversationId": 1201, "clientMessageId": "0b6f3c1e-8a52-4d3b-9c1e-2f4a5b6c7d8e",
             "sender": {"id": 1100, "name": "Dr. Priya Shah, MD", "organizationId": 1000,
                        "organizationName": "Riverside General Hospital"},
             "text": "Bed 12 needs a review before discharge. Can you come by 3 pm?", "priority": "HIGH",
             "choices": ["Yes", "No", "Call me"], "sentAt": "2026-11-24T14:02:11Z",
             "expiresAt": "2026-12-01T14:02:11Z", "expired": false, "contentRemoved": false,
             "recipients": [{"userId": 1101, "name": "Dr. Jane Q. Doe, MD", "state": "READ",
                             "deliveredAt": "2026-11-24T14:02:12Z", "readAt": "2026-11-24T14:03:40Z",
                             "response": 0, "respondedAt": "2026-11-24T14:03:45Z"}]}""";

    @Inject
    ClientCaller caller;

    @Inject
    MessagingService messaging;

    @Inject
    ConversationQueries queries;

    @Inject
    Receipts receipts;

    @GET
    @Operation(summary = "The signed-in user's conversations, newest activity first",
            description = "Only conversations with at least one unexpired message. Each has its participants, a"
                    + " preview of the newest message, the number of unread messages and whether any of them is"
                    + " high priority.")
    @APIResponse(responseCode = "200", description = "A page of conversations",
            content = @Content(schema = @Schema(implementation = ConversationPage.class)))
    @APIResponse(responseCode = "400", description = "limit out of range or a cursor this server did not give")
    public ConversationPage list(@Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to " + ConversationQueries.MAX_PAGE + "; default "
                    + ConversationQueries.DEFAULT_PAGE) @QueryParam("limit") Integer limit) {
        return queries.conversations(caller.userId(), cursor, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a conversation with a first message",
            description = "Recipients are users, groups (members at the time of sending) and, where the organization"
                    + " allows it, the whole own organization. Everyone must be in the sender's directory; otherwise"
                    + " nothing is sent and the answer names who is not reachable. Where the organization allows"
                    + " messages to non-users, people without an account can be named by e-mail address (emails) or"
                    + " mobile number (mobileNumbers, North American or +country code); each gets a mail or text"
                    + " message without the content, with a single-use link to read and reply in a browser."
                    + " Writing to one person again continues the conversation you already have with them. The same"
                    + " clientMessageId again returns the message already created (200) instead of sending twice.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewConversation.class),
            examples = @ExampleObject(name = "high priority, multiple choice", value = START_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Sent; the conversation and the message")
    @APIResponse(responseCode = "200", description = "A retry: the message this clientMessageId already created")
    @APIResponse(responseCode = "400", description = "Empty or too long text, bad choices, no recipients")
    @APIResponse(responseCode = "409", description = "The clientMessageId names another message")
    @APIResponse(responseCode = "422", description = "Some recipients are not reachable (named in the answer);"
            + " non-users named while the organization does not allow them, a malformed address (named), or more"
            + " than " + OutsiderRecipients.MAX_PER_CONVERSATION + " non-users")
    public Response start(NewConversation request) {
        if (request == null || request.to() == null) {
            throw new MessagingRefusedException(MessagingRefusedException.Reason.INVALID,
                    "Say who the message is for in \"to\".");
        }
        long me = caller.userId();
        MessagingService.Sent sent = once(me, request.clientMessageId(),
                () -> messaging.start(me, request.to().recipients(), request.draft()));
        long conversationId = sent.message().getConversation().getId();
        Started answer = new Started(queries.conversation(me, conversationId),
                queries.message(me, sent.message().getId()));
        return created(sent, URI.create("v1/conversations/" + conversationId), answer);
    }

    /** The answer to starting a conversation. */
    public record Started(ConversationSummary conversation, MessageView message) {
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One conversation of the signed-in user")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(schema = @Schema(implementation = ConversationSummary.class)))
    @APIResponse(responseCode = "404", description = "Not a conversation of the caller")
    public ConversationSummary conversation(@PathParam("id") long id) {
        return queries.conversation(caller.userId(), id);
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "A conversation's history, newest page first",
            description = "Unexpired messages, oldest first within a page; olderCursor fetches the page before.")
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(schema = @Schema(implementation = MessagePage.class)))
    @APIResponse(responseCode = "404", description = "Not a conversation of the caller")
    public MessagePage history(@PathParam("id") long id,
            @Parameter(description = "olderCursor of the previous answer") @QueryParam("before") String before,
            @QueryParam("limit") Integer limit) {
        return queries.history(caller.userId(), id, before, limit);
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write into a conversation",
            description = "Everyone else in the conversation receives it; if some are no longer reachable nothing is"
                    + " sent (422). The same clientMessageId again returns the message already created (200).")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(schema = @Schema(implementation = MessageView.class),
                    examples = @ExampleObject(name = "as its sender sees it", value = MESSAGE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "A retry: the message already created")
    @APIResponse(responseCode = "404", description = "Not a conversation of the caller")
    @APIResponse(responseCode = "409", description = "The clientMessageId names another message")
    @APIResponse(responseCode = "422", description = "Some participants are no longer reachable, or the conversation"
            + " has non-users and the organization no longer allows messages to them")
    public Response send(@PathParam("id") long id, NewMessage request) {
        if (request == null) {
            throw new MessagingRefusedException(MessagingRefusedException.Reason.INVALID, "Send a message.");
        }
        long me = caller.userId();
        MessagingService.Sent sent = once(me, request.clientMessageId(), () -> messaging.send(me, id, request.draft()));
        return created(sent, URI.create("v1/messages/" + sent.message().getId()),
                queries.message(me, sent.message().getId()));
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark messages of a conversation read",
            description = "Each sender sees the read state; the caller's other devices clear their unread count."
                    + " Own, expired and already read messages are skipped.")
    @APIResponse(responseCode = "200", description = "How many messages changed to read")
    @APIResponse(responseCode = "404", description = "Not a conversation of the caller")
    public Marked read(@PathParam("id") long id, ReadMessages request) {
        return new Marked(receipts.markRead(caller.userId(), id, request == null ? null : request.messageIds()));
    }

    /** How many messages a read request changed. */
    public record Marked(int changed) {
    }

    /**
     * Runs a send; when a concurrent retry with the same client message id won the race (the
     * unique key refused this one), answers with the message that retry created.
     */
    private MessagingService.Sent once(long senderId, String clientMessageId, Supplier<MessagingService.Sent> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            if (isConstraintViolation(e) && clientMessageId != null) {
                return messaging.sentBefore(senderId, clientMessageId).map(m -> new MessagingService.Sent(m, false))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static Response created(MessagingService.Sent sent, URI location, Object body) {
        return sent.created() ? Response.created(location).entity(body).build() : Response.ok(body).build();
    }
}
