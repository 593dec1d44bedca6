package org.carebridge.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.messaging.DeliveryRoute;
import org.carebridge.messaging.DeliveryState;
import org.carebridge.messaging.MessageDelivery;
import org.carebridge.messaging.MessageDraft;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.messaging.MessagingAccess;
import org.carebridge.messaging.Recipients;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Badge copies of messages on a fresh H2 and a fresh PostgreSQL schema, each call in its own
 * transaction as the container runs them: which recipients get one (the routing rule applied to
 * stored users), what a connector has to send and in which order, sending again after a
 * reconnect, acknowledgements and answers recorded as the recipient's through the receipts, and
 * every refusal changing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadgeDeliveriesTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);

    @BeforeAll
    void migrate() {
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            databases.put(kind, TestDatabase.create(kind));
        }
    }

    @AfterAll
    void drop() {
        databases.values().forEach(TestDatabase::close);
    }

    /**
     * A hospital with an integration (voice server only, expiry 30 minutes): Alice writes; Ebby
     * is a badge user; Nina is a native user linked to badge user Ned and never signed in to a
     * client; Nate is a plain native user. A second hospital has its own integration.
     */
    private final class World {
        final TestDatabase db;
        final SettableClock clock = new SettableClock(START);
        final String run = UUID.randomUUID().toString().substring(0, 8);
        Organization hospital;
        Organization other;
        long integrationId;
        long otherIntegrationId;
        User alice;
        User ebby;
        User nina;
        User ned;
        User nate;

        World(TestDatabase.Kind kind) {
            db = databases.get(kind);
            db.run(em -> {
                hospital = organization(em, "Badge Hospital");
                hospital.changeMessageExpiration(30);
                other = organization(em, "Other Hospital");
                integrationId = integration(em, hospital);
                otherIntegrationId = integration(em, other);
                alice = nativeUser(em, hospital, "Alice");
                nina = nativeUser(em, hospital, "Nina");
                nate = nativeUser(em, hospital, "Nate");
                ebby = externalUser(em, hospital, "e-ebby", "Ebby");
                ned = externalUser(em, hospital, "e-ned", "Ned");
                ned.linkTo(nina);
            });
        }

        private Organization organization(EntityManager em, String name) {
            Organization org = new Organization(OrganizationKind.HOSPITAL, name + " " + run,
                    PhoneNumber.parse("(408) 882-5830"), ZONE, START);
            em.persist(org);
            return org;
        }

        private long integration(EntityManager em, Organization org) {
            Integration integration = new Integration(org, Integration.newIntegrationUserId(), "ciphertext", START);
            em.persist(integration);
            em.flush();
            return integration.getId();
        }

        private User nativeUser(EntityManager em, Organization org, String first) {
            User user = User.nativeUser(org, first.toLowerCase() + "." + run + "@badge.test", first, "Native", ZONE, START);
            em.persist(user);
            user.assignStaffId();
            return user;
        }

        private User externalUser(EntityManager em, Organization org, String externalId, String first) {
            User user = User.externalUser(org, externalId, first, "Badge", ZONE, START);
            em.persist(user);
            user.assignStaffId();
            return user;
        }

        <T> T in(BiFunction<BadgeDeliveries, MessagingAccess, T> work) {
            return db.transaction(em -> {
                MessagingAccess messaging = MessagingAccess.over(em, clock);
                BadgeRoutes routes = new BadgeRoutes();
                routes.em = em;
                BadgeDeliveries deliveries = new BadgeDeliveries();
                deliveries.em = em;
                deliveries.clock = clock;
                deliveries.routes = routes;
                deliveries.receipts = messaging.receipts;
                return work.apply(deliveries, messaging);
            });
        }

        /** Alice writes to {@code to}, a multiple-choice message; returns its id. */
        long send(List<String> choices, User... to) {
            Long[] ids = java.util.Arrays.stream(to).map(User::getId).toArray(Long[]::new);
            return in((d, m) -> m.messaging.start(alice.getId(), Recipients.users(ids),
                    new MessageDraft(UUID.randomUUID().toString(), "Room 12 needs you", MessagePriority.HIGH, choices))
                    .message().getId());
        }

        Set<Long> queue(long messageId, User... to) {
            return in((d, m) -> d.queue(messageId, java.util.Arrays.stream(to).map(User::getId).toList()));
        }

        List<BadgeDeliveries.Outgoing> due(Organization org, Instant resendBefore) {
            return in((d, m) -> d.due(org.getId(), resendBefore, 100));
        }

        void sent(List<BadgeDeliveries.Outgoing> outgoing) {
            in((d, m) -> {
                d.markSent(outgoing.stream().map(BadgeDeliveries.Outgoing::badgeDeliveryId).toList());
                return null;
            });
        }

        Optional<BadgeRefusal> ack(long integration, long messageId, String externalId) {
            return in((d, m) -> d.acknowledge(integration, String.valueOf(messageId), externalId));
        }

        Optional<BadgeRefusal> answer(long integration, String messageId, String externalId, String choice) {
            return in((d, m) -> d.answer(integration, messageId, externalId, choice));
        }

        MessageDelivery delivery(long messageId, User recipient) {
            return db.transaction(em -> em.createNamedQuery(MessageDelivery.OF_RECIPIENT, MessageDelivery.class)
                    .setParameter("messageId", messageId).setParameter("recipientId", recipient.getId())
                    .getSingleResult());
        }

        List<BadgeDelivery> rows(long messageId) {
            return db.transaction(em -> em.createQuery("select b from BadgeDelivery b where b.message.id = :id"
                    + " order by b.id", BadgeDelivery.class).setParameter("id", messageId).getResultList());
        }

        long receiptsFor(User user) {
            return db.transaction(em -> em.createQuery("select count(e) from LoggedEvent e where e.userId = :user"
                    + " and e.type = 'receipt'", Long.class).setParameter("user", user.getId()).getSingleResult());
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static BadgeRefusal.Code code(Optional<BadgeRefusal> refusal) {
        return refusal.map(BadgeRefusal::code).orElse(null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBadgeUserAndALinkedUserWhoNeverSignedInGetCopiesAPlainNativeUserDoesNot(TestDatabase.Kind kind) {
        World w = new World(kind);
        long messageId = w.send(List.of("Yes", "No"), w.ebby, w.nina, w.nate);
        Map<Long, DeliveryRoute> routes = w.in((d, m) -> d.routes.routes(messageId,
                List.of(w.ebby.getId(), w.nina.getId(), w.nate.getId())));
        assertEquals(Map.of(w.ebby.getId(), DeliveryRoute.BADGE, w.nina.getId(), DeliveryRoute.BOTH), routes,
                "Nate is not listed: the app only");

        assertEquals(Set.of(w.hospital.getId()), w.queue(messageId, w.ebby, w.nina, w.nate));
        List<BadgeDelivery> rows = w.rows(messageId);
        assertEquals(2, rows.size());
        assertEquals(w.ebby.getId(), rows.get(0).getRecipient().getId());
        assertEquals(w.ebby.getId(), rows.get(0).getBadgeUser().getId());
        assertEquals(w.nina.getId(), rows.get(1).getRecipient().getId(), "counted for the native profile");
        assertEquals(w.ned.getId(), rows.get(1).getBadgeUser().getId(), "rung on the linked badge");
        assertTrue(rows.stream().allMatch(r -> r.getState() == BadgeDeliveryState.PENDING && r.getAttempts() == 0));
        assertEquals(Set.of(), w.queue(messageId, w.ebby, w.nina, w.nate), "queuing again adds nothing");
        assertEquals(2, w.rows(messageId).size());

        List<BadgeDeliveries.Outgoing> due = w.due(w.hospital, null);
        assertEquals(2, due.size());
        JsonObject frame = json(due.get(0).frame());
        assertEquals("badge-message", frame.getString("type"));
        assertEquals(String.valueOf(messageId), frame.getString("messageId"));
        assertEquals("e-ebby", frame.getString("externalId"));
        assertEquals("Alice Native", frame.getString("from"));
        assertEquals(w.hospital.getName(), frame.getString("fromOrganization"));
        assertEquals("Room 12 needs you", frame.getString("text"));
        assertEquals("HIGH", frame.getString("priority"));
        assertEquals(List.of("Yes", "No"), frame.getJsonArray("choices").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(START.plus(Duration.ofMinutes(30)).toString(), frame.getString("expiresAt"));
        assertTrue(frame.getString("conversationId").matches("\\d+"));
        assertEquals("e-ned", json(due.get(1).frame()).getString("externalId"));
        assertEquals(List.of(), w.due(w.other, null), "another organization's connector gets nothing");

        // Nina signs in to the app: from now on what is written in the app reaches her there only.
        w.db.run(em -> em.find(User.class, w.nina.getId()).clientLoggedIn(START));
        long next = w.send(List.of(), w.ebby, w.nina);
        assertEquals(Map.of(w.ebby.getId(), DeliveryRoute.BADGE),
                w.in((d, m) -> d.routes.routes(next, List.of(w.ebby.getId(), w.nina.getId()))));
        w.queue(next, w.ebby, w.nina);
        assertEquals(List.of(w.ebby.getId()), w.rows(next).stream().map(r -> r.getBadgeUser().getId()).toList());
        assertFalse(json(w.due(w.hospital, null).get(2).frame()).containsKey("choices"), "a plain message");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void copiesAreSentInOrderOnceAndAgainAfterAReconnectUntilAcknowledgedOrExpired(TestDatabase.Kind kind) {
        World w = new World(kind);
        long first = w.send(List.of(), w.ebby);
        w.clock.advance(Duration.ofSeconds(1));
        long second = w.send(List.of(), w.ebby);
        w.queue(second, w.ebby);
        w.queue(first, w.ebby);
        List<BadgeDeliveries.Outgoing> due = w.due(w.hospital, null);
        assertEquals(List.of(String.valueOf(first), String.valueOf(second)),
                due.stream().map(o -> json(o.frame()).getString("messageId")).toList(), "oldest message first");
        w.sent(due);
        assertEquals(List.of(), w.due(w.hospital, null), "sent once per connection");
        assertTrue(w.rows(first).stream().allMatch(r -> r.getState() == BadgeDeliveryState.SENT && r.getAttempts() == 1
                && r.getSentAt() != null));

        // The connector reconnects: what it never acknowledged goes again.
        w.clock.advance(Duration.ofSeconds(5));
        Instant reconnected = w.clock.instant();
        w.clock.advance(Duration.ofMillis(10));
        assertEquals(2, w.due(w.hospital, reconnected).size());
        assertEquals(Optional.empty(), w.ack(w.integrationId, first, "e-ebby"));
        List<BadgeDeliveries.Outgoing> again = w.due(w.hospital, reconnected);
        assertEquals(List.of(String.valueOf(second)), again.stream().map(o -> json(o.frame()).getString("messageId")).toList(),
                "an acknowledged copy is not sent again");
        w.sent(again);
        assertEquals(List.of(), w.due(w.hospital, reconnected), "sent again once per connection");
        assertEquals(2, w.rows(second).get(0).getAttempts());
        for (int i = 2; i < BadgeDelivery.MAX_SENDS; i++) {
            w.clock.advance(Duration.ofSeconds(1));
            Instant later = w.clock.instant();
            w.clock.advance(Duration.ofMillis(10));
            w.sent(w.due(w.hospital, later));
        }
        w.clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), w.due(w.hospital, w.clock.instant()), "given up after " + BadgeDelivery.MAX_SENDS + " sends");

        // A connector offline until the message expired never gets it; the sweep closes its copy
        // (and the copies given up on), while acknowledged ones keep their state.
        long late = w.send(List.of(), w.ebby);
        w.queue(late, w.ebby);
        w.clock.advance(Duration.ofMinutes(31));
        assertEquals(List.of(), w.due(w.hospital, w.clock.instant()));
        // The sweep covers every organization; other tests' worlds share this database.
        assertTrue(w.in((d, m) -> d.closeExpired()) >= 2, "the late copy and the one given up on");
        assertEquals(BadgeDeliveryState.UNDELIVERED, w.rows(late).get(0).getState());
        assertEquals(BadgeDeliveryState.UNDELIVERED, w.rows(second).get(0).getState());
        assertEquals(BadgeDeliveryState.ACKNOWLEDGED, w.rows(first).get(0).getState());
        assertEquals(0, (int) w.in((d, m) -> d.closeExpired()), "repeating changes nothing");
        assertEquals(Optional.empty(), w.ack(w.integrationId, late, "e-ebby"), "a late acknowledgement is taken");
        assertEquals(BadgeDeliveryState.UNDELIVERED, w.rows(late).get(0).getState(), "but changes nothing");
        assertEquals(Set.of(), w.queue(w.send(List.of(), w.nate), w.nate), "nobody to ring");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCopyWaitingForABadgeUserASyncRemovedIsNeverSent(TestDatabase.Kind kind) {
        World w = new World(kind);
        long waiting = w.send(List.of(), w.ebby);
        w.queue(waiting, w.ebby);
        assertEquals(1, w.due(w.hospital, null).size());
        Instant removedAt = w.clock.instant();
        w.db.transaction(em -> em.find(User.class, w.ebby.getId()).removeFromSync(removedAt));
        assertEquals(List.of(), w.due(w.hospital, null), "the badge is gone on premises, and so is its external id");
        assertEquals(BadgeDeliveryState.PENDING, w.rows(waiting).get(0).getState(), "the row stays as history");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAcknowledgementDeliversAndAnAnswerCountsForTheRecipientOnceWithEveryRefusalChangingNothing(
            TestDatabase.Kind kind) {
        World w = new World(kind);
        long messageId = w.send(List.of("Yes", "No"), w.ebby, w.nina);
        w.queue(messageId, w.ebby, w.nina);
        w.sent(w.due(w.hospital, null));
        long receipts = w.receiptsFor(w.alice);

        assertEquals(Optional.empty(), w.ack(w.integrationId, messageId, "e-ebby"));
        assertEquals(DeliveryState.DELIVERED, w.delivery(messageId, w.ebby).getState());
        assertEquals(receipts + 1, w.receiptsFor(w.alice), "the sender's receipt, as for an app");
        assertEquals(Optional.empty(), w.ack(w.integrationId, messageId, "e-ebby"), "a repeat is harmless");
        assertEquals(receipts + 1, w.receiptsFor(w.alice), "and tells nobody again");
        assertEquals(BadgeDeliveryState.ACKNOWLEDGED, w.rows(messageId).get(0).getState());

        // Refusals: not this organization's connector, not a message of this badge, no such choice.
        assertEquals(BadgeRefusal.Code.UNKNOWN_MESSAGE, code(w.ack(w.otherIntegrationId, messageId, "e-ebby")));
        assertEquals(BadgeRefusal.Code.UNKNOWN_MESSAGE,
                code(w.answer(w.otherIntegrationId, String.valueOf(messageId), "e-ebby", "Yes")));
        assertEquals(BadgeRefusal.Code.UNKNOWN_MESSAGE, code(w.answer(w.integrationId, "m-1", "e-ebby", "Yes")));
        assertEquals(BadgeRefusal.Code.UNKNOWN_MESSAGE,
                code(w.answer(w.integrationId, String.valueOf(messageId), "e-nobody", "Yes")));
        assertEquals(BadgeRefusal.Code.NOT_A_CHOICE,
                code(w.answer(w.integrationId, String.valueOf(messageId), "e-ebby", "Maybe")));
        assertNull(w.delivery(messageId, w.ebby).getResponsePosition());

        // Ned's badge answers for Nina, the linked native profile.
        assertEquals(Optional.empty(), w.answer(w.integrationId, String.valueOf(messageId), "e-ned", " No "));
        MessageDelivery nina = w.delivery(messageId, w.nina);
        assertEquals(1, nina.getResponsePosition());
        assertEquals(DeliveryState.READ, nina.getState());
        assertEquals(BadgeDeliveryState.ANSWERED, w.rows(messageId).get(1).getState());
        assertEquals(BadgeRefusal.Code.ALREADY_ANSWERED,
                code(w.answer(w.integrationId, String.valueOf(messageId), "e-ned", "Yes")));
        assertEquals(1, w.delivery(messageId, w.nina).getResponsePosition(), "the first answer stands");

        // Ebby answers in time; a plain message has nothing to answer; past expiry nothing is taken.
        long plain = w.send(List.of(), w.ebby);
        w.queue(plain, w.ebby);
        assertEquals(BadgeRefusal.Code.NOT_MULTIPLE_CHOICE,
                code(w.answer(w.integrationId, String.valueOf(plain), "e-ebby", "Yes")));
        w.clock.advance(Duration.ofMinutes(31));
        assertEquals(BadgeRefusal.Code.EXPIRED,
                code(w.answer(w.integrationId, String.valueOf(messageId), "e-ebby", "Yes")));
        assertNull(w.delivery(messageId, w.ebby).getResponsePosition());
        assertEquals(BadgeDeliveryState.ACKNOWLEDGED, w.rows(messageId).get(0).getState());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutAnEnabledIntegrationLinkedUsersGetTheAppAndBadgeUsersWaitForTheConnector(TestDatabase.Kind kind) {
        World w = new World(kind);
        w.db.run(em -> em.find(Integration.class, w.integrationId).disable());
        long messageId = w.send(List.of(), w.ebby, w.nina);
        assertEquals(Map.of(w.ebby.getId(), DeliveryRoute.BADGE),
                w.in((d, m) -> d.routes.routes(messageId, List.of(w.ebby.getId(), w.nina.getId()))));
        w.queue(messageId, w.ebby, w.nina);
        assertEquals(1, w.due(w.hospital, null).size(), "kept for when a connector signs in again");
    }
}
