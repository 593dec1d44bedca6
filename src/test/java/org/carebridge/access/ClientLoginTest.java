package org.carebridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.access.ClientApiTypes.DeviceDescription;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.TestAudit;
import org.carebridge.device.Device;
import org.carebridge.device.PushProvider;
import org.carebridge.device.WipeState;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.LoginState;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client login, PIN change and wipe instruction through their real queries and row locks,
 * on a fresh H2 and a fresh PostgreSQL schema, each call in its own transaction as the API runs
 * them, on a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientLoginTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final String PIN = "4821";
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);
    private final PasswordHasher hasher = TestAccess.hasher();
    private volatile Instant now = START;

    @BeforeAll
    void migrate() {
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            databases.put(kind, TestDatabase.create(kind));
        }
    }

    @BeforeEach
    void startOfTheDay() {
        now = START;
    }

    @AfterAll
    void drop() {
        databases.values().forEach(TestDatabase::close);
    }

    private Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private <T> T login(TestDatabase.Kind kind, Function<ClientLogin, T> work) {
        TestDatabase db = databases.get(kind);
        return db.transaction(em -> work.apply(loginOn(db, em)));
    }

    private ClientLogin loginOn(TestDatabase db, EntityManager em) {
        Clock clock = clock();
        ClientLogin login = new ClientLogin();
        login.em = em;
        login.clock = clock;
        login.hasher = hasher;
        login.policy = new LockoutPolicy();
        login.tokens = TestAccess.clientTokens(em, clock);
        login.ended = new org.carebridge.RecordingEvent<>();
        login.audit = TestAudit.trail(em, clock, TestAccess.signedOut());
        login.contact = contactOn(em, clock);
        login.sessionLifetime = Duration.ofHours(12);
        UnknownLogins unknown = new UnknownLogins() {
            @Override
            public void create(String emailHash) {
                db.run(other -> other.persist(new UnknownLogin(emailHash)));
            }
        };
        unknown.em = em;
        unknown.self = unknown;
        login.unknownLogins = unknown;
        return login;
    }

    private ClientContact contactOn(EntityManager em, Clock clock) {
        ClientContact contact = new ClientContact();
        contact.em = em;
        contact.clock = clock;
        contact.tokens = TestAccess.clientTokens(em, clock);
        contact.audit = TestAudit.trail(em, clock, TestAccess.signedOut());
        return contact;
    }

    private <T> T contact(TestDatabase.Kind kind, Function<ClientContact, T> work) {
        return databases.get(kind).transaction(em -> work.apply(contactOn(em, clock())));
    }

    private User user(TestDatabase.Kind kind, boolean temporaryPin) {
        return databases.get(kind).transaction(em -> {
            Organization org = new Organization(OrganizationKind.HOSPITAL, "Hospital " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), ZoneId.of("UTC"), START);
            org.changePrioritySoundLength(45);
            em.persist(org);
            User user = User.nativeUser(org, "u" + UUID.randomUUID() + "@it.test", "Pat", "Pin", ZoneId.of("UTC"), START);
            user.changePinHash(hasher.hash(PIN), temporaryPin);
            user.setCellPhone("(212) 555-0100");
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private static DeviceDescription device(String key) {
        return new DeviceDescription(key, "ios", "Pat's phone", "apns", "apns-token-" + key);
    }

    private User reload(TestDatabase.Kind kind, User user) {
        return databases.get(kind).transaction(em -> em.find(User.class, user.getId()));
    }

    private ClientLogin.Outcome attempt(TestDatabase.Kind kind, String email, String pin, String deviceKey) {
        return login(kind, l -> l.login(email, pin, device(deviceKey)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRightPinOpensASessionOnTheRegisteredDevice(TestDatabase.Kind kind) {
        User user = user(kind, false);
        ClientLogin.SignedIn in = assertInstanceOf(ClientLogin.SignedIn.class,
                attempt(kind, user.getEmail().toUpperCase(), PIN, "install-1"));
        ClientApiTypes.SessionAnswer answer = in.answer();
        assertEquals(START.plus(Duration.ofHours(12)), answer.expiresAt());
        assertFalse(answer.pinTemporary());
        assertEquals(user.getId(), answer.user().id());
        assertEquals(45, answer.organization().highPrioritySoundSeconds());
        assertEquals(7 * 24 * 60, answer.organization().messageExpirationMinutes());

        ClientSession session = databases.get(kind).transaction(em -> TestAccess.clientTokens(em, clock())
                .active(answer.accessToken())).orElseThrow();
        assertEquals(SecretTokens.hash(answer.accessToken()), session.getTokenHash(), "only the hash is stored");
        Device device = databases.get(kind).transaction(em -> em.find(Device.class, session.getDevice().getId()));
        assertEquals("Pat's phone", device.getName());
        assertEquals(PushProvider.APNS, device.getPushProvider());
        assertEquals(START, device.getLastActivityAt());
        assertEquals(Device.STATUS_PUSH_ACTIVE, device.statusText());
        assertEquals(START, reload(kind, user).getLastClientLoginAt());

        now = START.plusSeconds(60);
        ClientLogin.SignedIn again = assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), PIN, "install-1"));
        assertTrue(databases.get(kind).transaction(em -> TestAccess.clientTokens(em, clock())
                .active(answer.accessToken())).isEmpty(), "a new login on the device ends its earlier session");
        assertTrue(databases.get(kind).transaction(em -> TestAccess.clientTokens(em, clock())
                .active(again.answer().accessToken())).isPresent());
        assertEquals(1L, (long) databases.get(kind).transaction(em -> em.createQuery(
                "select count(d) from Device d where d.user.id = :id", Long.class).setParameter("id", user.getId())
                .getSingleResult()), "the device is registered once");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void afterFiveWrongPinsEveryAttemptWaitsAndTheRightPinIsNotEvenChecked(TestDatabase.Kind kind) {
        User user = user(kind, false);
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(ClientLogin.Refused.class, attempt(kind, user.getEmail(), "0000", "k"));
        }
        now = START.plusSeconds(30);
        ClientLogin.Wait wait = assertInstanceOf(ClientLogin.Wait.class, attempt(kind, user.getEmail(), PIN, "k"));
        assertEquals(150, wait.retryAfterSeconds());
        assertEquals(5, reload(kind, user).getFailedPinAttempts());

        now = START.plus(Duration.ofMinutes(3));
        assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), PIN, "k"));
        User stored = reload(kind, user);
        assertEquals(0, stored.getFailedPinAttempts());
        assertNull(stored.getNextPinAttemptAt());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theTenthWrongPinLocksEndsEverySessionAndOnlyAnUnlockLetsTheUserIn(TestDatabase.Kind kind) {
        User user = user(kind, false);
        String token = assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), PIN, "phone"))
                .answer().accessToken();
        databases.get(kind).run(em -> em.find(User.class, user.getId()).pinFailed(9, START, null, false));

        assertInstanceOf(ClientLogin.Refused.class, attempt(kind, user.getEmail(), "1234", "tablet"));
        User locked = reload(kind, user);
        assertEquals(LoginState.LOCKED, locked.getLoginState());
        assertEquals(10, locked.getFailedPinAttempts());
        assertTrue(databases.get(kind).transaction(em -> TestAccess.clientTokens(em, clock()).active(token)).isEmpty());
        assertEquals(1L, (long) databases.get(kind).transaction(em -> em.createQuery(
                "select count(e) from AuditEvent e where e.action = :a and e.targetId = :id", Long.class)
                .setParameter("a", AuditAction.USER_LOCKED.code()).setParameter("id", String.valueOf(user.getId()))
                .getSingleResult()));

        now = START.plus(Duration.ofDays(2));
        assertInstanceOf(ClientLogin.Refused.class, attempt(kind, user.getEmail(), PIN, "phone"), "locked: even the right PIN");
        assertEquals(10, reload(kind, user).getFailedPinAttempts(), "not counted while locked");

        databases.get(kind).run(em -> em.find(User.class, user.getId()).unlock(hasher.hash("7305"), false));
        assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), "7305", "phone"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnknownAddressAndADisabledAccountAnswerExactlyLikeWrongPins(TestDatabase.Kind kind) {
        String unknown = "nobody-" + UUID.randomUUID() + "@it.test";
        User disabled = user(kind, false);
        databases.get(kind).run(em -> em.find(User.class, disabled.getId()).changeLoginState(LoginState.DISABLED));
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(ClientLogin.Refused.class, attempt(kind, unknown, "0000", "k"));
            assertInstanceOf(ClientLogin.Refused.class, attempt(kind, disabled.getEmail(), PIN, "k"),
                    "a disabled account is refused with the right PIN too");
        }
        now = START.plusSeconds(1);
        assertEquals(179, assertInstanceOf(ClientLogin.Wait.class, attempt(kind, unknown, "0000", "k")).retryAfterSeconds());
        assertEquals(179, assertInstanceOf(ClientLogin.Wait.class, attempt(kind, disabled.getEmail(), PIN, "k")).retryAfterSeconds());
        assertEquals(0L, (long) databases.get(kind).transaction(em -> em.createQuery(
                "select count(d) from Device d where d.user.id = :id", Long.class).setParameter("id", disabled.getId())
                .getSingleResult()), "a refused login registers no device");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void attemptsArrivingTogetherAreCountedOneAfterAnotherUnderTheRowLock(TestDatabase.Kind kind) throws Exception {
        User user = user(kind, false);
        databases.get(kind).run(em -> em.find(User.class, user.getId()).pinFailed(4, START.minusSeconds(5), null, false));
        int parallel = 6;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ClientLogin.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Callable<ClientLogin.Outcome> call = () -> {
                start.await();
                return attempt(kind, user.getEmail(), "9999", "k");
            };
            outcomes.add(pool.submit(call));
        }
        start.countDown();
        int refused = 0;
        int waits = 0;
        for (Future<ClientLogin.Outcome> outcome : outcomes) {
            ClientLogin.Outcome o = outcome.get();
            refused += o instanceof ClientLogin.Refused ? 1 : 0;
            waits += o instanceof ClientLogin.Wait ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, refused, "only the first attempt is checked and counted");
        assertEquals(parallel - 1, waits, "the others find the wait the first one stored");
        assertEquals(5, reload(kind, user).getFailedPinAttempts());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemporaryPinIsChangedUnderTheSameRules(TestDatabase.Kind kind) {
        User user = user(kind, true);
        ClientLogin.SignedIn in = assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), PIN, "k"));
        assertTrue(in.answer().pinTemporary());
        ClientSession session = databases.get(kind).transaction(em -> TestAccess.clientTokens(em, clock())
                .active(in.answer().accessToken())).orElseThrow();

        assertInstanceOf(ClientLogin.PinRejected.class, login(kind, l -> l.changePin(session, PIN, "7777")));
        assertInstanceOf(ClientLogin.PinRejected.class, login(kind, l -> l.changePin(session, PIN, PIN)));
        assertInstanceOf(ClientLogin.PinRejected.class, login(kind, l -> l.changePin(session, PIN, "12a4")));
        assertEquals(0, reload(kind, user).getFailedPinAttempts(), "a rejected new PIN checks nothing");

        assertInstanceOf(ClientLogin.WrongPin.class, login(kind, l -> l.changePin(session, "1111", "7305")));
        assertEquals(1, reload(kind, user).getFailedPinAttempts(), "a wrong current PIN counts like a failed login");

        assertInstanceOf(ClientLogin.PinChanged.class, login(kind, l -> l.changePin(session, PIN, "7305")));
        User changed = reload(kind, user);
        assertFalse(changed.isPinTemporary());
        assertEquals(0, changed.getFailedPinAttempts());
        assertTrue(hasher.matches("7305", changed.getPinHash()));
        assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), "7305", "k"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aWipeReachesTheDeviceOnItsNextContactAndOnlyItsCodeConfirmsIt(TestDatabase.Kind kind) {
        User user = user(kind, false);
        String token = assertInstanceOf(ClientLogin.SignedIn.class, attempt(kind, user.getEmail(), PIN, "wiped-phone"))
                .answer().accessToken();
        now = START.plusSeconds(30);
        assertInstanceOf(ClientContact.Admitted.class, contact(kind, c -> c.admit(token)));
        Long deviceId = databases.get(kind).transaction(em -> em.createNamedQuery(Device.BY_KEY, Device.class)
                .setParameter("userId", user.getId()).setParameter("deviceKey", "wiped-phone").getSingleResult().getId());
        assertEquals(START, databases.get(kind).transaction(em -> em.find(Device.class, deviceId)).getLastActivityAt(),
                "activity is recorded at most once a minute");
        now = START.plusSeconds(61);
        contact(kind, c -> c.admit(token));
        assertEquals(now, databases.get(kind).transaction(em -> em.find(Device.class, deviceId)).getLastActivityAt());

        databases.get(kind).run(em -> em.find(Device.class, deviceId).requestWipe(now));
        ClientContact.WipeRequired first = assertInstanceOf(ClientContact.WipeRequired.class, contact(kind, c -> c.admit(token)));
        assertEquals("wiped-phone", first.instruction().deviceKey());
        assertTrue(databases.get(kind).transaction(em -> TestAccess.clientTokens(em, clock()).active(token)).isEmpty(),
                "the wipe instruction ends the device's sessions");
        ClientContact.WipeRequired again = assertInstanceOf(ClientContact.WipeRequired.class, contact(kind, c -> c.admit(token)),
                "a device that missed the instruction gets it again with its ended token");
        ClientLogin.Wipe onLogin = assertInstanceOf(ClientLogin.Wipe.class, attempt(kind, user.getEmail(), "0000", "wiped-phone"));
        assertEquals(0, reload(kind, user).getFailedPinAttempts(), "the wipe answer checks and counts no PIN");

        assertFalse(this.<Boolean>contact(kind, c -> c.confirmWiped("wiped-phone", "not-the-code")));
        assertFalse(this.<Boolean>contact(kind, c -> c.confirmWiped("other-device", onLogin.instruction().confirmation())));
        assertFalse(this.<Boolean>contact(kind, c -> c.confirmWiped("wiped-phone", again.instruction().confirmation())),
                "a newer instruction replaces the older code");
        assertTrue(this.<Boolean>contact(kind, c -> c.confirmWiped("wiped-phone", onLogin.instruction().confirmation())));
        Device wiped = databases.get(kind).transaction(em -> em.find(Device.class, deviceId));
        assertEquals(WipeState.WIPED, wiped.getWipeState());
        assertEquals(Device.STATUS_WIPED, wiped.statusText());
        assertNull(wiped.getPushToken());
        assertInstanceOf(ClientContact.Refused.class, contact(kind, c -> c.admit(token)));

        ClientLogin.SignedIn fresh = assertInstanceOf(ClientLogin.SignedIn.class,
                attempt(kind, user.getEmail(), PIN, "wiped-phone"));
        assertNotNull(fresh.answer().accessToken(), "after the wipe the device starts afresh");
    }
}
