package org.carebridge.messaging.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.TestAccess;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAuditTrail;
import org.carebridge.messaging.Conversation;
import org.carebridge.messaging.DeliveryState;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessageDelivery;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.organization.RetentionPeriod;
import org.carebridge.organization.RetentionUnit;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retention purge on H2 and PostgreSQL through its real transactions (one per step): whose
 * retention applies, what stays, batches, resuming after a stop, and two runs at once. Each test
 * has a database of its own, since the nightly sweep covers every organization in it.
 */
class RetentionPurgerTest {

    /** 7:00 AM in New York (standard time), after the nightly run. */
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final SettableClock clock = new SettableClock(NOW);
    /** The signed-in administrator for the console's actions; {@code null} for the timer. */
    private CurrentAdmin admin = TestAccess.signedOut();

    /** Organizations: Alpha keeps content 1 day, Beta 1 week, Gamma forever. */
    private static final class World {
        long alpha;
        long beta;
        long gamma;
        User alice;
        User bob;
        User carol;
        final Map<String, Long> messages = new HashMap<>();

        long message(String name) {
            return messages.get(name);
        }
    }

    // ---- arranging -------------------------------------------------------------------------

    private static Organization organization(EntityManager em, String name, RetentionPeriod retention) {
        Organization org = new Organization(OrganizationKind.HOSPITAL, name, PhoneNumber.parse("(408) 882-5830"), ZONE,
                NOW.minus(Duration.ofDays(900)));
        org.changeRetention(retention);
        em.persist(org);
        return org;
    }

    private static User user(EntityManager em, Organization org, String first) {
        User user = User.nativeUser(org, first.toLowerCase() + "@" + org.getName().toLowerCase() + ".test", first,
                "Tester", ZONE, NOW.minus(Duration.ofDays(900)));
        em.persist(user);
        user.assignStaffId();
        return user;
    }

    private static Message send(EntityManager em, World world, String name, Conversation conversation, User sender,
            Instant at, List<String> choices) {
        Message message = new Message(conversation, sender, name, "Patient in bed " + name + " needs a review",
                choices.isEmpty() ? MessagePriority.NORMAL : MessagePriority.HIGH, choices, at);
        em.persist(message);
        for (var participant : conversation.getParticipants()) {
            if (!participant.getUser().getId().equals(sender.getId())) {
                MessageDelivery delivery = message.deliverTo(participant.getUser());
                delivery.markDelivered(at.plusSeconds(5));
                em.persist(delivery);
            }
        }
        em.flush();
        world.messages.put(name, message.getId());
        return message;
    }

    private static Conversation conversation(EntityManager em, User startedBy, User other, Instant at) {
        Conversation conversation = new Conversation(startedBy, List.of(other), at);
        em.persist(conversation);
        return conversation;
    }

    private static User administrator(TestDatabase db, long organizationId) {
        return db.transaction(em -> {
            User user = user(em, em.find(Organization.class, organizationId), "Ada");
            user.grantOrganizationAdmin(true);
            return user;
        });
    }

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    private World arrange(TestDatabase db) {
        World world = new World();
        db.run(em -> {
            Organization alpha = organization(em, "Alpha", new RetentionPeriod(1, RetentionUnit.DAYS));
            Organization beta = organization(em, "Beta", new RetentionPeriod(1, RetentionUnit.WEEKS));
            Organization gamma = organization(em, "Gamma", null);
            world.alpha = alpha.getId();
            world.beta = beta.getId();
            world.gamma = gamma.getId();
            world.alice = user(em, alpha, "Alice");
            world.bob = user(em, beta, "Bob");
            world.carol = user(em, gamma, "Carol");

            // Alpha started it: Alpha's one day applies to Bob's replies too.
            Conversation byAlpha = conversation(em, world.alice, world.bob, ago(Duration.ofDays(4)));
            Message question = send(em, world, "alpha-question", byAlpha, world.alice, ago(Duration.ofDays(3)),
                    List.of("Coming", "Call me"));
            MessageDelivery answer = em.createNamedQuery(MessageDelivery.OF_MESSAGE, MessageDelivery.class)
                    .setParameter("messageId", question.getId()).getSingleResult();
            answer.respond(1, ago(Duration.ofDays(3)).plusSeconds(60));
            send(em, world, "alpha-bob-reply", byAlpha, world.bob, ago(Duration.ofDays(2)), List.of());
            send(em, world, "alpha-recent", byAlpha, world.bob, ago(Duration.ofHours(2)), List.of());

            // Beta started it: Beta's week applies to Alice's messages, not her own organization's day.
            Conversation byBeta = conversation(em, world.bob, world.alice, ago(Duration.ofDays(20)));
            send(em, world, "beta-old", byBeta, world.bob, ago(Duration.ofDays(10)), List.of());
            send(em, world, "beta-alice-reply", byBeta, world.alice, ago(Duration.ofDays(3)), List.of());

            // Gamma keeps content forever, including Alice's.
            Conversation byGamma = conversation(em, world.carol, world.alice, ago(Duration.ofDays(500)));
            send(em, world, "gamma-ancient", byGamma, world.alice, ago(Duration.ofDays(400)), List.of());
        });
        return world;
    }

    /** {@code count} more messages in a conversation Alpha started, all due (two days old). */
    private static List<Long> dueInAlpha(TestDatabase db, World world, int count) {
        List<Long> ids = new ArrayList<>();
        db.run(em -> {
            Conversation conversation = conversation(em, em.find(User.class, world.alice.getId()),
                    em.find(User.class, world.bob.getId()), ago(Duration.ofDays(3)));
            for (int i = 0; i < count; i++) {
                User sender = em.find(User.class, (i % 2 == 0 ? world.alice : world.bob).getId());
                ids.add(send(em, world, "bulk-" + world.messages.size(), conversation, sender, ago(Duration.ofDays(2)).plusSeconds(i),
                        List.of()).getId());
            }
        });
        return ids;
    }

    // ---- the service under test, one transaction per step ----------------------------------

    /** The real steps, each call in a transaction of its own, as the container runs them. */
    private class InTransactions extends PurgeSteps {
        private final TestDatabase db;
        final AtomicInteger batches = new AtomicInteger();
        /** Fails the batch with this number (from 1), as a lost database connection would. */
        volatile int failBatch = -1;

        InTransactions(TestDatabase db) {
            this.db = db;
        }

        private PurgeSteps on(EntityManager em) {
            PurgeSteps steps = new PurgeSteps();
            steps.em = em;
            // Qualified: this class inherits PurgeSteps' own (empty) clock field.
            steps.clock = RetentionPurgerTest.this.clock;
            steps.audit = TestAuditTrail.on(em, steps.clock, () -> admin.isSignedIn() ? admin.user() : null);
            steps.lease = LEASE;
            return steps;
        }

        private <T> T tx(Function<PurgeSteps, T> step) {
            return db.transaction(em -> step.apply(on(em)));
        }

        @Override
        String claim(PurgeTrigger trigger) {
            return tx(s -> s.claim(trigger));
        }

        @Override
        List<Long> organizationsWithRetention() {
            return tx(PurgeSteps::organizationsWithRetention);
        }

        @Override
        PurgeRun start(String token, long organizationId, PurgeTrigger trigger) {
            return tx(s -> s.start(token, organizationId, trigger));
        }

        @Override
        int purgeBatch(String token, long runId, int max) {
            if (batches.incrementAndGet() == failBatch) {
                throw new IllegalStateException("connection lost (simulated)");
            }
            return tx(s -> s.purgeBatch(token, runId, max));
        }

        @Override
        PurgeRun finish(String token, long runId, PurgeRunState outcome) {
            return tx(s -> s.finish(token, runId, outcome));
        }

        @Override
        void release(String token) {
            tx(s -> {
                s.release(token);
                return null;
            });
        }
    }

    private RetentionPurger purger(TestDatabase db, InTransactions steps, int batchSize) {
        RetentionPurger purger = new RetentionPurger();
        purger.steps = steps;
        purger.batchSize = batchSize;
        purger.em = db.entityManagerFactory().createEntityManager();
        purger.scope = scope(purger.em);
        return purger;
    }

    private AdminScope scope(EntityManager em) {
        try {
            AdminScope scope = new AdminScope();
            set(scope, "admin", new CurrentAdmin() {
                @Override
                public boolean isSignedIn() {
                    return admin.isSignedIn();
                }

                @Override
                public boolean isSystemAdmin() {
                    return admin.isSystemAdmin();
                }

                @Override
                public User user() {
                    return admin.user();
                }
            });
            set(scope, "em", em);
            return scope;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    // ---- reading back ------------------------------------------------------------------------

    private static Message message(TestDatabase db, long id) {
        return db.transaction(em -> {
            Message message = em.find(Message.class, id);
            message.getChoices().size();
            return message;
        });
    }

    private static List<MessageDelivery> deliveries(TestDatabase db, long messageId) {
        return db.transaction(em -> {
            List<MessageDelivery> found = em.createNamedQuery(MessageDelivery.OF_MESSAGE, MessageDelivery.class)
                    .setParameter("messageId", messageId).getResultList();
            found.forEach(d -> d.getMessage().getChoices().size());
            return found;
        });
    }

    private static List<PurgeRun> runsOf(TestDatabase db, long organizationId) {
        return db.transaction(em -> em.createNamedQuery(PurgeRun.OF_ORGANIZATION, PurgeRun.class)
                .setParameter("organizationId", organizationId).getResultList());
    }

    private static List<AuditEvent> auditOf(TestDatabase db, long organizationId) {
        return db.transaction(em -> TestAuditTrail.eventsOf(em, em.find(Organization.class, organizationId)));
    }

    private static long unpurged(TestDatabase db, List<Long> ids) {
        return db.transaction(em -> em.createQuery("select count(m) from Message m where m.id in :ids"
                + " and m.contentPurgedAt is null", Long.class).setParameter("ids", ids).getSingleResult());
    }

    // ---- tests --------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void contentGoesByTheRetentionOfTheOrganizationThatStartedTheConversation(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            World world = arrange(db);
            List<PurgeRun> runs = purger(db, new InTransactions(db), 500).runScheduled();

            assertEquals(2, runs.size(), "Gamma keeps content forever and gets no run");
            assertTrue(message(db, world.message("alpha-question")).isContentPurged());
            assertTrue(message(db, world.message("alpha-bob-reply")).isContentPurged(), "Beta's reply, by Alpha's day");
            assertFalse(message(db, world.message("alpha-recent")).isContentPurged(), "younger than a day");
            assertTrue(message(db, world.message("beta-old")).isContentPurged());
            assertFalse(message(db, world.message("beta-alice-reply")).isContentPurged(),
                    "Alice's message in Beta's conversation follows Beta's week");
            assertEquals("Patient in bed beta-alice-reply needs a review",
                    message(db, world.message("beta-alice-reply")).getBody());
            assertFalse(message(db, world.message("gamma-ancient")).isContentPurged(), "Gamma keeps content forever");
            assertTrue(runsOf(db, world.gamma).isEmpty());
            assertTrue(auditOf(db, world.gamma).isEmpty());

            PurgeRun alphaRun = runsOf(db, world.alpha).get(0);
            assertEquals(PurgeTrigger.SCHEDULED, alphaRun.getTrigger());
            assertEquals(PurgeRunState.COMPLETED, alphaRun.getState());
            assertEquals(2, alphaRun.getMessagesPurged());
            assertEquals(Instant.parse("2026-11-23T12:00:00Z"), alphaRun.getCutoff());
            assertEquals(NOW, alphaRun.getStartedAt());
            assertEquals(NOW, alphaRun.getEndedAt());
            PurgeRun betaRun = runsOf(db, world.beta).get(0);
            assertEquals(1, betaRun.getMessagesPurged());
            assertEquals(Instant.parse("2026-11-17T12:00:00Z"), betaRun.getCutoff());

            AuditEvent line = auditOf(db, world.alpha).get(0);
            assertEquals(AuditAction.RETENTION_PURGE_RUN.code(), line.getAction());
            assertEquals(AuditEvent.SYSTEM_ACTOR, line.getActorLabel());
            assertEquals("PurgeRun", line.getTargetType());
            assertEquals(String.valueOf(alphaRun.getId()), line.getTargetId());
            assertEquals("Trigger: \"Scheduled\"; Cutoff: \"2026-11-23T12:00:00Z\"; Messages purged: 2; "
                    + "Outcome: \"Completed\"", line.getDetails());
            assertFalse(line.getDetails().contains("Patient"), "never content");

            // Another node's timer a moment later skips; the next night continues.
            clock.advance(Duration.ofMinutes(1));
            assertTrue(purger(db, new InTransactions(db), 500).runScheduled().isEmpty());
            assertEquals(1, runsOf(db, world.alpha).size());
            clock.advance(Duration.ofDays(1));
            purger(db, new InTransactions(db), 500).runScheduled();
            assertTrue(message(db, world.message("alpha-recent")).isContentPurged(), "a day older now");
            assertFalse(message(db, world.message("beta-alice-reply")).isContentPurged());
            assertEquals(List.of(1, 2), runsOf(db, world.alpha).stream().map(PurgeRun::getMessagesPurged).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void thePurgeRemovesTextAndChoicesAndKeepsEverythingElse(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            World world = arrange(db);
            long id = world.message("alpha-question");
            Message before = message(db, id);
            MessageDelivery deliveryBefore = deliveries(db, id).get(0);
            assertEquals("Call me", deliveryBefore.getResponseLabel());

            purger(db, new InTransactions(db), 500).runScheduled();

            Message after = message(db, id);
            assertNull(after.getBody());
            assertTrue(after.getChoices().isEmpty());
            assertEquals(NOW, after.getContentPurgedAt());
            long choicesLeft = db.transaction(em -> ((Number) em.createNativeQuery(
                    "select count(*) from message_choice where message_id = ?").setParameter(1, id)
                    .getSingleResult()).longValue());
            assertEquals(0L, choicesLeft);
            assertEquals(world.alice.getId(), after.getSender().getId());
            assertEquals(world.alpha, after.getSenderOrganization().getId());
            assertEquals(before.getConversation().getId(), after.getConversation().getId());
            assertEquals(before.getSentAt(), after.getSentAt());
            assertEquals(before.getExpiresAt(), after.getExpiresAt());
            assertEquals(MessagePriority.HIGH, after.getPriority());
            assertEquals(before.getClientMessageId(), after.getClientMessageId());

            MessageDelivery delivery = deliveries(db, id).get(0);
            assertEquals(world.bob.getId(), delivery.getRecipient().getId());
            assertEquals(DeliveryState.READ, delivery.getState());
            assertEquals(deliveryBefore.getDeliveredAt(), delivery.getDeliveredAt());
            assertEquals(deliveryBefore.getReadAt(), delivery.getReadAt());
            assertEquals(1, delivery.getResponsePosition(), "which answer stays");
            assertEquals(deliveryBefore.getRespondedAt(), delivery.getRespondedAt());
            assertNull(delivery.getResponseLabel(), "its words went with the choices");
            int participants = db.transaction(em -> em.find(Conversation.class, after.getConversation().getId())
                    .getParticipants().size());
            assertEquals(2, participants);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAdministratorPurgesTheirOwnOrganizationOnly(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            World world = arrange(db);
            User alphaAdmin = administrator(db, world.alpha);
            admin = TestAccess.signedIn(alphaAdmin, false);
            RetentionPurger purger = purger(db, new InTransactions(db), 500);

            assertThrows(NotInScopeException.class, () -> purger.purgeNow(world.beta));
            assertThrows(NotInScopeException.class, () -> purger.recentRuns(world.beta));
            assertFalse(message(db, world.message("beta-old")).isContentPurged());
            assertTrue(runsOf(db, world.beta).isEmpty());

            PurgeRun run = purger.purgeNow(null).orElseThrow();
            assertEquals(PurgeTrigger.MANUAL, run.getTrigger());
            assertEquals(2, run.getMessagesPurged());
            assertFalse(message(db, world.message("beta-old")).isContentPurged(), "only Alpha's conversations");
            assertEquals(List.of(run.getId()), purger.recentRuns(world.alpha).stream().map(PurgeRun::getId).toList());
            AuditEvent line = auditOf(db, world.alpha).get(0);
            assertEquals(AuditAction.RETENTION_PURGE_RUN.code(), line.getAction());
            assertEquals(AuditEvent.labelOf(alphaAdmin), line.getActorLabel());
            assertTrue(line.getDetails().startsWith("Trigger: \"Started by an administrator\""), line.getDetails());

            // Gamma keeps content forever: a clear refusal, nothing recorded.
            User gammaAdmin = db.transaction(em -> {
                User user = user(em, em.find(Organization.class, world.gamma), "Gus");
                user.grantOrganizationAdmin(true);
                return user;
            });
            admin = TestAccess.signedIn(gammaAdmin, false);
            IllegalStateException forever = assertThrows(IllegalStateException.class, () -> purger.purgeNow(null));
            assertTrue(forever.getMessage().contains("keeps message content forever"), forever.getMessage());
            assertTrue(runsOf(db, world.gamma).isEmpty());
            assertFalse(message(db, world.message("gamma-ancient")).isContentPurged());

            // A system administrator may purge any organization.
            User system = db.transaction(em -> {
                User user = user(em, em.find(Organization.class, world.gamma), "Sys");
                user.grantSystemAdmin(true);
                return user;
            });
            admin = TestAccess.signedIn(system, true);
            assertEquals(1, purger.purgeNow(world.beta).orElseThrow().getMessagesPurged());
            assertEquals(AuditEvent.labelOf(system), auditOf(db, world.beta).get(0).getActorLabel());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void batchesCommitOneByOneAndAFailedRunIsContinuedByTheNext(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            World world = arrange(db);
            List<Long> bulk = dueInAlpha(db, world, 10); // 12 due in Alpha with the two of the world
            InTransactions steps = new InTransactions(db);
            steps.failBatch = 3;

            PurgeRun failed = purger(db, steps, 4).runScheduled().get(0);
            assertEquals(world.alpha, failed.getOrganization().getId());
            assertEquals(PurgeRunState.FAILED, failed.getState());
            assertEquals(8, failed.getMessagesPurged(), "two batches of four committed before the failure");
            assertEquals(4, unpurged(db, bulk) + (message(db, world.message("alpha-question")).isContentPurged() ? 0 : 1)
                    + (message(db, world.message("alpha-bob-reply")).isContentPurged() ? 0 : 1));
            assertEquals(PurgeRunState.COMPLETED, runsOf(db, world.beta).get(0).getState(),
                    "one organization's failure does not stop the others");
            assertTrue(auditOf(db, world.alpha).get(0).getDetails().endsWith("Messages purged: 8; Outcome: \"Failed\""));

            admin = TestAccess.signedIn(administrator(db, world.alpha), false);
            InTransactions again = new InTransactions(db);
            PurgeRun resumed = purger(db, again, 4).purgeNow(null).orElseThrow();
            assertEquals(PurgeRunState.COMPLETED, resumed.getState());
            assertEquals(4, resumed.getMessagesPurged());
            assertEquals(2, again.batches.get(), "four, then an empty batch that proves nothing is left");
            assertEquals(0L, unpurged(db, bulk));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRunWhoseNodeStoppedIsMarkedInterruptedAndTheNextRunContinues(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            World world = arrange(db);
            List<Long> bulk = dueInAlpha(db, world, 8); // 10 due
            InTransactions steps = new InTransactions(db);
            String token = steps.claim(PurgeTrigger.SCHEDULED);
            PurgeRun stopped = steps.start(token, world.alpha, PurgeTrigger.SCHEDULED);
            assertEquals(3, steps.purgeBatch(token, stopped.getId(), 3));
            // ... and the node stops here: no finish, no release.

            User alphaAdmin = administrator(db, world.alpha);
            admin = TestAccess.signedIn(alphaAdmin, false);
            clock.advance(Duration.ofMinutes(5));
            assertTrue(purger(db, new InTransactions(db), 3).purgeNow(null).isEmpty(),
                    "the lease is still fresh: the administrator is asked to try later");
            assertEquals(PurgeRunState.RUNNING, runsOf(db, world.alpha).get(0).getState());

            clock.advance(LEASE);
            PurgeRun resumed = purger(db, new InTransactions(db), 3).purgeNow(null).orElseThrow();
            assertEquals(7, resumed.getMessagesPurged());
            assertEquals(0L, unpurged(db, bulk));
            PurgeRun interrupted = runsOf(db, world.alpha).get(1);
            assertEquals(stopped.getId(), interrupted.getId());
            assertEquals(PurgeRunState.INTERRUPTED, interrupted.getState());
            assertEquals(3, interrupted.getMessagesPurged());
            assertEquals(NOW, interrupted.getEndedAt(), "last seen alive at its last batch");

            List<AuditEvent> audit = auditOf(db, world.alpha);
            AuditEvent interruptedLine = audit.stream()
                    .filter(e -> e.getAction().equals(AuditAction.RETENTION_PURGE_INTERRUPTED.code())).findFirst()
                    .orElseThrow();
            assertEquals(AuditEvent.SYSTEM_ACTOR, interruptedLine.getActorLabel(),
                    "the administrator only came across it");
            assertTrue(interruptedLine.getDetails().contains("Messages purged: 3"));

            // The stopped node wakes up: its lease is gone, it purges nothing more.
            assertThrows(PurgeLeaseLostException.class, () -> steps.purgeBatch(token, stopped.getId(), 3));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoRunsAtOncePurgeEachMessageOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            World world = arrange(db);
            List<Long> bulk = dueInAlpha(db, world, 30); // 32 due in Alpha, 1 in Beta
            User system = db.transaction(em -> {
                User user = user(em, em.find(Organization.class, world.gamma), "Sys");
                user.grantSystemAdmin(true);
                return user;
            });
            admin = TestAccess.signedIn(system, true);

            // One run is mid-batch when the other asks: the other does not start.
            CountDownLatch inBatch = new CountDownLatch(1);
            CountDownLatch otherAsked = new CountDownLatch(1);
            InTransactions first = new InTransactions(db) {
                @Override
                int purgeBatch(String token, long runId, int max) {
                    inBatch.countDown();
                    await(otherAsked);
                    return super.purgeBatch(token, runId, max);
                }
            };
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<List<PurgeRun>> nightly = threads.submit(() -> purger(db, first, 5).runScheduled());
                await(inBatch);
                Future<Optional<PurgeRun>> manual = threads.submit(() -> purger(db, new InTransactions(db), 5)
                        .purgeNow(world.alpha));
                assertTrue(manual.get(30, TimeUnit.SECONDS).isEmpty());
                otherAsked.countDown();
                assertEquals(32, nightly.get(30, TimeUnit.SECONDS).stream()
                        .filter(r -> r.getOrganization().getId().longValue() == world.alpha).findFirst().orElseThrow()
                        .getMessagesPurged());

                // Both started at the same moment, many times over: whichever runs, each message goes once.
                for (int round = 0; round < 3; round++) {
                    List<Long> more = dueInAlpha(db, world, 12);
                    clock.advance(Duration.ofDays(1));
                    CountDownLatch go = new CountDownLatch(1);
                    Callable<Integer> scheduled = () -> {
                        await(go);
                        return purger(db, new InTransactions(db), 2).runScheduled().stream()
                                .filter(r -> r.getOrganization().getId().longValue() == world.alpha)
                                .mapToInt(PurgeRun::getMessagesPurged).sum();
                    };
                    Callable<Integer> byHand = () -> {
                        await(go);
                        return purger(db, new InTransactions(db), 2).purgeNow(world.alpha)
                                .map(PurgeRun::getMessagesPurged).orElse(0);
                    };
                    Future<Integer> a = threads.submit(scheduled);
                    Future<Integer> b = threads.submit(byHand);
                    go.countDown();
                    int total = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
                    // The first day later also makes the world's two-hour-old message due.
                    assertEquals(round == 0 ? 13 : 12, total, "round " + round);
                    assertEquals(0L, unpurged(db, more));
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(0L, unpurged(db, bulk));
            int recorded = runsOf(db, world.alpha).stream().mapToInt(PurgeRun::getMessagesPurged).sum();
            assertEquals(32 + 1 + 3 * 12, recorded, "the runs' counts add up to the messages there were");
            assertTrue(runsOf(db, world.alpha).stream().noneMatch(PurgeRun::isRunning));
            assertNotNull(db.transaction(em -> em.find(org.carebridge.platform.persistence.ClusterLock.class,
                    PurgeSteps.LOCK)));
            assertNull(db.transaction(em -> em.find(org.carebridge.platform.persistence.ClusterLock.class,
                    PurgeSteps.LOCK)).getHolder(), "the lease is given back");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 30 s for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
