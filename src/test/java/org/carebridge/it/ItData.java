package org.carebridge.it;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.carebridge.access.ClientSession;
import org.carebridge.access.SecretTokens;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.device.PushProvider;
import org.carebridge.group.ContactGroup;
import org.carebridge.mail.OutboundMail;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.persistence.UrlDataSource;
import org.carebridge.user.User;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Arranges and inspects data for tests that drive the running server from outside: the
 * application's own entities and persistence unit, pointed at the in-container test schema.
 * Every name it creates carries a random suffix, so test classes never collide.
 */
public final class ItData implements AutoCloseable {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private final EntityManagerFactory emf;
    private final Pbkdf2PasswordHashImpl hasher = new Pbkdf2PasswordHashImpl();

    /** The build's own schema (pom.xml names it after the reserved port and creates it). */
    private static String itSchema() {
        String schema = System.getProperty("it.pg.schema");
        if (schema == null || schema.isBlank()) {
            throw new IllegalStateException("it.pg.schema is not set: run the in-container tests through Maven (mvn verify)");
        }
        return schema;
    }

    public ItData() {
        String url = System.getProperty("test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test")
                + "?currentSchema=" + itSchema();
        UrlDataSource ds = new UrlDataSource();
        ds.setUrl(url);
        ds.setUser(System.getProperty("test.pg.user", "postgres"));
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.TRANSACTION_TYPE, "RESOURCE_LOCAL");
        props.put(PersistenceUnitProperties.JTA_DATASOURCE, "");
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, ds);
        emf = Persistence.createEntityManagerFactory("carebridge", props);
        hasher.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000", "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
    }

    public <T> T transaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public Organization organization(OrganizationKind kind, String name, String officeNumber) {
        return transaction(em -> {
            Organization org = new Organization(kind, name, PhoneNumber.parse(officeNumber), ZONE, Instant.now());
            em.persist(org);
            return org;
        });
    }

    /** An organization administrator who can sign in to the console with {@code password}. */
    public User administrator(Organization org, String email, String password) {
        return user(org, email, password, true, false);
    }

    public User systemAdministrator(Organization org, String email, String password) {
        return user(org, email, password, false, true);
    }

    public User member(Organization org, String email) {
        return user(org, email, null, false, false);
    }

    private User user(Organization org, String email, String password, boolean orgAdmin, boolean systemAdmin) {
        return transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()), email, "Test",
                    "User " + email.substring(0, email.indexOf('.')), ZONE, Instant.now());
            user.grantOrganizationAdmin(orgAdmin);
            user.grantSystemAdmin(systemAdmin);
            if (password != null) {
                user.changePasswordHash(hasher.generate(password.toCharArray()));
            }
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    /** Two organizations affiliated as after an accepted invitation (both sides: whole organization). */
    public Affiliation affiliate(Organization one, Organization other) {
        return transaction(em -> {
            Affiliation affiliation = new Affiliation(em.find(Organization.class, one.getId()),
                    em.find(Organization.class, other.getId()), Instant.now());
            em.persist(affiliation);
            return affiliation;
        });
    }

    public ContactGroup group(Organization org, String name, User... members) {
        return transaction(em -> {
            ContactGroup group = new ContactGroup(em.find(Organization.class, org.getId()), name, Instant.now());
            for (User member : members) {
                group.addMember(em.find(User.class, member.getId()));
            }
            em.persist(group);
            return group;
        });
    }

    /** The affiliation as stored now, with its chosen groups loaded. */
    public Affiliation reload(Affiliation affiliation) {
        return transaction(em -> {
            Affiliation found = em.find(Affiliation.class, affiliation.getId());
            found.groupsOf(found.getOrganizationLow()).size();
            found.groupsOf(found.getOrganizationHigh()).size();
            return found;
        });
    }

    /** Every mail the outbox holds for {@code recipient}, oldest first. */
    public List<OutboundMail> mailsTo(String recipient) {
        return transaction(em -> em.createQuery("select m from OutboundMail m where m.recipient = :r order by m.id",
                OutboundMail.class).setParameter("r", recipient).getResultList());
    }

    public Organization reload(Organization org) {
        return transaction(em -> em.find(Organization.class, org.getId()));
    }

    public User userByEmail(String email) {
        return transaction(em -> em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email)).getResultList().stream().findFirst().orElse(null));
    }

    /** A device {@code user} has signed in from, with push notifications registered. */
    public Device device(User user, String name) {
        return transaction(em -> {
            Device device = new Device(em.find(User.class, user.getId()), "key-" + UUID.randomUUID(),
                    DevicePlatform.ANDROID, name, Instant.now());
            device.changePushToken(PushProvider.FCM, "fcm-" + UUID.randomUUID());
            device.loggedIn(Instant.now());
            em.persist(device);
            return device;
        });
    }

    /**
     * Signs {@code user} in on a new device as a client login would, and returns the bearer token
     * (only its hash is stored). For API tests that are not about the login itself.
     */
    public String clientToken(User user) {
        Device device = device(user, "Test phone");
        String token = SecretTokens.newToken();
        transaction(em -> {
            ClientSession session = new ClientSession(em.find(Device.class, device.getId()), SecretTokens.hash(token),
                    Instant.now(), Duration.ofHours(1));
            em.persist(session);
            em.find(User.class, user.getId()).clientLoggedIn(Instant.now());
            return session;
        });
        return token;
    }

    /** Whether {@code secret} is the one hashed into {@code storedHash} (PIN or password). */
    public boolean verifies(String secret, String storedHash) {
        return storedHash != null && hasher.verify(secret.toCharArray(), storedHash);
    }

    public User reload(User user) {
        return transaction(em -> em.find(User.class, user.getId()));
    }

    // --- Integration (on-premises connector) -----------------------------------------------

    /** The cipher the test server uses: it runs without a configured key-encryption key. */
    private static final org.carebridge.integration.SharedKeyCipher CIPHER = new org.carebridge.integration.SharedKeyCipher(
            java.util.Base64.getDecoder().decode(org.carebridge.integration.SharedKeyCipherProducer.DEVELOPMENT_KEY));

    /** Enables integration for {@code org}, as the Integrations page's Enable does; returns what it shows once. */
    public org.carebridge.integration.IntegrationCredentials enableIntegration(Organization organization) {
        String id = org.carebridge.integration.Integration.newIntegrationUserId();
        String key = org.carebridge.integration.SyncHandshake.newSharedKey();
        transaction(em -> {
            em.persist(new org.carebridge.integration.Integration(em.find(Organization.class, organization.getId()), id,
                    CIPHER.encrypt(key), Instant.now()));
            return null;
        });
        return new org.carebridge.integration.IntegrationCredentials(id, key);
    }

    /** Regenerate on the Integrations page: a new id and key replace the old ones. */
    public org.carebridge.integration.IntegrationCredentials regenerateIntegration(Organization organization) {
        String id = org.carebridge.integration.Integration.newIntegrationUserId();
        String key = org.carebridge.integration.SyncHandshake.newSharedKey();
        transaction(em -> {
            em.createNamedQuery(org.carebridge.integration.Integration.BY_ORGANIZATION,
                    org.carebridge.integration.Integration.class).setParameter("organizationId", organization.getId())
                    .getSingleResult().replaceCredentials(id, CIPHER.encrypt(key));
            return null;
        });
        return new org.carebridge.integration.IntegrationCredentials(id, key);
    }

    public org.carebridge.integration.Integration integrationOf(Organization organization) {
        return transaction(em -> em.createNamedQuery(org.carebridge.integration.Integration.BY_ORGANIZATION,
                org.carebridge.integration.Integration.class).setParameter("organizationId", organization.getId())
                .getSingleResult());
    }

    /** An organization's import runs, newest first. */
    public List<org.carebridge.integration.ImportRun> importRuns(Organization organization) {
        return transaction(em -> em.createNamedQuery(org.carebridge.integration.ImportRun.OF_ORGANIZATION,
                org.carebridge.integration.ImportRun.class).setParameter("organizationId", organization.getId()).getResultList());
    }

    /** An organization's present external (synced) users, by external id; users a sync removed are left out. */
    public List<User> externalUsers(Organization organization) {
        return transaction(em -> em.createQuery("select u from User u where u.organization.id = :id"
                + " and u.kind = org.carebridge.user.UserKind.EXTERNAL and u.removedAt is null order by u.externalId",
                User.class)
                .setParameter("id", organization.getId()).getResultList());
    }

    /** An external user as a sync would create it. */
    public User externalUser(Organization organization, String externalId, String first, String last) {
        return transaction(em -> {
            User user = User.externalUser(em.find(Organization.class, organization.getId()), externalId, first, last, ZONE,
                    Instant.now());
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    @Override
    public void close() {
        emf.close();
    }
}
