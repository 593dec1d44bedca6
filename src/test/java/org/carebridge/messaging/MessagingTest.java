package org.carebridge.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.audit.AuditEvent;
import org.carebridge.events.ClientEvent;
import org.carebridge.events.EventLog;
import org.carebridge.group.ContactGroup;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.MessagingViews.ConversationSummary;
import org.carebridge.messaging.MessagingViews.MessageView;
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
 * Messaging on a fresh H2 and a fresh PostgreSQL schema, each call in its own transaction as the
 * container runs it: sending through the reachability rule, idempotent retries, group and
 * organization expansion, the event log with acknowledgement, read and answer receipts, expiry by
 * the sender's organization, and tenant isolation of every id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingTest {

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
     * Hospital A (messages expire after 30 minutes) affiliated with hospitals B (1 day) and C and
     * with practice P, which shares only its group "Shared" (so C and B reach each other and
     * Shared's members through A, and nobody outside P reaches P's other members).
     */
    private final class World {
        final TestDatabase db;
        final SettableClock clock = new SettableClock(START);
        final Map<String, Organization> orgs = new HashMap<>();
        final Map<String, User> users = new HashMap<>();
        ContactGroup cardiology;
        ContactGroup quiet;
        final String run = UUID.randomUUID().toString().substring(0, 8);

        World(TestDatabase.Kind kind) {
            db = databases.get(kind);
            db.transaction(em -> {
                for (String name : List.of("A", "B", "C", "P")) {
                    Organization org = new Organization(name.equals("P") ? OrganizationKind.PRACTICE
                            : OrganizationKind.HOSPITAL, "Org " + name + " " + run, PhoneNumber.parse("(408) 882-5830"),
                            ZONE, START);
                    em.persist(org);
                    orgs.put(name, org);
                }
                orgs.get("A").changeMessageExpiration(30);
                orgs.get("B").changeMessageExpiration(24 * 60);
                person(em, "a1", "A", "Alice", "Adams");
                person(em, "a2", "A", "Aaron", "Zimmer");
                person(em, "a3", "A", "Ann", "Young");
                person(em, "b1", "B", "Bea", "Baker");
                person(em, "c1", "C", "Carl", "Clark");
                person(em, "p1", "P", "Pat", "Parker");
                person(em, "p2", "P", "Pia", "Hidden");
                cardiology = new ContactGroup(orgs.get("A"), "Cardiology", START);
                cardiology.addMember(users.get("a2"));
                cardiology.addMember(users.get("a3"));
                cardiology.changeWholeGroupMessaging(true);
                em.persist(cardiology);
                quiet = new ContactGroup(orgs.get("A"), "Quiet", START);
                quiet.addMember(users.get("a2"));
                em.persist(quiet);
                ContactGroup shared = new ContactGroup(orgs.get("P"), "Shared", START);
                shared.addMember(users.get("p1"));
                em.persist(shared);
                em.persist(new Affiliation(orgs.get("A"), orgs.get("B"), START));
                em.persist(new Affiliation(orgs.get("A"), orgs.get("C"), START));
                Affiliation ap = new Affiliation(orgs.get("A"), orgs.get("P"), START);
                em.persist(ap);
                ap.setPermission(orgs.get("P"), AssociationPermission.GROUPS, List.of(shared));
                return null;
            });
        }

        private void person(EntityManager em, String key, String org, String first, String last) {
            User user = User.nativeUser(orgs.get(org), key + "." + run + "@msg.test", first, last, ZONE, START);
            em.persist(user);
            user.assignStaffId();
            users.put(key, user);
        }

        long id(String key) {
            return users.get(key).getId();
        }

        <T> T in(Function<MessagingAccess, T> work) {
            return db.transaction(em -> work.apply(MessagingAccess.over(em, clock)));
        }

        MessagingService.Sent start(String from, Recipients to, String text) {
            return in(m -> m.messaging.start(id(from), to, draft(text)));
        }

        EventLog.Batch events(String who, long after) {
            return in(m -> m.events.after(id(who), after, 100));
        }

        List<AuditEvent> audit(String action, long messageId) {
            return db.transaction(em -> em.createQuery("select e from AuditEvent e where e.action = :action"
                    + " and e.targetId = :id order by e.id", AuditEvent.class).setParameter("action", action)
                    .setParameter("id", String.valueOf(messageId)).getResultList());
        }
    }

    private static MessageDraft draft(String text) {
        return new MessageDraft(UUID.randomUUID().toString(), text, MessagePriority.NORMAL, List.of());
    }

    private static Set<Long> idsOf(List<MessagingViews.Person> people) {
        return people.stream().map(MessagingViews.Person::id).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageIsDeliveredAcknowledgedAndReadWithEveryStepLoggedForBothSides(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent sent = w.start("a1", Recipients.users(w.id("b1")), "Bed 12 is ready for review.");
        assertTrue(sent.created());
        long messageId = sent.message().getId();
        long conversationId = sent.message().getConversation().getId();

        EventLog.Batch bea = w.events("b1", 0);
        assertEquals(1, bea.events().size());
        ClientEvent arrived = bea.events().get(0);
        assertEquals("message", arrived.type());
        assertEquals(1L, arrived.sequence());
        MessageView asSeen = (MessageView) arrived.payload();
        assertEquals("Bed 12 is ready for review.", asSeen.text());
        assertEquals(DeliveryState.SENT, asSeen.state());
        assertNull(asSeen.recipients(), "a recipient does not see the others' states");
        assertEquals(START.plus(Duration.ofMinutes(30)), asSeen.expiresAt(), "A's expiration applies");
        assertEquals(1, w.events("a1", 0).events().size(), "the sender's other devices learn of it too");

        ConversationSummary listed = w.in(m -> m.queries.conversations(w.id("b1"), null, null)).conversations().get(0);
        assertEquals(conversationId, listed.id());
        assertEquals(1, listed.unread());
        assertEquals(Set.of(w.id("a1"), w.id("b1")), idsOf(listed.participants()));

        w.clock.advance(Duration.ofSeconds(2));
        w.in(m -> {
            m.events.acknowledge(w.id("b1"), 1);
            return null;
        });
        MessageView forSender = w.in(m -> m.queries.message(w.id("a1"), messageId));
        assertEquals(DeliveryState.DELIVERED, forSender.recipients().get(0).state());
        ClientEvent receipt = w.events("a1", 1).events().get(0);
        assertEquals("receipt", receipt.type());
        assertEquals("DELIVERED", ((JsonObject) receipt.payload()).getString("state"));
        w.in(m -> {
            m.events.acknowledge(w.id("b1"), 1);
            return null;
        });
        assertEquals(1, w.events("a1", 1).events().size(), "acknowledging again changes nothing");

        assertEquals(1, (int) w.in(m -> m.receipts.markRead(w.id("b1"), conversationId, List.of(messageId))));
        assertEquals(0, (int) w.in(m -> m.receipts.markRead(w.id("b1"), conversationId, List.of(messageId))));
        assertEquals(DeliveryState.READ, w.in(m -> m.queries.message(w.id("a1"), messageId)).recipients().get(0).state());
        assertEquals("READ", ((JsonObject) w.events("a1", 2).events().get(0).payload()).getString("state"));
        assertEquals("receipt", w.events("b1", 1).events().get(0).type(), "the reader's other devices clear it");
        assertEquals(0, w.in(m -> m.queries.conversations(w.id("b1"), null, null)).conversations().get(0).unread());

        assertEquals(1, w.audit("message.sent", messageId).size());
        assertEquals(1, w.audit("message.delivered", messageId).size());
        AuditEvent read = w.audit("message.read", messageId).get(0);
        assertEquals(w.orgs.get("B").getId(), read.getOrganization().getId(), "each side's own part of the trail");
        assertEquals(conversationId, read.getConversationId());
        assertFalse(read.getDetails().contains("Bed 12"), "never message text in the audit trail");
        assertThrows(IllegalArgumentException.class, () -> w.in(m -> {
            m.events.acknowledge(w.id("b1"), 99);
            return null;
        }));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRetryWithTheSameClientIdReturnsTheFirstMessageAndAReusedIdIsRefused(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessageDraft first = new MessageDraft("retry-1", "Call me", MessagePriority.HIGH, List.of());
        MessagingService.Sent sent = w.in(m -> m.messaging.start(w.id("a1"), Recipients.users(w.id("a2")), first));
        MessagingService.Sent again = w.in(m -> m.messaging.start(w.id("a1"), Recipients.users(w.id("a2")), first));
        assertFalse(again.created());
        assertEquals(sent.message().getId(), again.message().getId());
        long conversationId = sent.message().getConversation().getId();
        MessagingService.Sent inConversation = w.in(m -> m.messaging.send(w.id("a1"), conversationId, first));
        assertEquals(sent.message().getId(), inConversation.message().getId());
        assertEquals(1, w.events("a2", 0).events().size(), "one message, one event");

        MessagingRefusedException reused = assertThrows(MessagingRefusedException.class, () -> w.in(m ->
                m.messaging.send(w.id("a1"), conversationId, new MessageDraft("retry-1", "Other", null, null))));
        assertEquals(Reason.CLIENT_ID_REUSED, reused.reason());

        MessagingService.Sent second = w.start("a1", Recipients.users(w.id("a2")), "Second thought");
        assertEquals(conversationId, second.message().getConversation().getId(),
                "writing to the same person again continues the conversation");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void groupsAndTheOrganizationExpandToTheirMembersAndUnreachableRecipientsRefuseTheWholeSend(
            TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent toGroup = w.start("a1", new Recipients(List.of(w.id("b1")),
                List.of(w.cardiology.getId()), false), "Team huddle at 4");
        ConversationSummary conversation = w.in(m -> m.queries.conversation(w.id("a1"),
                toGroup.message().getConversation().getId()));
        assertEquals(Set.of(w.id("a1"), w.id("a2"), w.id("a3"), w.id("b1")), idsOf(conversation.participants()));
        assertEquals(1, w.events("a3", 0).events().size());

        MessagingRefusedException unreachable = assertThrows(MessagingRefusedException.class, () -> w.start("a1",
                new Recipients(List.of(w.id("b1"), w.id("p2"), -5L), List.of(w.quiet.getId()), false), "Hello"));
        assertEquals(Reason.NOT_REACHABLE, unreachable.reason());
        assertEquals(List.of(w.id("p2"), -5L), unreachable.unreachableUsers());
        assertEquals(List.of(w.quiet.getId()), unreachable.unreachableGroups(), "whole-group messaging is off");
        assertEquals(0, w.events("p2", 0).events().size());
        assertEquals(1, w.events("b1", 0).events().size(), "nothing of the refused send reached anyone");
        assertEquals(Reason.NOT_REACHABLE, assertThrows(MessagingRefusedException.class,
                () -> w.start("c1", Recipients.users(w.id("p2")), "Hi")).reason(), "P shares only its group");
        w.start("c1", Recipients.users(w.id("b1"), w.id("p1")), "Through hospital A");
        assertEquals(Reason.NOT_REACHABLE, assertThrows(MessagingRefusedException.class,
                () -> w.start("a1", new Recipients(List.of(), List.of(), true), "All hands")).reason());

        w.db.run(em -> em.find(Organization.class, w.orgs.get("A").getId()).changeMessaging(true, false));
        MessagingService.Sent everyone = w.start("a1", new Recipients(List.of(), List.of(), true), "All hands");
        ConversationSummary all = w.in(m -> m.queries.conversation(w.id("a1"),
                everyone.message().getConversation().getId()));
        assertEquals(Set.of(w.id("a1"), w.id("a2"), w.id("a3")), idsOf(all.participants()));
        assertEquals(Reason.INVALID, assertThrows(MessagingRefusedException.class,
                () -> w.start("a1", Recipients.users(w.id("a1")), "Note to self")).reason());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void expiryFollowsTheSendersOrganizationAndIsAnnouncedOnce(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent fromA = w.start("a1", Recipients.users(w.id("b1")), "From A, gone in 30 minutes");
        long conversationId = fromA.message().getConversation().getId();
        MessagingService.Sent fromB = w.in(m -> m.messaging.send(w.id("b1"), conversationId, draft("From B, a day")));
        assertEquals(START.plus(Duration.ofDays(1)), fromB.message().getExpiresAt());

        w.clock.advance(Duration.ofMinutes(31));
        List<MessageView> history = w.in(m -> m.queries.history(w.id("a1"), conversationId, null, null)).messages();
        assertEquals(List.of(fromB.message().getId()), history.stream().map(MessageView::id).toList());
        assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                () -> w.in(m -> m.queries.message(w.id("b1"), fromA.message().getId()))).reason());
        ClientEvent replayed = w.events("b1", 0).events().get(0);
        assertEquals(Map.of("messageId", fromA.message().getId(), "conversationId", conversationId, "expired", true),
                Map.of("messageId", ((MessagingViews.ExpiredPayload) replayed.payload()).messageId(),
                        "conversationId", ((MessagingViews.ExpiredPayload) replayed.payload()).conversationId(),
                        "expired", ((MessagingViews.ExpiredPayload) replayed.payload()).expired()),
                "a replayed event never shows expired text");

        long aBefore = w.in(m -> m.events.lastSequence(w.id("a1")));
        // The databases are shared by the tests of this class: others' messages may be due too.
        assertTrue(w.in(m -> m.expiry.announceDue()) >= 1);
        assertEquals(0, (int) w.in(m -> m.expiry.announceDue()), "announced once");
        ClientEvent expired = w.events("a1", aBefore).events().get(0);
        assertEquals("expired", expired.type());
        assertEquals(fromA.message().getId(), ((JsonObject) expired.payload()).getJsonNumber("messageId").longValue());
        assertEquals(1, w.audit("message.expired", fromA.message().getId()).size());
        assertEquals(w.orgs.get("A").getId(),
                w.audit("message.expired", fromA.message().getId()).get(0).getOrganization().getId());

        w.clock.advance(Duration.ofDays(1));
        assertTrue(w.in(m -> m.queries.conversations(w.id("a1"), null, null)).conversations().isEmpty(),
                "a conversation with only expired messages leaves the list");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRecipientAnswersAMultipleChoiceMessageOnceAndTheSenderSeesTheAnswer(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessageDraft question = new MessageDraft("q-" + w.run, "Can you cover nights on Friday?", MessagePriority.HIGH,
                List.of("Yes", " No ", "Call me"));
        MessagingService.Sent sent = w.in(m -> m.messaging.start(w.id("a1"),
                Recipients.users(w.id("a2"), w.id("b1")), question));
        long messageId = sent.message().getId();
        assertEquals(List.of("Yes", "No", "Call me"), sent.message().getChoices());

        w.in(m -> m.receipts.respond(w.id("b1"), messageId, 2));
        MessageView forSender = w.in(m -> m.queries.message(w.id("a1"), messageId));
        MessagingViews.Recipient bea = forSender.recipients().stream().filter(r -> r.userId() == w.id("b1"))
                .findFirst().orElseThrow();
        assertEquals(2, bea.response());
        assertEquals(DeliveryState.READ, bea.state(), "answering reads the message");
        assertNull(forSender.recipients().stream().filter(r -> r.userId() == w.id("a2")).findFirst().orElseThrow()
                .response());
        assertEquals(2, w.in(m -> m.queries.message(w.id("b1"), messageId)).response());
        List<ClientEvent> senderEvents = w.events("a1", 1).events();
        assertTrue(senderEvents.stream().anyMatch(e -> e.type().equals("response")
                && ((JsonObject) e.payload()).getInt("response") == 2));
        assertTrue(w.in(m -> m.queries.conversations(w.id("a2"), null, null)).conversations().get(0)
                .highPriorityUnread());

        assertEquals(Reason.CONFLICT, assertThrows(MessagingRefusedException.class,
                () -> w.in(m -> m.receipts.respond(w.id("b1"), messageId, 0))).reason(), "one answer each");
        assertEquals(Reason.CONFLICT, assertThrows(MessagingRefusedException.class,
                () -> w.in(m -> m.receipts.respond(w.id("a1"), messageId, 0))).reason(), "not one's own");
        assertEquals(Reason.INVALID, assertThrows(MessagingRefusedException.class,
                () -> w.in(m -> m.receipts.respond(w.id("a2"), messageId, 3))).reason());
        assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                () -> w.in(m -> m.receipts.respond(w.id("c1"), messageId, 0))).reason());
        assertEquals(1, w.audit("message.responded", messageId).size());
        assertFalse(w.audit("message.responded", messageId).get(0).getDetails().contains("Call me"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nobodyReadsOrWritesInAConversationTheyAreNotPartOf(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent sent = w.start("a1", Recipients.users(w.id("a2")), "Private to A");
        long conversationId = sent.message().getConversation().getId();
        long messageId = sent.message().getId();
        for (String outsider : List.of("b1", "a3")) {
            assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                    () -> w.in(m -> m.queries.conversation(w.id(outsider), conversationId))).reason());
            assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                    () -> w.in(m -> m.queries.history(w.id(outsider), conversationId, null, null))).reason());
            assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                    () -> w.in(m -> m.queries.message(w.id(outsider), messageId))).reason());
            assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                    () -> w.in(m -> m.messaging.send(w.id(outsider), conversationId, draft("Let me in")))).reason());
            assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                    () -> w.in(m -> m.receipts.markRead(w.id(outsider), conversationId, List.of(messageId)))).reason());
            assertTrue(w.in(m -> m.queries.conversations(w.id(outsider), null, null)).conversations().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void historyAndListsPageWithoutGapsAndTheLogAsksForAResyncOncePruned(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent first = w.start("a1", Recipients.users(w.id("a2")), "Message 0");
        long conversationId = first.message().getConversation().getId();
        for (int i = 1; i < 7; i++) {
            w.clock.advance(Duration.ofSeconds(1));
            int n = i;
            w.in(m -> m.messaging.send(w.id(n % 2 == 0 ? "a1" : "a2"), conversationId, draft("Message " + n)));
        }
        MessagingViews.MessagePage newest = w.in(m -> m.queries.history(w.id("a2"), conversationId, null, 3));
        assertEquals(List.of("Message 4", "Message 5", "Message 6"),
                newest.messages().stream().map(MessageView::text).toList());
        MessagingViews.MessagePage older = w.in(m -> m.queries.history(w.id("a2"), conversationId,
                newest.olderCursor(), 3));
        assertEquals(List.of("Message 1", "Message 2", "Message 3"),
                older.messages().stream().map(MessageView::text).toList());
        MessagingViews.MessagePage oldest = w.in(m -> m.queries.history(w.id("a2"), conversationId,
                older.olderCursor(), 3));
        assertEquals(List.of("Message 0"), oldest.messages().stream().map(MessageView::text).toList());
        assertNull(oldest.olderCursor());
        assertEquals(Reason.INVALID, assertThrows(MessagingRefusedException.class,
                () -> w.in(m -> m.queries.history(w.id("a2"), conversationId, "not-a-cursor", 3))).reason());

        List<Long> sequences = w.events("a2", 0).events().stream().map(ClientEvent::sequence).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), sequences, "one per message, no gaps");
        assertEquals(List.of(5L, 6L, 7L), w.events("a2", 4).events().stream().map(ClientEvent::sequence).toList());
        assertTrue(w.events("a2", 99).resyncNeeded(), "a number never given means: reload");

        w.clock.advance(Duration.ofDays(40));
        w.in(m -> m.events.prune(w.clock.instant().minus(Duration.ofDays(35))));
        EventLog.Batch pruned = w.events("a2", 2);
        assertTrue(pruned.resyncNeeded());
        assertEquals(7, pruned.lastSequence());
        assertFalse(w.events("a2", 7).resyncNeeded(), "up to date is not a gap");

        MessagingService.Sent other = w.start("a1", Recipients.users(w.id("a3")), "Another conversation");
        assertNotEquals(conversationId, other.message().getConversation().getId());
        MessagingViews.ConversationPage one = w.in(m -> m.queries.conversations(w.id("a1"), null, 1));
        assertEquals(other.message().getConversation().getId(), one.conversations().get(0).id(), "newest first");
        assertNull(w.in(m -> m.queries.conversations(w.id("a1"), one.nextCursor(), 1)).nextCursor(),
                "the older conversation's messages expired: it is not listed");
    }
}
