package org.carebridge.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.carebridge.events.ConnectedClients;
import org.carebridge.push.PushNotification;
import org.carebridge.push.PushService;
import org.junit.jupiter.api.Test;

/** Who is woken by a push notification after a message commits, and what it says. */
class NewMessagePushTest {

    private final List<Long> pushedTo = new ArrayList<>();
    private final List<PushNotification> notifications = new ArrayList<>();
    private int tasks;

    private NewMessagePush push(Set<Long> connectedHere, RecipientRoutes routes, Set<Long> pushFails) {
        NewMessagePush push = new NewMessagePush();
        push.clients = new ConnectedClients() {
            @Override
            public boolean isConnectedHere(long userId) {
                return connectedHere.contains(userId);
            }
        };
        push.push = new PushService() {
            @Override
            public Report notifyUser(Long userId, PushNotification notification) {
                if (pushFails.contains(userId)) {
                    throw new IllegalStateException("push service down");
                }
                pushedTo.add(userId);
                notifications.add(notification);
                return new Report(1, 0, 0);
            }
        };
        push.routes = routes;
        // The container's executor, run inline: what is handed to it happens, in order.
        push.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        throw new AssertionError("NewMessagePush hands work to its executor with execute only, not "
                                + method.getName());
                    }
                    tasks++;
                    ((Runnable) args[0]).run();
                    return null;
                });
        return push;
    }

    @Test
    void recipientsWithoutASocketHereAreWokenUnlessTheMessageGoesToTheirBadgeOnly() {
        RecipientRoutes routes = (messageId, recipients) -> Map.of(2L, DeliveryRoute.APP, 3L, DeliveryRoute.BADGE,
                4L, DeliveryRoute.BOTH);
        push(Set.of(1L), routes, Set.of()).committed(new MessageSent(10, 77, List.of(1L, 2L, 3L, 4L, 5L),
                MessagePriority.HIGH, 30));
        // 1 is connected (the socket delivers), 3 is reached on the badge only; 5 has no route: the app.
        assertEquals(List.of(2L, 4L, 5L), pushedTo);
        PushNotification expected = new PushNotification("77", MessagePriority.HIGH, 30);
        assertTrue(notifications.stream().allMatch(expected::equals), notifications.toString());
    }

    @Test
    void everyoneConnectedHereMeansNoPushAndNoWork() {
        push(Set.of(1L, 2L), (m, r) -> Map.of(), Set.of()).committed(new MessageSent(10, 77, List.of(1L, 2L),
                MessagePriority.NORMAL, 30));
        assertEquals(List.of(), pushedTo);
        assertEquals(0, tasks);
    }

    @Test
    void unknownRoutesWakeEveryOfflineRecipientRatherThanNobody() {
        RecipientRoutes broken = (messageId, recipients) -> {
            throw new IllegalStateException("database gone");
        };
        push(Set.of(), broken, Set.of()).committed(new MessageSent(10, 77, List.of(2L, 3L), MessagePriority.NORMAL, 30));
        assertEquals(List.of(2L, 3L), pushedTo);
        assertEquals(new PushNotification("77", MessagePriority.NORMAL, null), notifications.get(0));
    }

    @Test
    void oneFailedPushDoesNotKeepTheOthersFromTheirs() {
        push(Set.of(), (m, r) -> Map.of(), Set.of(2L)).committed(new MessageSent(10, 77, List.of(2L, 3L, 4L),
                MessagePriority.NORMAL, 30));
        assertEquals(List.of(3L, 4L), pushedTo);
    }
}
