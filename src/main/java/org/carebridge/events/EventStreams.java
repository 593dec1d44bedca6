package org.carebridge.events;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

/**
 * Moves logged events onto this node's sockets. Every socket reads its user's log from where it
 * stands, both when it opens (replaying what the client missed) and whenever events are appended,
 * so live delivery and replay are the same code path and a socket can neither skip nor repeat a
 * sequence number.
 */
@ApplicationScoped
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    /** Events read from the log per query while catching up. */
    static final int BATCH = 200;

    @Inject
    ConnectedClients clients;

    @Inject
    EventLog log;

    @Inject
    ClusterRelay relay;

    @Resource
    ManagedExecutorService executor;

    /**
     * Starts the stream of a newly opened socket. With {@code after} (the last sequence the client
     * saw) it replays everything newer; without it, the client starts from now (it loads its
     * state over REST first). Either way the socket is told where the log stands first.
     */
    void open(Session session, long userId, Long after) throws IOException {
        long last = log.lastSequence(userId);
        long from = after == null ? last : after;
        session.getUserProperties().put(EventStream.PROPERTY, new EventStream(userId, from));
        session.getBasicRemote().sendText(JSON.toJson(ClientEvent.ready(last)));
        catchUp(session);
    }

    // @Default: not the copies Payara fires with @Outbound/@Inbound, which would loop between nodes.
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default EventsAppended appended) {
        deliverHere(appended);
        relay.toOtherNodes(appended);
    }

    /** Events were appended for these users (here or on another node): their sockets here catch up. */
    void deliverHere(EventsAppended appended) {
        for (Long userId : appended.userIds()) {
            for (Session session : clients.socketsOf(userId)) {
                catchUp(session);
            }
        }
    }

    /** Has {@code session} send what its user's log holds beyond what it has sent, on an executor thread. */
    void catchUp(Session session) {
        if (!(session.getUserProperties().get(EventStream.PROPERTY) instanceof EventStream stream)) {
            return;
        }
        if (stream.request()) {
            executor.execute(() -> drain(session, stream));
        }
    }

    private void drain(Session session, EventStream stream) {
        try {
            int seen;
            do {
                seen = stream.pendingRequests();
                sendPending(session, stream);
            } while (stream.finishedPass(seen));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Event stream of user " + stream.userId() + " broke off; the client resumes", e);
            close(session, "Event delivery failed; reconnect and resume");
        }
    }

    private void sendPending(Session session, EventStream stream) throws IOException {
        while (session.isOpen()) {
            EventLog.Batch batch = log.after(stream.userId(), stream.lastSent(), BATCH);
            if (batch.resyncNeeded()) {
                session.getBasicRemote().sendText(JSON.toJson(ClientEvent.resync(batch.lastSequence())));
                stream.sent(batch.lastSequence());
                continue;
            }
            if (batch.events().isEmpty()) {
                return;
            }
            for (ClientEvent event : batch.events()) {
                session.getBasicRemote().sendText(JSON.toJson(event));
                stream.sent(event.sequence());
            }
            if (batch.events().size() < BATCH) {
                return;
            }
        }
    }

    private static void close(Session session, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, reason));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a broken event socket failed", e);
        }
    }
}
