package org.carebridge.messaging.outsider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.audit.AuditEvent;
import org.carebridge.events.ClientEvent;
import org.carebridge.mail.OutboundMail;
import org.carebridge.messaging.DeliveryState;
import org.carebridge.messaging.MessageDraft;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessageOrigin;
import org.carebridge.messaging.MessageSent;
import org.carebridge.messaging.MessagingAccess;
import org.carebridge.messaging.MessagingRefusedException;
import org.carebridge.messaging.MessagingRefusedException.Reason;
import org.carebridge.messaging.MessagingService;
import org.carebridge.messaging.MessagingViews.ConversationSummary;
import org.carebridge.messaging.MessagingViews.MessageView;
import org.carebridge.messaging.MessagingViews.Recipient;
import org.carebridge.messaging.Recipients;
import org.carebridge.messaging.outsider.OutsiderAccess.LinkOutcome;
import org.carebridge.messaging.outsider.OutsiderViews.OutsiderConversation;
import org.carebridge.messaging.outsider.OutsiderViews.OutsiderMessage;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.telephony.SmsMessage;
import org.carebridge.telephony.SmsResult;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Messages to people without an account on a fresh H2 and a fresh PostgreSQL schema, each call in
 * its own transaction as the container runs it: the organization's setting, address rules and
 * limits; notices without content by mail and text message; single-use, expiring links; the
 * session a link opens, which sees one conversation and nothing else; replies and answers reaching
 * the users as any message does; and the setting turned off stopping everything new at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonUserMessagingTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Pattern LINK = Pattern.compile(Pattern.quote(OutsidersAccess.BASE_URL) + "/m/([A-Za-z0-9_-]+)");
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

    /** What the SMS service is asked; it accepts every text unless {@code answer} says otherwise. */
    private final class Texts {
        final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
        volatile SmsResult answer = null;

        SmsResult send(SmsMessage message) {
            sent.add(message);
            return answer == null ? SmsResult.accepted("SM" + sent.size(), 201) : answer;
        }
    }

    /**
     * Hospital A allows messages to non-users; its affiliate B does not; hospital C, a stranger
     * to both, allows them too.
     */
    private final class World {
        final TestDatabase db;
        final SettableClock clock = new SettableClock(START);
        final Map<String, Organization> orgs = new HashMap<>();
        final Map<String, User> users = new HashMap<>();
        final Texts texts = new Texts();
        final List<MessageSent> fired = new java.util.concurrent.CopyOnWriteArrayList<>();
        final String run = UUID.randomUUID().toString().substring(0, 8);

        World(TestDatabase.Kind kind) {
            db = databases.get(kind);
            db.run(em -> {
                for (String name : List.of("A", "B", "C")) {
                    Organization org = new Organization(OrganizationKind.HOSPITAL, "Org " + name + " " + run,
                            PhoneNumber.parse("(408) 882-5830"), ZONE, START);
                    org.changeMessaging(false, !name.equals("B"));
                    em.persist(org);
                    orgs.put(name, org);
                }
                person(em, "a1", "A", "Alice", "Adams");
                person(em, "a2", "A", "Aaron", "Zimmer");
                person(em, "b1", "B", "Bea", "Baker");
                person(em, "c1", "C", "Carl", "Clark");
                em.persist(new Affiliation(orgs.get("A"), orgs.get("B"), START));
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

        /** {@code work} with messaging and the non-user parts over one transaction. */
        long sessionsOf(long conversationId) {
            return db.transaction(em -> em.createQuery("select count(s) from OutsiderSession s"
                    + " where s.conversation.id = :id", Long.class).setParameter("id", conversationId).getSingleResult());
        }

        <T> T in(Function<Both, T> work) {
            return db.transaction(em -> {
                MessagingAccess m = MessagingAccess.over(em, clock);
                T result = work.apply(new Both(m, OutsidersAccess.over(m, em, clock, texts::send)));
                fired.addAll(m.sent.fired());
                return result;
            });
        }

        MessagingService.Sent start(String from, Recipients to, String text) {
            return in(b -> b.m().messaging.start(id(from), to, draft(text)));
        }

        MessagingService.Sent send(String from, long conversationId, String text) {
            return in(b -> b.m().messaging.send(id(from), conversationId, draft(text)));
        }

        /** Sends every due notice (other tests' too: the database is shared by this class). */
        void notify(int batch) {
            int sent;
            do {
                sent = in(b -> b.o().notices.sendNext(batch));
            } while (sent == batch);
        }

        void setting(String org, boolean nonUsers) {
            db.run(em -> em.find(Organization.class, orgs.get(org).getId()).changeMessaging(false, nonUsers));
        }

        List<OutboundMail> mailsTo(String address) {
            return db.transaction(em -> em.createQuery("select m from OutboundMail m where m.recipient = :to"
                    + " order by m.id", OutboundMail.class).setParameter("to", address).getResultList());
        }

        /** The token of the link in the newest mail to {@code address}. */
        String tokenMailedTo(String address) {
            List<OutboundMail> mails = mailsTo(address);
            assertFalse(mails.isEmpty(), "no mail to " + address);
            return token(mails.get(mails.size() - 1).message().text());
        }

        List<AuditEvent> audit(String action, long messageId) {
            return db.transaction(em -> em.createQuery("select e from AuditEvent e where e.action = :action"
                    + " and e.targetId = :id order by e.id", AuditEvent.class).setParameter("action", action)
                    .setParameter("id", String.valueOf(messageId)).getResultList());
        }

        OutsiderDelivery copy(long messageId) {
            return db.transaction(em -> em.createQuery("select d from OutsiderDelivery d where d.message.id = :id",
                    OutsiderDelivery.class).setParameter("id", messageId).getSingleResult());
        }

        List<ClientEvent> events(String who, long after) {
            return in(b -> b.m().events.after(id(who), after, 100)).events();
        }

        String open(String token) {
            OutsiderAccess.Opened opened = in(b -> b.o().access.open(token));
            assertEquals(LinkOutcome.USABLE, opened.outcome());
            return opened.sessionToken();
        }
    }

    private record Both(MessagingAccess m, OutsidersAccess o) {
    }

    private static MessageDraft draft(String text) {
        return new MessageDraft(UUID.randomUUID().toString(), text, MessagePriority.NORMAL, List.of());
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "no link in: " + text);
        return m.group(1);
    }

    private static Recipients emails(String... addresses) {
        return Recipients.nonUsers(List.of(addresses), List.of());
    }

    private static Recipients mobiles(String... numbers) {
        return Recipients.nonUsers(List.of(), List.of(numbers));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNonUserGetsAMailWithoutTheMessageOpensItOnceReadsItAndReplies(TestDatabase.Kind kind) {
        World w = new World(kind);
        String address = "pat.lee." + w.run + "@example.org";
        MessagingService.Sent sent = w.start("a1", emails("  Pat.Lee." + w.run + "@Example.ORG "),
                "Your mother's scan is clear; call the ward about discharge.");
        long messageId = sent.message().getId();
        long conversationId = sent.message().getConversation().getId();
        MessageSent fired = w.fired.get(0);
        assertEquals(List.of(), fired.recipientIds());
        assertEquals(1, fired.outsiderIds().size());
        assertNull(fired.senderOutsiderId());

        ConversationSummary summary = w.in(b -> b.m().queries.conversation(w.id("a1"), conversationId));
        assertEquals(1, summary.nonUsers().size());
        assertEquals(address, summary.nonUsers().get(0).address(), "the sender typed it: shown in full, normalized");
        assertEquals(OutsiderChannel.EMAIL, summary.nonUsers().get(0).channel());
        Recipient waiting = w.in(b -> b.m().queries.message(w.id("a1"), messageId)).recipients().get(0);
        assertNull(waiting.userId());
        assertEquals(address, waiting.name());
        assertEquals(NoticeState.QUEUED, waiting.notice());

        w.notify(100);
        List<OutboundMail> mails = w.mailsTo(address);
        assertEquals(1, mails.size());
        String subject = mails.get(0).getSubject();
        String text = mails.get(0).message().text();
        assertEquals("You have a secure message from Org A " + w.run, subject);
        for (String secret : List.of("scan", "discharge", "Alice", "Adams")) {
            assertFalse(text.contains(secret) || subject.contains(secret) || mails.get(0).message().html().contains(secret),
                    "the mail carries neither the message nor its sender: " + secret);
        }
        assertEquals(NoticeState.SENT, w.copy(messageId).getNoticeState());
        assertEquals(1, w.audit("message.non-user-notified", messageId).size());
        assertFalse(w.audit("message.non-user-notified", messageId).get(0).getDetails().contains(address));

        String token = token(text);
        OutsiderAccess.LinkCheck check = w.in(b -> b.o().access.check(token));
        assertEquals(new OutsiderAccess.LinkCheck(LinkOutcome.USABLE, "Org A " + w.run), check);
        assertEquals(LinkOutcome.USABLE, w.in(b -> b.o().access.check(token)).outcome(), "looking does not spend it");
        long before = w.in(b -> b.m().events.lastSequence(w.id("a1")));
        String session = w.open(token);
        assertEquals(LinkOutcome.USED, w.in(b -> b.o().access.open(token)).outcome(), "a link opens once");
        assertEquals(LinkOutcome.USED, w.in(b -> b.o().access.check(token)).outcome());
        assertEquals(LinkOutcome.UNKNOWN, w.in(b -> b.o().access.open(token + "x")).outcome());
        ClientEvent delivered = w.events("a1", before).get(0);
        assertEquals("receipt", delivered.type());
        assertEquals("DELIVERED", ((JsonObject) delivered.payload()).getString("state"));
        assertEquals(w.copy(messageId).getOutsider().getId(),
                ((JsonObject) delivered.payload()).getJsonNumber("nonUserId").longValue());

        OutsiderConversation page = w.in(b -> b.o().inbox.conversation(session));
        assertEquals("Org A " + w.run, page.organizationName());
        assertEquals(address, page.you());
        assertEquals(1, page.messages().size());
        OutsiderMessage shown = page.messages().get(0);
        assertEquals("Your mother's scan is clear; call the ward about discharge.", shown.text());
        assertEquals("Alice Adams", shown.from());
        assertFalse(shown.read());
        assertEquals(START.plus(Duration.ofMinutes(30)), page.closesAt());

        w.clock.advance(Duration.ofSeconds(5));
        assertEquals(1, (int) w.in(b -> b.o().inbox.markRead(session, List.of(messageId))));
        assertEquals(0, (int) w.in(b -> b.o().inbox.markRead(session, List.of(messageId))));
        Recipient read = w.in(b -> b.m().queries.message(w.id("a1"), messageId)).recipients().get(0);
        assertEquals(DeliveryState.READ, read.state(), "the sender sees the non-user read it");
        assertEquals(NoticeState.SENT, read.notice());
        assertEquals(1, w.audit("message.non-user-read", messageId).size());
        assertTrue(w.audit("message.non-user-read", messageId).get(0).getActorLabel().startsWith("Non-user "));

        w.clock.advance(Duration.ofSeconds(5));
        OutsiderMessage reply = w.in(b -> b.o().inbox.reply(session, "reply-1", "Thank you, I will call at 3."));
        assertTrue(reply.mine());
        assertEquals("You", reply.from());
        MessageSent replied = w.fired.get(w.fired.size() - 1);
        assertEquals(List.of(w.id("a1")), replied.recipientIds());
        assertEquals(List.of(), replied.outsiderIds(), "the reply notifies no one else: its sender is the only non-user");
        assertNotNull(replied.senderOutsiderId());
        List<MessageView> history = w.in(b -> b.m().queries.history(w.id("a1"), conversationId, null, null)).messages();
        assertEquals(2, history.size());
        MessageView fromPat = history.get(1);
        assertNull(fromPat.sender());
        assertEquals(address, fromPat.nonUserSender().address());
        assertEquals("Thank you, I will call at 3.", fromPat.text());
        assertEquals(address, w.in(b -> b.m().queries.conversation(w.id("a1"), conversationId)).lastMessage()
                .senderName());
        assertEquals(MessageOrigin.OTHER_APPLICATION, w.db.transaction(em -> MessageOrigin.of(em.find(Message.class,
                fromPat.id()))), "for routing to linked badges, a non-user writes in another application");
        assertEquals(MessageOrigin.CLIENT_APP, w.db.transaction(em -> MessageOrigin.of(em.find(Message.class,
                history.get(0).id()))));
        assertEquals(1, w.in(b -> b.m().queries.conversation(w.id("a1"), conversationId)).unread());
        assertEquals(1, (int) w.in(b -> b.m().receipts.markRead(w.id("a1"), conversationId, List.of(fromPat.id()))));
        assertEquals(1, w.audit("message.non-user-replied", fromPat.id()).size());
        assertFalse(w.audit("message.non-user-replied", fromPat.id()).get(0).getDetails().contains("call at"),
                "no message text in the trail");

        OutsiderMessage again = w.in(b -> b.o().inbox.reply(session, "reply-1", "Thank you, I will call at 3."));
        assertEquals(reply.id(), again.id(), "a resubmitted reply is the same message");
        assertEquals(2, w.in(b -> b.o().inbox.conversation(session)).messages().size());
        assertEquals(Reason.INVALID, assertThrows(MessagingRefusedException.class,
                () -> w.in(b -> b.o().inbox.reply(session, "reply-2", "  "))).reason());

        w.in(b -> {
            b.o().access.end(session);
            return null;
        });
        assertThrows(OutsiderSessionEndedException.class, () -> w.in(b -> b.o().inbox.conversation(session)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void mobileNumbersGetATextMessageAndRefusalsAndOutagesAreRecorded(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent toNanp = w.start("a1", mobiles("(508) 555-0123"), "Bed 4 is ready for your father.");
        w.notify(100);
        assertEquals(1, w.texts.sent.size());
        SmsMessage text = w.texts.sent.get(0);
        assertEquals("+15085550123", text.to().e164());
        assertTrue(text.text().startsWith("You have a secure message from Org A " + w.run), text.text());
        assertFalse(text.text().contains("Bed") || text.text().contains("Alice"));
        assertTrue(text.text().length() <= SmsMessage.TEXT_MAX);
        assertEquals(LinkOutcome.USABLE, w.in(b -> b.o().access.check(token(text.text()))).outcome());
        assertEquals("+15085550123", w.in(b -> b.m().queries.conversation(w.id("a1"),
                toNanp.message().getConversation().getId())).nonUsers().get(0).address());

        w.texts.answer = SmsResult.unavailable(503, null);
        MessagingService.Sent international = w.start("a1", mobiles("+44 7700 900123"), "International");
        long messageId = international.message().getId();
        w.notify(100);
        assertEquals(2, w.texts.sent.size());
        assertEquals("+447700900123", w.texts.sent.get(1).to().e164());
        OutsiderDelivery retrying = w.copy(messageId);
        assertEquals(NoticeState.QUEUED, retrying.getNoticeState());
        assertEquals(START.plus(Duration.ofSeconds(30)), retrying.getNoticeDueAt());
        w.notify(100);
        assertEquals(2, w.texts.sent.size(), "not due before its retry time");
        String firstLink = token(w.texts.sent.get(1).text());

        w.clock.advance(Duration.ofSeconds(30));
        w.texts.answer = null;
        w.notify(100);
        assertEquals(3, w.texts.sent.size());
        assertEquals(NoticeState.SENT, w.copy(messageId).getNoticeState());
        assertEquals(LinkOutcome.UNKNOWN, w.in(b -> b.o().access.check(firstLink)).outcome(),
                "a retried notice carries a new link; the earlier one no longer opens");
        assertEquals(LinkOutcome.USABLE, w.in(b -> b.o().access.check(token(w.texts.sent.get(2).text()))).outcome());

        MessagingService.Sent inFlight = w.start("a1", mobiles("(508) 555-0124"), "In flight");
        OutsiderNotices.Batch prepared = w.in(b -> b.o().notices.prepareNext(100));
        assertEquals(1, prepared.texts().size(), "a text is prepared in the batch and sent after it committed");
        OutsiderNotices.Text pending = prepared.texts().get(0);
        assertEquals(LinkOutcome.USABLE, w.in(b -> b.o().access.check(token(pending.message().text()))).outcome(),
                "its link works before the text is even sent");
        assertTrue(w.in(b -> b.o().notices.prepareNext(100)).texts().isEmpty(), "no second batch sends it meanwhile");
        w.in(b -> {
            b.o().notices.recordText(pending, SmsResult.accepted("SM-late", 201));
            return null;
        });
        assertEquals(NoticeState.SENT, w.copy(inFlight.message().getId()).getNoticeState());
        w.in(b -> {
            b.o().notices.recordText(pending, SmsResult.refused(400, "21614"));
            return null;
        });
        assertEquals(NoticeState.SENT, w.copy(inFlight.message().getId()).getNoticeState(), "recorded once");

        w.texts.answer = SmsResult.refused(400, "21614");
        MessagingService.Sent refused = w.start("a1", mobiles("(617) 555-0199"), "Refused");
        w.notify(100);
        OutsiderDelivery failed = w.copy(refused.message().getId());
        assertEquals(NoticeState.FAILED, failed.getNoticeState());
        assertEquals("HTTP 400 21614", failed.getNoticeFailure());
        assertEquals(1, w.audit("message.non-user-notice-failed", refused.message().getId()).size());
        assertEquals(NoticeState.FAILED, w.in(b -> b.m().queries.message(w.id("a1"), refused.message().getId()))
                .recipients().get(0).notice(), "the sender sees that the notice failed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nonUsersAreRefusedWhereNotAllowedMalformedOrTooMany(TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingRefusedException off = assertThrows(MessagingRefusedException.class,
                () -> w.start("b1", emails("pat@example.org"), "From B"));
        assertEquals(Reason.NON_USERS_NOT_ALLOWED, off.reason());

        MessagingRefusedException malformed = assertThrows(MessagingRefusedException.class, () -> w.start("a1",
                new Recipients(List.of(w.id("a2")), List.of(), false, List.of("ok@example.org", "nobody@", " x "),
                        List.of("12345", "(408) 555-0100")), "Hello"));
        assertEquals(Reason.NON_USER_ADDRESS_INVALID, malformed.reason());
        assertEquals(List.of("nobody@", "x", "12345"), malformed.invalidAddresses());

        List<String> eleven = IntStream.range(0, OutsiderRecipients.MAX_PER_CONVERSATION + 1)
                .mapToObj(i -> "person" + i + "@example.org").toList();
        assertEquals(Reason.TOO_MANY_NON_USERS, assertThrows(MessagingRefusedException.class,
                () -> w.start("a1", Recipients.nonUsers(eleven, List.of()), "Hello")).reason());
        List<String> tenTwice = new ArrayList<>(eleven.subList(0, 10));
        tenTwice.add("PERSON0@example.org");
        w.start("a1", Recipients.nonUsers(tenTwice, List.of()), "Ten, one named twice");

        assertEquals(1L, (long) w.db.transaction(em -> em.createQuery("select count(o) from Outsider o"
                + " where o.organization.id = :org and o.address = 'person0@example.org'", Long.class)
                .setParameter("org", w.orgs.get("A").getId()).getSingleResult()));
        assertEquals(0L, (long) w.db.transaction(em -> em.createQuery("select count(o) from Outsider o"
                + " where o.address = 'ok@example.org'", Long.class).getSingleResult()),
                "nothing of a refused send is recorded");
        assertEquals(Reason.INVALID, assertThrows(MessagingRefusedException.class,
                () -> w.start("a1", Recipients.nonUsers(List.of(), List.of()), "Nobody")).reason());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void turningTheSettingOffStopsNewMessagesNoticesLinksAndPagesAtOnce(TestDatabase.Kind kind) {
        World w = new World(kind);
        String address = "kim." + w.run + "@example.org";
        MessagingService.Sent first = w.start("a1", new Recipients(List.of(w.id("a2"), w.id("b1")), List.of(), false,
                List.of(address), List.of()), "First");
        long conversationId = first.message().getConversation().getId();
        w.notify(100);
        String session = w.open(w.tokenMailedTo(address));
        MessagingService.Sent second = w.send("a1", conversationId, "Second");
        w.notify(100);
        String unopened = w.tokenMailedTo(address);
        MessagingService.Sent third = w.send("a2", conversationId, "Third, not yet noticed");
        assertEquals(Reason.NON_USERS_NOT_ALLOWED, assertThrows(MessagingRefusedException.class,
                () -> w.send("b1", conversationId, "B never allowed it")).reason());

        w.setting("A", false);
        assertEquals(Reason.NON_USERS_NOT_ALLOWED, assertThrows(MessagingRefusedException.class,
                () -> w.start("a1", emails("new." + w.run + "@example.org"), "New")).reason());
        assertEquals(Reason.NON_USERS_NOT_ALLOWED, assertThrows(MessagingRefusedException.class,
                () -> w.send("a1", conversationId, "Into the existing conversation")).reason());
        w.notify(100);
        OutsiderDelivery stopped = w.copy(third.message().getId());
        assertEquals(NoticeState.FAILED, stopped.getNoticeState(), "a notice waiting to go out does not go");
        assertEquals("non-users-off", stopped.getNoticeFailure());
        assertEquals(LinkOutcome.CLOSED, w.in(b -> b.o().access.check(unopened)).outcome());
        assertEquals(LinkOutcome.CLOSED, w.in(b -> b.o().access.open(unopened)).outcome());
        assertThrows(OutsiderSessionEndedException.class, () -> w.in(b -> b.o().inbox.conversation(session)));
        assertThrows(OutsiderSessionEndedException.class, () -> w.in(b -> b.o().inbox.reply(session, "r", "Hi")));
        assertEquals(Reason.NON_USERS_NOT_ALLOWED, assertThrows(MessagingRefusedException.class,
                () -> w.in(b -> b.m().messaging.replyAsOutsider(w.copy(first.message().getId()).getOutsider().getId(),
                        conversationId, draft("Direct")))).reason());
        MessagingService.Sent usersOnly = w.start("a1", Recipients.users(w.id("a2")), "Users still write to users");
        assertNotEquals(conversationId, usersOnly.message().getConversation().getId());

        w.setting("A", true);
        assertEquals(LinkOutcome.USABLE, w.in(b -> b.o().access.check(unopened)).outcome(),
                "turned on again, unexpired links open again");
        assertEquals(List.of(first.message().getId(), second.message().getId(), third.message().getId()),
                w.in(b -> b.o().inbox.conversation(session)).messages().stream().map(OutsiderMessage::id).toList(),
                "every message written to them, also the one whose notice did not go out");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void linksLastAsLongAsTheirMessageAndSevenDaysAtMostAndPagesCloseWhenIdle(TestDatabase.Kind kind) {
        World w = new World(kind);
        w.db.run(em -> em.find(Organization.class, w.orgs.get("A").getId()).changeMessageExpiration(30 * 24 * 60));
        String longLived = "long." + w.run + "@example.org";
        MessagingService.Sent month = w.start("a1", emails(longLived), "A month");
        w.notify(100);
        assertEquals(START.plus(Duration.ofDays(7)), w.copy(month.message().getId()).getLinkExpiresAt());

        w.db.run(em -> em.find(Organization.class, w.orgs.get("A").getId()).changeMessageExpiration(30));
        String shortLived = "short." + w.run + "@example.org";
        MessagingService.Sent halfHour = w.start("a1", emails(shortLived), "Half an hour");
        w.notify(100);
        assertEquals(halfHour.message().getExpiresAt(), w.copy(halfHour.message().getId()).getLinkExpiresAt());
        String shortToken = w.tokenMailedTo(shortLived);
        String longToken = w.tokenMailedTo(longLived);

        w.clock.advance(Duration.ofMinutes(30));
        assertEquals(LinkOutcome.EXPIRED, w.in(b -> b.o().access.check(shortToken)).outcome());
        assertEquals(LinkOutcome.EXPIRED, w.in(b -> b.o().access.open(shortToken)).outcome());

        String session = w.open(longToken);
        w.clock.advance(Duration.ofMinutes(29));
        assertEquals(1, w.in(b -> b.o().inbox.conversation(session)).messages().size(), "activity keeps it open");
        w.clock.advance(Duration.ofMinutes(29));
        assertEquals(1, w.in(b -> b.o().inbox.conversation(session)).messages().size());
        w.clock.advance(Duration.ofMinutes(30));
        assertThrows(OutsiderSessionEndedException.class, () -> w.in(b -> b.o().inbox.conversation(session)),
                "closed after 30 minutes without activity");

        w.clock.advance(Duration.ofDays(7));
        MessagingService.Sent late = w.start("a1", emails(longLived), "Another");
        assertEquals(month.message().getConversation().getId(), late.message().getConversation().getId(),
                "writing to the same address again continues the conversation");
        w.notify(100);
        String busy = w.open(w.tokenMailedTo(longLived));
        for (int i = 0; i < 15; i++) {
            w.clock.advance(Duration.ofMinutes(15));
            w.in(b -> b.o().inbox.conversation(busy));
        }
        w.clock.advance(Duration.ofMinutes(15));
        assertThrows(OutsiderSessionEndedException.class, () -> w.in(b -> b.o().inbox.conversation(busy)),
                "however busy, a page closes after 4 hours");
        assertEquals(LinkOutcome.USED, w.in(b -> b.o().access.check(longToken)).outcome());

        // The daily purge forgets sessions a day after their last use, and nothing younger.
        long conversation = late.message().getConversation().getId();
        w.in(b -> b.o().access.forgetEndedSessions());
        assertEquals(1L, w.sessionsOf(conversation), "the busy page's session was used within the day");
        w.clock.advance(Duration.ofDays(1));
        assertTrue(w.in(b -> b.o().access.forgetEndedSessions()) >= 1);
        assertEquals(0L, w.sessionsOf(conversation));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aPageSeesOnlyItsConversationAndOtherNonUsersOnlyMasked(TestDatabase.Kind kind) {
        World w = new World(kind);
        String pat = "pat." + w.run + "@example.org";
        String sam = "sam." + w.run + "@example.org";
        MessagingService.Sent mine = w.start("a1", emails(pat), "Only for Pat");
        MessagingService.Sent group = w.start("a2", new Recipients(List.of(w.id("b1")), List.of(), false,
                List.of(pat, sam), List.of()), "For Pat, Sam and Bea");
        long groupConversation = group.message().getConversation().getId();
        assertNotEquals(mine.message().getConversation().getId(), groupConversation);
        MessagingService.Sent fromC = w.start("c1", emails(pat), "Carl's hospital writes too");
        w.notify(100);
        assertEquals(3, w.mailsTo(pat).size());
        assertNotEquals(w.copy(mine.message().getId()).getOutsider().getId(),
                w.copy(fromC.message().getId()).getOutsider().getId(), "each organization knows Pat on its own");

        String tokenForMine = token(w.mailsTo(pat).get(0).message().text());
        String patSession = w.open(tokenForMine);
        OutsiderConversation page = w.in(b -> b.o().inbox.conversation(patSession));
        assertEquals(List.of("Only for Pat"), page.messages().stream().map(OutsiderMessage::text).toList());
        assertEquals(Reason.NOT_FOUND, assertThrows(MessagingRefusedException.class,
                () -> w.in(b -> b.o().inbox.answer(patSession, group.message().getId(), 0))).reason());
        assertEquals(0, (int) w.in(b -> b.o().inbox.markRead(patSession,
                List.of(group.message().getId(), fromC.message().getId()))), "other conversations' copies stay unread");
        assertEquals(DeliveryState.SENT, w.copy(fromC.message().getId()).getState());

        String samSession = w.open(w.tokenMailedTo(sam));
        OutsiderMessage samReply = w.in(b -> b.o().inbox.reply(samSession, "sam-1", "Sam here"));
        MessageSent fired = w.fired.get(w.fired.size() - 1);
        assertEquals(List.of(w.copy(mine.message().getId()).getOutsider().getId()), fired.outsiderIds(),
                "a reply notifies the conversation's other non-users, not its sender");
        assertEquals(2, fired.recipientIds().size());
        w.notify(100);
        assertEquals(4, w.mailsTo(pat).size());
        String patGroupSession = w.open(w.tokenMailedTo(pat));
        OutsiderConversation groupPage = w.in(b -> b.o().inbox.conversation(patGroupSession));
        assertEquals(List.of("For Pat, Sam and Bea", "Sam here"),
                groupPage.messages().stream().map(OutsiderMessage::text).toList());
        OutsiderMessage fromSam = groupPage.messages().get(1);
        assertEquals("s\u2022\u2022\u2022@example.org", fromSam.from(), "another non-user's address stays hidden");
        assertNull(fromSam.fromOrganization());
        assertEquals("Aaron Zimmer", groupPage.messages().get(0).from());
        assertEquals("Org A " + w.run, groupPage.messages().get(0).fromOrganization());
        assertEquals(samReply.id(), fromSam.id());
        assertEquals(2, w.in(b -> b.m().queries.conversation(w.id("b1"), groupConversation)).nonUsers().size(),
                "users of the conversation see its non-users");
        assertEquals(w.in(b -> b.o().inbox.conversation(patSession)).messages().size(), 1,
                "the first page still sees only its own conversation");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNonUserAnswersAMultipleChoiceMessageOnceAndTheSenderSeesIt(TestDatabase.Kind kind) {
        World w = new World(kind);
        String address = "lee." + w.run + "@example.org";
        MessagingService.Sent question = w.in(b -> b.m().messaging.start(w.id("a1"), emails(address),
                new MessageDraft("q-" + w.run, "Can you come in on Friday?", MessagePriority.HIGH,
                        List.of("Yes", "No"))));
        long messageId = question.message().getId();
        w.notify(100);
        String session = w.open(w.tokenMailedTo(address));
        OutsiderMessage shown = w.in(b -> b.o().inbox.conversation(session)).messages().get(0);
        assertEquals(List.of("Yes", "No"), shown.choices());
        assertEquals(MessagePriority.HIGH, shown.priority());
        long before = w.in(b -> b.m().events.lastSequence(w.id("a1")));

        OutsiderMessage answered = w.in(b -> b.o().inbox.answer(session, messageId, 1));
        assertEquals(1, answered.response());
        assertTrue(answered.read());
        Recipient seen = w.in(b -> b.m().queries.message(w.id("a1"), messageId)).recipients().get(0);
        assertEquals(1, seen.response());
        assertEquals(DeliveryState.READ, seen.state());
        List<ClientEvent> events = w.events("a1", before);
        assertEquals(List.of("receipt", "response"), events.stream().map(ClientEvent::type).toList());
        JsonObject response = (JsonObject) events.get(1).payload();
        assertEquals(1, response.getInt("response"));
        assertFalse(response.containsKey("recipientId"), "a non-user's answer names no user");
        assertEquals(w.copy(messageId).getOutsider().getId(), response.getJsonNumber("nonUserId").longValue());
        assertEquals(1, w.audit("message.non-user-answered", messageId).size());

        assertEquals(Reason.CONFLICT, assertThrows(MessagingRefusedException.class,
                () -> w.in(b -> b.o().inbox.answer(session, messageId, 0))).reason(), "one answer");
        assertEquals(Reason.INVALID, assertThrows(MessagingRefusedException.class,
                () -> w.in(b -> b.o().inbox.answer(session, messageId, 5))).reason());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void firstMessagesToTheSameNewAddressAtOnceAllGoOutAndRecordItOnce(TestDatabase.Kind kind) throws Exception {
        World w = new World(kind);
        String address = "together-" + w.run + "@example.org";
        int parallel = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<MessagingService.Sent>> sends = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            String from = i % 2 == 0 ? "a1" : "a2";
            int n = i;
            sends.add(pool.submit(() -> {
                start.await();
                return w.start(from, emails(address), "At once " + n);
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<MessagingService.Sent> send : sends) {
            assertTrue(send.get().created(), "no send fails on the unique key");
        }
        pool.shutdown();
        assertEquals(1L, (long) w.db.transaction(em -> em.createQuery("select count(o) from Outsider o"
                + " where o.address = :address", Long.class).setParameter("address", address).getSingleResult()),
                "one record of the address for the organization");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aConversationWithUsersIsNeverContinuedIntoOneWithNonUsersAndTheDatabaseWantsOneSender(
            TestDatabase.Kind kind) {
        World w = new World(kind);
        MessagingService.Sent withNonUser = w.start("a1", new Recipients(List.of(w.id("a2")), List.of(), false,
                List.of("third." + w.run + "@example.org"), List.of()), "Three of us");
        MessagingService.Sent direct = w.start("a1", Recipients.users(w.id("a2")), "Just us");
        assertNotEquals(withNonUser.message().getConversation().getId(), direct.message().getConversation().getId());
        assertTrue(w.in(b -> b.m().queries.conversation(w.id("a1"), direct.message().getConversation().getId()))
                .nonUsers().isEmpty());

        long conversationId = direct.message().getConversation().getId();
        long outsiderId = w.copy(withNonUser.message().getId()).getOutsider().getId();
        for (String senders : List.of("null, null", w.id("a1") + ", " + outsiderId)) {
            assertThrows(RuntimeException.class, () -> w.db.execute("insert into message (id, conversation_id,"
                    + " sender_id, sender_outsider_id, sender_organization_id, client_message_id, body, sent_at,"
                    + " expires_at) values (-1, " + conversationId + ", " + senders + ", " + w.orgs.get("A").getId()
                    + ", 'x', 'x', current_timestamp, current_timestamp + interval '1' day)"),
                    "exactly one sender: " + senders);
        }
    }
}
