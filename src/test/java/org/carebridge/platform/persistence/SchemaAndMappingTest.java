package org.carebridge.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.carebridge.access.PasswordToken;
import org.carebridge.access.PasswordTokenPurpose;
import org.carebridge.access.SecretTokens;
import org.carebridge.mail.MailMessage;
import org.carebridge.mail.MailState;
import org.carebridge.mail.OutboundMail;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.organization.RetentionPeriod;
import org.carebridge.organization.RetentionUnit;
import org.carebridge.user.StaffType;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;
import org.carebridge.user.UserProfileImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Applies every migration to a fresh H2 and a fresh PostgreSQL schema, then persists and reads
 * back each entity through the application's persistence unit, and checks that the database's
 * own constraints refuse bad rows that bypass the code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaAndMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z").truncatedTo(ChronoUnit.MILLIS);
    /** The eight bytes that open every PNG file, and a little more. */
    private static final byte[] PNG_BYTES = {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3};
    private final java.util.Map<TestDatabase.Kind, TestDatabase> databases = new java.util.EnumMap<>(TestDatabase.Kind.class);

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

    private <T> T inTransaction(TestDatabase.Kind kind, Function<EntityManager, T> work) {
        return databases.get(kind).transaction(work);
    }

    private void run(TestDatabase.Kind kind, Consumer<EntityManager> work) {
        databases.get(kind).run(work);
    }

    private Organization hospital(EntityManager em, String name) {
        Organization org = new Organization(OrganizationKind.HOSPITAL, name, PhoneNumber.parse("(408) 882-5830"),
                ZoneId.of("America/Los_Angeles"), NOW);
        em.persist(org);
        return org;
    }

    private User nativeUser(EntityManager em, Organization org, String email) {
        User user = User.nativeUser(org, email, "Jane", "Doe", ZoneId.of("America/New_York"), NOW);
        em.persist(user);
        user.assignStaffId();
        return user;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void organizationRoundTrip(TestDatabase.Kind kind) {
        Long id = inTransaction(kind, em -> {
            Organization org = hospital(em, "Mapping Hospital " + kind);
            org.assignVoiceNumber(PhoneNumber.parse("408-555-0101"));
            org.changeMessaging(true, false);
            org.changeMessageExpiration(20_160);
            org.changeRetention(new RetentionPeriod(2, RetentionUnit.YEARS));
            org.changePrioritySoundLength(5);
            return org.getId();
        });
        Organization read = inTransaction(kind, em -> em.find(Organization.class, id));
        assertEquals("Mapping Hospital " + kind, read.getName());
        assertEquals(OrganizationKind.HOSPITAL, read.getKind());
        assertEquals("(408) 882-5830", read.getOfficeNumber());
        assertEquals("(408) 555-0101", read.getVoiceNumber());
        assertEquals("America/Los_Angeles", read.getTimeZone());
        assertTrue(read.isWholeOrganizationMessaging());
        assertEquals(20_160, read.getMessageExpirationMinutes());
        assertEquals(new RetentionPeriod(2, RetentionUnit.YEARS), read.retention());
        assertEquals(5, read.getPrioritySoundSeconds());
        assertEquals(NOW, read.getCreatedAt());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void userTokenImageAndMailRoundTrip(TestDatabase.Kind kind) {
        String email = "Round.Trip@" + kind.name().toLowerCase() + ".example";
        Long[] ids = inTransaction(kind, em -> {
            Organization org = hospital(em, "Users Hospital " + kind);
            User user = nativeUser(em, org, email);
            user.setStaffType(StaffType.PHYSICIAN);
            user.setSpecialty("Cardiology");
            user.grantOrganizationAdmin(true);
            User external = User.externalUser(org, "vs-42", "Badge", "User", ZoneId.of("UTC"), NOW);
            em.persist(external);
            external.assignStaffId();
            external.setLinkedUser(user);
            PasswordToken token = new PasswordToken(user, PasswordTokenPurpose.RESET, SecretTokens.hash("abc"), NOW);
            em.persist(token);
            em.persist(new UserProfileImage(user.getId(), PNG_BYTES, NOW));
            OutboundMail mail = new OutboundMail(new MailMessage("a@b.example", "Subject", "Text", "<p>Html</p>"), NOW);
            em.persist(mail);
            return new Long[] {user.getId(), external.getId(), token.getId(), mail.getId()};
        });
        run(kind, em -> {
            User user = em.find(User.class, ids[0]);
            assertEquals(email.toLowerCase(), user.getEmail());
            assertEquals(String.valueOf(100_000 + ids[0]), user.getStaffId());
            assertEquals(UserKind.NATIVE, user.getKind());
            assertEquals("Cardiology", user.getSpecialty());
            assertTrue(user.isOrgAdmin());
            User external = em.find(User.class, ids[1]);
            assertEquals(UserKind.EXTERNAL, external.getKind());
            assertEquals(ids[0], external.getLinkedUser().getId());
            assertNull(external.getEmail());
            PasswordToken token = em.createNamedQuery(PasswordToken.BY_HASH, PasswordToken.class)
                    .setParameter("hash", SecretTokens.hash("abc")).getSingleResult();
            assertEquals(ids[2], token.getId());
            assertEquals(NOW.plus(PasswordTokenPurpose.RESET.lifetime()), token.getExpiresAt());
            assertArrayEquals(PNG_BYTES, em.find(UserProfileImage.class, ids[0]).getData());
            assertEquals("image/png", em.find(UserProfileImage.class, ids[0]).getContentType());
            OutboundMail mail = em.find(OutboundMail.class, ids[3]);
            assertEquals(MailState.QUEUED, mail.getState());
            assertEquals("<p>Html</p>", mail.message().html());
            assertNotNull(em.find(ClusterLock.class, "mail-outbox"));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void databaseRefusesBadRows(TestDatabase.Kind kind) {
        run(kind, em -> {
            Organization org = hospital(em, "Constraint Hospital " + kind);
            nativeUser(em, org, "dup@constraints.example");
        });
        assertThrows(PersistenceException.class, () -> run(kind, em -> {
            Organization org = hospital(em, "Second Hospital " + kind);
            nativeUser(em, org, "DUP@constraints.example");
        }), "duplicate e-mail");
        assertThrows(PersistenceException.class, () -> run(kind, em -> {
            hospital(em, "constraint hospital " + kind.name().toLowerCase());
        }), "duplicate organization name, other case");
        TestDatabase db = databases.get(kind);
        assertThrows(IllegalStateException.class, () -> db.execute(
                "update organization set message_expiration_minutes = 29"), "expiration below 30 minutes");
        assertThrows(IllegalStateException.class, () -> db.execute(
                "update organization set retention_amount = 3"), "retention amount without unit");
        assertThrows(IllegalStateException.class, () -> db.execute(
                "update app_user set email = 'UPPER@CASE.EXAMPLE'"), "e-mail not normalised");
        assertThrows(IllegalStateException.class, () -> db.execute(
                "update app_user set kind = 'EXTERNAL'"), "external user without external id");
    }
}
