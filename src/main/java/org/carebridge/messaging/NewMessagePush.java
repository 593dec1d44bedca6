package org.carebridge.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.carebridge.events.ConnectedClients;
import org.carebridge.push.PushNotification;
import org.carebridge.push.PushService;

/**
 * Wakes recipients who are not connected: after a message commits, each recipient without an
 * open event socket on this node gets a push notification on their devices (no text: the app
 * fetches the message). A recipient connected to another node of a cluster may get one too; apps
 * in the foreground ignore it. Sent on an executor thread, so a slow push service never delays
 * the sender's answer.
 */
@ApplicationScoped
public class NewMessagePush {

    private static final Logger LOG = Logger.getLogger(NewMessagePush.class.getName());

    @Inject
    ConnectedClients clients;

    @Inject
    PushService push;

    @Resource
    ManagedExecutorService executor;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSent sent) {
        PushNotification notification = PushNotification.newMessage(sent.conversationId(), sent.priority(),
                sent.prioritySoundSeconds());
        for (Long recipient : sent.recipientIds()) {
            if (!clients.isConnectedHere(recipient)) {
                executor.execute(() -> notify(recipient, notification));
            }
        }
    }

    private void notify(Long recipient, PushNotification notification) {
        try {
            push.notifyUser(recipient, notification);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push notification to user " + recipient + " failed", e);
        }
    }
}
