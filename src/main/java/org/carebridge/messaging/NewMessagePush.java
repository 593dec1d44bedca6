package org.carebridge.messaging;

import java.util.List;
import java.util.Map;
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
 * fetches the message), unless the message goes to their badge only ({@link RecipientRoutes}).
 * A recipient connected to another node of a cluster may get one too; apps in the foreground
 * ignore it. Sent on an executor thread, so a slow push service never delays the sender's answer.
 */
@ApplicationScoped
public class NewMessagePush {

    private static final Logger LOG = Logger.getLogger(NewMessagePush.class.getName());

    @Inject
    ConnectedClients clients;

    @Inject
    PushService push;

    @Inject
    RecipientRoutes routes;

    @Resource
    ManagedExecutorService executor;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageSent sent) {
        PushNotification notification = PushNotification.newMessage(sent.conversationId(), sent.priority(),
                sent.prioritySoundSeconds());
        List<Long> offline = sent.recipientIds().stream().filter(r -> !clients.isConnectedHere(r)).toList();
        if (!offline.isEmpty()) {
            executor.execute(() -> notifyAppUsers(sent.messageId(), offline, notification));
        }
    }

    private void notifyAppUsers(long messageId, List<Long> recipients, PushNotification notification) {
        Map<Long, DeliveryRoute> routed;
        try {
            routed = routes.routes(messageId, recipients);
        } catch (RuntimeException e) {
            // Better a push too many than a message nobody is alerted to.
            LOG.log(Level.WARNING, "Routes of message " + messageId + " unknown; pushing to every recipient", e);
            routed = Map.of();
        }
        for (Long recipient : recipients) {
            if (routed.getOrDefault(recipient, DeliveryRoute.APP).reachesApp()) {
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
