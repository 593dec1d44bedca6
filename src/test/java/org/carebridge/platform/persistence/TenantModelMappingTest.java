package org.carebridge.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.carebridge.access.ClientSession;
import org.carebridge.access.SecretTokens;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AffiliationState;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.audit.AuditEvent;
import org.carebridge.device.Device;
import org.carebridge.device.DevicePlatform;
import org.carebridge.device.PushProvider;
import org.carebridge.device.WipeState;
import org.carebridge.group.ContactGroup;
import org.carebridge.integration.ConnectionState;
import org.carebridge.integration.ImportChange;
import org.carebridge.integration.ImportRecord;
import org.carebridge.integration.ImportRun;
import org.carebridge.integration.ImportRunState;
import org.carebridge.integration.ImportTrigger;
import org.carebridge.integration.Integration;
import org.carebridge.integration.SharedKeyCipher;
import org.carebridge.integration.SystemKind;
import org.carebridge.invitation.OrganizationInvitation;
import org.carebridge.invitation.OrganizationInvitationState;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.invitation.UserInvitationStatus;
import org.carebridge.mail.MailMessage;
import org.carebridge.mail.OutboundMail;
import org.carebridge.messaging.Conversation;
import org.carebridge.messaging.ConversationParticipant;
import org.carebridge.messaging.DeliveryState;
import org.carebridge.messaging.Message;
import org.carebridge.messaging.MessageDelivery;
import org.carebridge.messaging.MessagePriority;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tenant model (groups, affiliations, invitations, devices, sessions, integration,
 * imports, messaging, audit) on a fresh H2 and a fresh PostgreSQL schema: every entity is
 * persisted and read back with its relationships through the application's persistence unit,
 * and the database's own constraints refuse bad rows that bypass the entities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantModelMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z").truncatedTo(ChronoUnit.MILLIS);
    private static final byte[] KEY_ENCRYPTION_KEY = new byte[SharedKeyCipher.KEY_BYTES];
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

    private <T> T inTransaction(TestDatabase.Kind kind, Function<EntityManager, T> work) {
        return databases.get(kind).transaction(work);
    }

    private void run(TestDatabase.Kind kind, Consumer<EntityManager> work) {
        databases.get(kind).run(work);
    }

    private static Organization organization(EntityManager em, OrganizationKind orgKind, String name) {
        Organization org = new Organization(orgKind, name, PhoneNumber.parse("(408) 882-5830"),
                ZoneId.of("America/Los_Angeles"), NOW);
        em.persist(org);
        return org;
    }

    private static User user(EntityManager em, Organization org, String email) {
        User user = User.nativeUser(org, email, "Jane", "Doe", ZoneId.of("America/New_York"), NOW);
        em.persist(user);
        user.assignStaffId();
        return user;
    }

    private static String tag(TestDatabase.Kind kind) {
        return kind.name().toLowerCase();
    }

    private static long count(EntityManager em, String sql, Object id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }

    /** Asserts {@code work} fails because of the named constraint, not for some other reason. */
    private static void assertRefusedBy(String constraint, Executable work) {
        Throwable thrown = assertThrows(RuntimeException.class, work, constraint);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().toLowerCase().contains(constraint), () -> constraint + " expected in " + messages);
    }

    private static Set<Long> groupIds(List<ContactGroup> groups) {
        return groups.stream().map(ContactGroup::getId).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void groupWithMembersRoundTrip(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization org = organization(em, OrganizationKind.HOSPITAL, "Group Hospital " + kind);
            User nurse = user(em, org, "nurse@group." + tag(kind));
            User doctor = user(em, org, "doctor@group." + tag(kind));
            ContactGroup group = new ContactGroup(org, "ED Nurses", NOW);
            group.addMember(nurse);
            group.addMember(doctor);
            group.changeWholeGroupMessaging(true);
            em.persist(group);
            return new Long[] {org.getId(), group.getId(), nurse.getId(), doctor.getId()};
        });
        long versionBefore = inTransaction(kind, em -> {
            ContactGroup group = em.find(ContactGroup.class, ids[1]);
            assertEquals("ED Nurses", group.getName());
            assertEquals("ed nurses", group.getNameKey());
            assertEquals(ids[0], group.getOrganization().getId());
            assertTrue(group.isWholeGroupMessaging());
            assertEquals(NOW, group.getCreatedAt());
            assertEquals(Set.of(ids[2], ids[3]), group.getMembers().stream().map(User::getId).collect(Collectors.toSet()));
            assertEquals(ids[1], em.createNamedQuery(ContactGroup.BY_NAME_KEY, ContactGroup.class)
                    .setParameter("organizationId", ids[0]).setParameter("nameKey", "ed nurses")
                    .getSingleResult().getId());
            assertEquals(1, em.createNamedQuery(ContactGroup.OF_MEMBER, ContactGroup.class)
                    .setParameter("userId", ids[2]).getResultList().size());
            group.removeMember(em.find(User.class, ids[2]));
            return group.getVersion();
        });
        run(kind, em -> {
            ContactGroup group = em.find(ContactGroup.class, ids[1]);
            assertEquals(Set.of(ids[3]), group.getMembers().stream().map(User::getId).collect(Collectors.toSet()));
            assertEquals(versionBefore + 1, group.getVersion(), "a membership change is a change of the group");
        });
        // Deleting a user removes its memberships, not the group.
        databases.get(kind).execute("delete from app_user where id = " + ids[3]);
        run(kind, em -> assertEquals(0, em.find(ContactGroup.class, ids[1]).getMemberCount()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void affiliationWithChosenGroupsRoundTrip(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization hospital = organization(em, OrganizationKind.HOSPITAL, "Affiliation Hospital " + kind);
            Organization practice = organization(em, OrganizationKind.PRACTICE, "Affiliation Practice " + kind);
            em.flush();
            ContactGroup picu = new ContactGroup(hospital, "PICU", NOW);
            ContactGroup birthing = new ContactGroup(hospital, "Birthing Center", NOW);
            ContactGroup front = new ContactGroup(practice, "Front Desk", NOW);
            em.persist(picu);
            em.persist(birthing);
            em.persist(front);
            // Given in "wrong" order on purpose: the entity stores the lower id first.
            Affiliation affiliation = new Affiliation(practice, hospital, NOW);
            affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(picu, birthing));
            affiliation.setPermission(practice, AssociationPermission.NONE, null);
            em.persist(affiliation);
            return new Long[] {hospital.getId(), practice.getId(), affiliation.getId(), picu.getId(), birthing.getId(),
                    front.getId()};
        });
        run(kind, em -> {
            Affiliation affiliation = em.find(Affiliation.class, ids[2]);
            Organization hospital = em.find(Organization.class, ids[0]);
            Organization practice = em.find(Organization.class, ids[1]);
            assertEquals(ids[0], affiliation.getOrganizationLow().getId());
            assertEquals(ids[1], affiliation.getOrganizationHigh().getId());
            assertTrue(affiliation.isActive());
            assertEquals(ids[1], affiliation.otherSide(hospital).getId());
            assertEquals(AssociationPermission.GROUPS, affiliation.permissionOf(hospital));
            assertEquals(AssociationPermission.NONE, affiliation.permissionOf(practice));
            assertEquals(Set.of(ids[3], ids[4]), groupIds(affiliation.groupsOf(hospital)));
            assertTrue(affiliation.groupsOf(practice).isEmpty());
            assertEquals(ids[2], em.createNamedQuery(Affiliation.BY_PAIR, Affiliation.class)
                    .setParameter("lowId", ids[0]).setParameter("highId", ids[1]).getSingleResult().getId());
            assertEquals(1, em.createNamedQuery(Affiliation.ACTIVE_OF_ORGANIZATION, Affiliation.class)
                    .setParameter("organizationId", ids[1]).getResultList().size());
            assertTrue(em.createNamedQuery(Affiliation.ALL_ACTIVE, Affiliation.class).getResultList().stream()
                    .anyMatch(a -> a.getId().equals(ids[2])));
            // Keep one group, add the practice's own: rows are replaced, not duplicated.
            affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(em.find(ContactGroup.class, ids[4])));
            affiliation.setPermission(practice, AssociationPermission.GROUPS, List.of(em.find(ContactGroup.class, ids[5])));
        });
        run(kind, em -> {
            Affiliation affiliation = em.find(Affiliation.class, ids[2]);
            assertEquals(Set.of(ids[4]), groupIds(affiliation.groupsOf(em.find(Organization.class, ids[0]))));
            assertEquals(Set.of(ids[5]), groupIds(affiliation.groupsOf(em.find(Organization.class, ids[1]))));
            assertEquals(2, count(em, "select count(*) from affiliation_group where affiliation_id = ?", ids[2]));
            affiliation.end(NOW.plusSeconds(60));
        });
        run(kind, em -> {
            Affiliation affiliation = em.find(Affiliation.class, ids[2]);
            assertEquals(AffiliationState.ENDED, affiliation.getState());
            assertEquals(NOW.plusSeconds(60), affiliation.getEndedAt());
            assertEquals(0, count(em, "select count(*) from affiliation_group where affiliation_id = ?", ids[2]));
            assertTrue(em.createNamedQuery(Affiliation.ACTIVE_OF_ORGANIZATION, Affiliation.class)
                    .setParameter("organizationId", ids[0]).getResultList().isEmpty());
            affiliation.restart(NOW.plusSeconds(120));
        });
        run(kind, em -> {
            Affiliation affiliation = em.find(Affiliation.class, ids[2]);
            assertTrue(affiliation.isActive());
            assertEquals(NOW, affiliation.getCreatedAt());
            assertEquals(NOW.plusSeconds(120), affiliation.getStartedAt());
            assertNull(affiliation.getEndedAt());
        });
        // Deleting a chosen group removes it from the permission too.
        run(kind, em -> em.find(Affiliation.class, ids[2]).setPermission(em.find(Organization.class, ids[0]),
                AssociationPermission.GROUPS, List.of(em.find(ContactGroup.class, ids[3]))));
        databases.get(kind).execute("delete from contact_group where id = " + ids[3]);
        run(kind, em -> assertEquals(0, count(em, "select count(*) from affiliation_group where affiliation_id = ?",
                ids[2])));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void organizationInvitationRoundTrip(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization hospital = organization(em, OrganizationKind.HOSPITAL, "Inviting Hospital " + kind);
            Organization practice = organization(em, OrganizationKind.PRACTICE, "Invited Practice " + kind);
            User hospitalAdmin = user(em, hospital, "admin@inviting." + tag(kind));
            User practiceAdmin = user(em, practice, "admin@invited." + tag(kind));
            OrganizationInvitation first = new OrganizationInvitation(hospital, practice, hospitalAdmin,
                    SecretTokens.hash("first-" + kind), NOW);
            em.persist(first);
            return new Long[] {hospital.getId(), practice.getId(), hospitalAdmin.getId(), practiceAdmin.getId(),
                    first.getId()};
        });
        Long secondId = inTransaction(kind, em -> {
            OrganizationInvitation first = em.createNamedQuery(OrganizationInvitation.PENDING_BETWEEN,
                    OrganizationInvitation.class).setParameter("invitingId", ids[0]).setParameter("invitedId", ids[1])
                    .getSingleResult();
            first.replace(NOW.plusSeconds(10));
            OrganizationInvitation second = new OrganizationInvitation(first.getInvitingOrganization(),
                    first.getInvitedOrganization(), first.getInvitedBy(), SecretTokens.hash("second-" + kind),
                    NOW.plusSeconds(10));
            em.persist(second);
            return second.getId();
        });
        run(kind, em -> {
            OrganizationInvitation second = em.createNamedQuery(OrganizationInvitation.BY_HASH,
                    OrganizationInvitation.class).setParameter("hash", SecretTokens.hash("second-" + kind))
                    .getSingleResult();
            assertEquals(secondId, second.getId());
            assertTrue(second.isAcceptable(NOW.plusSeconds(20)));
            second.accept(em.find(User.class, ids[3]), NOW.plusSeconds(20));
        });
        run(kind, em -> {
            OrganizationInvitation first = em.find(OrganizationInvitation.class, ids[4]);
            assertEquals(OrganizationInvitationState.REPLACED, first.getState());
            assertEquals(NOW.plusSeconds(10), first.getRespondedAt());
            assertNull(first.getRespondedBy());
            OrganizationInvitation second = em.find(OrganizationInvitation.class, secondId);
            assertEquals(OrganizationInvitationState.ACCEPTED, second.getState());
            assertEquals(ids[0], second.getInvitingOrganization().getId());
            assertEquals(ids[1], second.getInvitedOrganization().getId());
            assertEquals(ids[2], second.getInvitedBy().getId());
            assertEquals(ids[3], second.getRespondedBy().getId());
            assertEquals(NOW.plusSeconds(20), second.getRespondedAt());
            assertEquals(NOW.plusSeconds(10).plus(OrganizationInvitation.LIFETIME), second.getExpiresAt());
            assertTrue(em.createNamedQuery(OrganizationInvitation.PENDING_FOR_INVITED, OrganizationInvitation.class)
                    .setParameter("invitedId", ids[1]).getResultList().isEmpty());
            assertTrue(em.createNamedQuery(OrganizationInvitation.PENDING_FROM_INVITING, OrganizationInvitation.class)
                    .setParameter("invitingId", ids[0]).getResultList().isEmpty());
            assertTrue(em.createNamedQuery(OrganizationInvitation.OVERDUE, OrganizationInvitation.class)
                    .setParameter("now", NOW.plus(Duration.ofDays(365))).getResultList().stream()
                    .noneMatch(i -> i.getInvitingOrganization().getId().equals(ids[0])));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void userInvitationRoundTrip(TestDatabase.Kind kind) {
        String email = "new.user@invite." + tag(kind);
        Long[] ids = inTransaction(kind, em -> {
            Organization practice = organization(em, OrganizationKind.PRACTICE, "Invitation Practice " + kind);
            User admin = user(em, practice, "admin@invite." + tag(kind));
            OutboundMail mail = new OutboundMail(new MailMessage(email, "Join", "Link", null), NOW);
            em.persist(mail);
            UserInvitation invitation = new UserInvitation(practice, " New.User@Invite." + tag(kind), "Ada", null,
                    true, admin, SecretTokens.hash("invite-" + kind), mail, NOW);
            em.persist(invitation);
            return new Long[] {practice.getId(), admin.getId(), mail.getId(), invitation.getId()};
        });
        run(kind, em -> {
            assertEquals(List.of(), em.createNamedQuery(UserInvitation.AWAITING_MAIL_OUTCOME, UserInvitation.class)
                    .getResultList());
            em.find(OutboundMail.class, ids[2]).sent(NOW.plusSeconds(5));
        });
        run(kind, em -> {
            Object[] stored = (Object[]) em.createNativeQuery("select text_body, subject from outbound_mail where id = "
                    + ids[2]).getSingleResult();
            assertEquals(List.of("", "Join"), List.of(String.valueOf(stored[0]), String.valueOf(stored[1])),
                    "a sent mail's text (its link) is erased in the database; the subject stays");
        });
        run(kind, em -> {
            List<UserInvitation> awaiting = em.createNamedQuery(UserInvitation.AWAITING_MAIL_OUTCOME,
                    UserInvitation.class).getResultList();
            assertEquals(1, awaiting.size());
            assertTrue(awaiting.get(0).followMail(NOW.plusSeconds(6)));
        });
        Long userId = inTransaction(kind, em -> {
            UserInvitation invitation = em.createNamedQuery(UserInvitation.BY_HASH, UserInvitation.class)
                    .setParameter("hash", SecretTokens.hash("invite-" + kind)).getSingleResult();
            assertEquals(UserInvitationStatus.EMAIL_SENT, invitation.getStatus());
            invitation.clicked(NOW.plusSeconds(60));
            User registered = user(em, invitation.getOrganization(), email);
            invitation.register(registered, NOW.plusSeconds(90));
            return registered.getId();
        });
        run(kind, em -> {
            UserInvitation invitation = em.find(UserInvitation.class, ids[3]);
            assertEquals(email, invitation.getEmail());
            assertEquals("Ada", invitation.getFirstName());
            assertNull(invitation.getLastName());
            assertTrue(invitation.isAdministrator());
            assertEquals(UserInvitationStatus.REGISTERED, invitation.getStatus());
            assertEquals(ids[0], invitation.getOrganization().getId());
            assertEquals(ids[1], invitation.getInvitedBy().getId());
            assertEquals(ids[2], invitation.getOutboundMail().getId());
            assertEquals(userId, invitation.getRegisteredUser().getId());
            assertTrue(invitation.getRegisteredUser().isOrgAdmin());
            assertEquals(NOW, invitation.getCreatedAt());
            assertEquals(NOW.plusSeconds(60), invitation.getClickedAt());
            assertEquals(NOW.plusSeconds(90), invitation.getStatusChangedAt());
            assertEquals(NOW.plus(UserInvitation.LIFETIME), invitation.getExpiresAt());
            assertEquals(1, em.createNamedQuery(UserInvitation.OF_ORGANIZATION, UserInvitation.class)
                    .setParameter("organizationId", ids[0]).getResultList().size());
            assertTrue(em.createNamedQuery(UserInvitation.OPEN_FOR_EMAIL, UserInvitation.class)
                    .setParameter("organizationId", ids[0]).setParameter("email", email).getResultList().isEmpty());
            invitation.delete(NOW.plusSeconds(120));
        });
        run(kind, em -> {
            assertEquals(NOW.plusSeconds(120), em.find(UserInvitation.class, ids[3]).getDeletedAt());
            assertTrue(em.createNamedQuery(UserInvitation.OF_ORGANIZATION, UserInvitation.class)
                    .setParameter("organizationId", ids[0]).getResultList().isEmpty());
        });
        // Purging an old outbox mail keeps the invitation and forgets the mail.
        databases.get(kind).execute("delete from outbound_mail where id = " + ids[2]);
        run(kind, em -> assertNull(em.find(UserInvitation.class, ids[3]).getOutboundMail()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deviceAndClientSessionRoundTrip(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization org = organization(em, OrganizationKind.HOSPITAL, "Device Hospital " + kind);
            User user = user(em, org, "phone@device." + tag(kind));
            Device device = new Device(user, "install-1", DevicePlatform.ANDROID, "Jane's Pixel", NOW);
            device.changePushToken(PushProvider.FCM, "fcm-token-123");
            device.loggedIn(NOW.plusSeconds(1));
            em.persist(device);
            ClientSession session = new ClientSession(device, SecretTokens.hash("session-" + kind), NOW.plusSeconds(1),
                    Duration.ofDays(30));
            em.persist(session);
            return new Long[] {user.getId(), device.getId(), session.getId()};
        });
        run(kind, em -> {
            Device device = em.createNamedQuery(Device.BY_KEY, Device.class).setParameter("userId", ids[0])
                    .setParameter("deviceKey", "install-1").getSingleResult();
            assertEquals(ids[1], device.getId());
            assertEquals(ids[0], device.getUser().getId());
            assertEquals(DevicePlatform.ANDROID, device.getPlatform());
            assertEquals("Jane's Pixel", device.getName());
            assertEquals(PushProvider.FCM, device.getPushProvider());
            assertEquals("fcm-token-123", device.getPushToken());
            assertTrue(device.isNotificationsEnabled());
            assertEquals(NOW.plusSeconds(1), device.getLastLoginAt());
            assertEquals(NOW.plusSeconds(1), device.getLastActivityAt());
            assertEquals(Device.STATUS_PUSH_ACTIVE, device.statusText());
            assertEquals(List.of(device), em.createNamedQuery(Device.OF_USER, Device.class)
                    .setParameter("userId", ids[0]).getResultList());
            assertEquals(1, em.createNamedQuery(Device.PUSH_TARGETS_OF_USER, Device.class)
                    .setParameter("userId", ids[0]).getResultList().size());
            ClientSession session = em.createNamedQuery(ClientSession.BY_HASH, ClientSession.class)
                    .setParameter("hash", SecretTokens.hash("session-" + kind)).getSingleResult();
            assertEquals(ids[1], session.getDevice().getId());
            assertEquals(ids[0], session.getUser().getId());
            assertEquals(NOW.plusSeconds(1).plus(Duration.ofDays(30)), session.getExpiresAt());
            assertEquals(1, em.createNamedQuery(ClientSession.ACTIVE_OF_DEVICE, ClientSession.class)
                    .setParameter("deviceId", ids[1]).setParameter("now", NOW.plusSeconds(2)).getResultList().size());
            device.requestWipe(NOW.plusSeconds(30));
            session.revoke(NOW.plusSeconds(30));
        });
        run(kind, em -> {
            Device device = em.find(Device.class, ids[1]);
            assertEquals(WipeState.REQUESTED, device.getWipeState());
            assertEquals(Device.STATUS_WIPE_REQUESTED, device.statusText());
            assertTrue(em.createNamedQuery(ClientSession.ACTIVE_OF_USER, ClientSession.class)
                    .setParameter("userId", ids[0]).setParameter("now", NOW.plusSeconds(31)).getResultList().isEmpty());
            device.confirmWiped(NOW.plusSeconds(40));
        });
        run(kind, em -> {
            Device device = em.find(Device.class, ids[1]);
            assertEquals(WipeState.WIPED, device.getWipeState());
            assertEquals(NOW.plusSeconds(40), device.getWipedAt());
            assertNull(device.getPushToken());
            assertTrue(device.canDeleteInfo());
            assertEquals(NOW.plusSeconds(30), em.find(ClientSession.class, ids[2]).getRevokedAt());
            em.remove(device);
        });
        run(kind, em -> {
            assertNull(em.find(Device.class, ids[1]));
            assertNull(em.find(ClientSession.class, ids[2]), "the database cascades the device's sessions");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void integrationAndImportRoundTrip(TestDatabase.Kind kind) {
        SharedKeyCipher cipher = new SharedKeyCipher(KEY_ENCRYPTION_KEY);
        String sharedKey = SecretTokens.newToken();
        Long[] ids = inTransaction(kind, em -> {
            Organization org = organization(em, OrganizationKind.HOSPITAL, "Integration Hospital " + kind);
            Integration integration = new Integration(org, Integration.newIntegrationUserId(), cipher.encrypt(sharedKey),
                    NOW);
            integration.changeSystemKind(SystemKind.VOICE_AND_MESSAGING);
            integration.heartbeat(NOW.plusSeconds(5));
            em.persist(integration);
            ImportRun run = new ImportRun(org, ImportTrigger.SCHEDULED, NOW);
            em.persist(run);
            em.persist(run.record(ImportChange.CREATED, "100100", "vs-1", "Blair, Steve", null));
            em.persist(run.record(ImportChange.NONE, "100101", "vs-2", "Bley, Carla", null));
            em.persist(run.record(ImportChange.ERROR, null, "vs-3", null, "Missing last name"));
            run.succeed(NOW.plusSeconds(20));
            return new Long[] {org.getId(), integration.getId(), run.getId()};
        });
        run(kind, em -> {
            Integration integration = em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class)
                    .setParameter("organizationId", ids[0]).getSingleResult();
            assertEquals(ids[1], integration.getId());
            assertEquals(integration.getId(), em.createNamedQuery(Integration.BY_INTEGRATION_USER_ID, Integration.class)
                    .setParameter("integrationUserId", integration.getIntegrationUserId()).getSingleResult().getId());
            assertEquals(sharedKey, cipher.decrypt(integration.getSharedKeyCiphertext()));
            assertTrue(integration.isEnabled());
            assertEquals(SystemKind.VOICE_AND_MESSAGING, integration.getSystemKind());
            assertEquals(ConnectionState.CONNECTED, integration.getConnectionState());
            assertEquals(ConnectionState.CONNECTED, integration.connectionStateAt(NOW.plusSeconds(10)));
            assertEquals(NOW.plusSeconds(5), integration.getLastHeartbeatAt());
            assertTrue(em.createNamedQuery(Integration.ENABLED, Integration.class).getResultList().stream()
                    .anyMatch(i -> i.getId().equals(ids[1])));
            assertTrue(em.createNamedQuery(ImportRun.RUNNING_OF_ORGANIZATION, ImportRun.class)
                    .setParameter("organizationId", ids[0]).getResultList().isEmpty());

            ImportRun run = em.createNamedQuery(ImportRun.OF_ORGANIZATION, ImportRun.class)
                    .setParameter("organizationId", ids[0]).getSingleResult();
            assertEquals(ids[2], run.getId());
            assertEquals(ImportRunState.SUCCEEDED, run.getState());
            assertEquals(ImportTrigger.SCHEDULED, run.getTrigger());
            assertEquals(NOW.plusSeconds(20), run.getEndedAt());
            assertEquals(1, run.getCreated());
            assertEquals(1, run.getUnchanged());
            assertEquals(1, run.getErrors());
            assertEquals(0, run.getOverwritten());
            List<ImportRecord> records = em.createNamedQuery(ImportRecord.OF_RUN, ImportRecord.class)
                    .setParameter("runId", ids[2]).getResultList();
            assertEquals(List.of(ImportChange.CREATED, ImportChange.NONE, ImportChange.ERROR),
                    records.stream().map(ImportRecord::getChange).toList());
            assertEquals("Blair, Steve", records.get(0).getName());
            assertEquals(ids[2], records.get(2).getRun().getId());
            assertEquals("Missing last name", records.get(2).getMessage());
            assertNotNull(em.find(ClusterLock.class, "integration-sync"));
            em.remove(run);
        });
        run(kind, em -> assertEquals(0, count(em, "select count(*) from import_record where run_id = ?", ids[2])));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void conversationMessageAndDeliveryRoundTrip(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization hospital = organization(em, OrganizationKind.HOSPITAL, "Messaging Hospital " + kind);
            hospital.changeMessageExpiration(60);
            Organization practice = organization(em, OrganizationKind.PRACTICE, "Messaging Practice " + kind);
            User sender = user(em, hospital, "sender@messaging." + tag(kind));
            User recipient = user(em, practice, "recipient@messaging." + tag(kind));
            Conversation conversation = new Conversation(sender, List.of(recipient), NOW);
            em.persist(conversation);
            Message message = new Message(conversation, sender, "client-1", "Can you take the 3 pm consult?",
                    MessagePriority.HIGH, List.of("Yes", "No", "Call me"), NOW.plusSeconds(1));
            em.persist(message);
            MessageDelivery delivery = message.deliverTo(recipient);
            em.persist(delivery);
            return new Long[] {hospital.getId(), practice.getId(), sender.getId(), recipient.getId(),
                    conversation.getId(), message.getId(), delivery.getId()};
        });
        run(kind, em -> {
            Conversation conversation = em.createNamedQuery(Conversation.OF_PARTICIPANT, Conversation.class)
                    .setParameter("userId", ids[3]).getSingleResult();
            assertEquals(ids[4], conversation.getId());
            assertEquals(ids[0], conversation.getInitiatorOrganization().getId());
            assertEquals(ids[2], conversation.getStartedBy().getId());
            assertEquals(NOW.plusSeconds(1), conversation.getLastMessageAt());
            assertEquals(Set.of(ids[2], ids[3]), conversation.getParticipants().stream()
                    .map(p -> p.getUser().getId()).collect(Collectors.toSet()));
            assertNotNull(em.find(ConversationParticipant.class, new ConversationParticipant.Key(ids[4], ids[3])));
            Message message = em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                    .setParameter("senderId", ids[2]).setParameter("clientMessageId", "client-1").getSingleResult();
            assertEquals(ids[5], message.getId());
            assertEquals(ids[0], message.getSenderOrganization().getId());
            assertEquals("Can you take the 3 pm consult?", message.getBody());
            assertEquals(List.of("Yes", "No", "Call me"), message.getChoices());
            assertEquals(MessagePriority.HIGH, message.getPriority());
            assertEquals(NOW.plusSeconds(1).plus(Duration.ofMinutes(60)), message.getExpiresAt(),
                    "expiry follows the sender's organization");
            assertEquals(1, em.createNamedQuery(Message.OF_CONVERSATION, Message.class)
                    .setParameter("conversationId", ids[4]).getResultList().size());
            List<MessageDelivery> undelivered = em.createNamedQuery(MessageDelivery.UNDELIVERED_FOR,
                    MessageDelivery.class).setParameter("recipientId", ids[3]).setParameter("now", NOW.plusSeconds(2))
                    .getResultList();
            assertEquals(1, undelivered.size());
            MessageDelivery delivery = undelivered.get(0);
            assertTrue(delivery.markDelivered(NOW.plusSeconds(3)));
            delivery.respond(2, NOW.plusSeconds(4));
        });
        run(kind, em -> {
            MessageDelivery delivery = em.find(MessageDelivery.class, ids[6]);
            assertEquals(ids[5], delivery.getMessage().getId());
            assertEquals(ids[3], delivery.getRecipient().getId());
            assertEquals(DeliveryState.READ, delivery.getState());
            assertEquals(NOW.plusSeconds(3), delivery.getDeliveredAt());
            assertEquals(NOW.plusSeconds(4), delivery.getReadAt());
            assertEquals(2, delivery.getResponsePosition());
            assertEquals("Call me", delivery.getResponseLabel());
            assertEquals(NOW.plusSeconds(4), delivery.getRespondedAt());
            List<Message> due = em.createNamedQuery(Message.DUE_FOR_PURGE, Message.class)
                    .setParameter("organizationId", ids[0]).setParameter("cutoff", NOW.plusSeconds(5)).getResultList();
            assertEquals(1, due.size());
            due.get(0).purgeContent(NOW.plusSeconds(5));
        });
        run(kind, em -> {
            Message message = em.find(Message.class, ids[5]);
            assertNull(message.getBody());
            assertTrue(message.getChoices().isEmpty());
            assertEquals(NOW.plusSeconds(5), message.getContentPurgedAt());
            assertEquals(0, count(em, "select count(*) from message_choice where message_id = ?", ids[5]));
            assertEquals(2, em.find(MessageDelivery.class, ids[6]).getResponsePosition(), "metadata stays");
            assertTrue(em.createNamedQuery(Message.DUE_FOR_PURGE, Message.class).setParameter("organizationId", ids[0])
                    .setParameter("cutoff", NOW.plusSeconds(60)).getResultList().isEmpty());
            assertNotNull(em.find(ClusterLock.class, "retention-purge"));
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void auditEventRoundTrip(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization org = organization(em, OrganizationKind.HOSPITAL, "Audit Hospital " + kind);
            User admin = user(em, org, "admin@audit." + tag(kind));
            AuditEvent byAdmin = AuditEvent.byUser(admin, org, "group.created", "ContactGroup", "1042",
                    "name=ED Nurses", NOW);
            AuditEvent bySystem = AuditEvent.bySystem(null, "retention.purged", null, null, "messages=12",
                    NOW.plusSeconds(1));
            em.persist(byAdmin);
            em.persist(bySystem);
            return new Long[] {org.getId(), admin.getId(), byAdmin.getId(), bySystem.getId()};
        });
        run(kind, em -> {
            AuditEvent event = em.createNamedQuery(AuditEvent.OF_ORGANIZATION, AuditEvent.class)
                    .setParameter("organizationId", ids[0]).setParameter("from", NOW)
                    .setParameter("to", NOW.plusSeconds(60)).getSingleResult();
            assertEquals(ids[2], event.getId());
            assertEquals(ids[1], event.getActor().getId());
            assertEquals("Doe, Jane (" + (100_000 + ids[1]) + ")", event.getActorLabel());
            assertEquals("group.created", event.getAction());
            assertEquals("name=ED Nurses", event.getDetails());
            assertEquals(NOW, event.getOccurredAt());
            assertEquals(ids[2], em.createNamedQuery(AuditEvent.OF_TARGET, AuditEvent.class)
                    .setParameter("targetType", "ContactGroup").setParameter("targetId", "1042").getSingleResult()
                    .getId());
            AuditEvent system = em.find(AuditEvent.class, ids[3]);
            assertNull(system.getOrganization());
            assertNull(system.getActor());
            assertEquals(AuditEvent.SYSTEM_ACTOR, system.getActorLabel());
        });
        // The trail outlives the actor's user row.
        databases.get(kind).execute("delete from app_user where id = " + ids[1]);
        run(kind, em -> {
            AuditEvent event = em.find(AuditEvent.class, ids[2]);
            assertNull(event.getActor());
            assertEquals("Doe, Jane (" + (100_000 + ids[1]) + ")", event.getActorLabel());
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void databaseRefusesBadRows(TestDatabase.Kind kind) {
        Long[] ids = inTransaction(kind, em -> {
            Organization low = organization(em, OrganizationKind.HOSPITAL, "Constraint Low " + kind);
            Organization high = organization(em, OrganizationKind.PRACTICE, "Constraint High " + kind);
            em.flush();
            User sender = user(em, low, "sender@constraints." + tag(kind));
            User other = user(em, high, "other@constraints." + tag(kind));
            em.persist(new ContactGroup(low, "Cardiology", NOW));
            ContactGroup highGroup = new ContactGroup(high, "Front Desk", NOW);
            em.persist(highGroup);
            Affiliation affiliation = new Affiliation(low, high, NOW);
            em.persist(affiliation);
            Conversation conversation = new Conversation(sender, List.of(other), NOW);
            em.persist(conversation);
            Message message = new Message(conversation, sender, "dup-1", "Hello", MessagePriority.NORMAL, List.of(), NOW);
            em.persist(message);
            em.persist(message.deliverTo(other));
            Device device = new Device(other, "device-1", DevicePlatform.WEB, null, NOW);
            em.persist(device);
            return new Long[] {low.getId(), high.getId(), sender.getId(), other.getId(), highGroup.getId(),
                    affiliation.getId(), conversation.getId(), message.getId(), device.getId()};
        });
        assertTrue(ids[0] < ids[1], "organizations created in order get increasing ids");
        TestDatabase db = databases.get(kind);
        String at = "timestamp with time zone '2026-11-24 12:00:00+00'";
        String dayLater = at + " + interval '1' day";

        // Groups: case-insensitive names per organization; the same name elsewhere is fine.
        assertRefusedBy("contact_group_name_key_uq", () -> run(kind, em -> em.persist(
                new ContactGroup(em.find(Organization.class, ids[0]), " CARDIOLOGY ", NOW))));
        run(kind, em -> em.persist(new ContactGroup(em.find(Organization.class, ids[1]), "cardiology", NOW)));

        // Messages: a client message id is unique per sender only.
        assertRefusedBy("message_client_id_uq", () -> run(kind, em -> em.persist(new Message(
                em.find(Conversation.class, ids[6]), em.find(User.class, ids[2]), "dup-1", "Again",
                MessagePriority.NORMAL, List.of(), NOW.plusSeconds(1)))));
        run(kind, em -> em.persist(new Message(em.find(Conversation.class, ids[6]), em.find(User.class, ids[3]),
                "dup-1", "Same id, other sender", MessagePriority.NORMAL, List.of(), NOW.plusSeconds(1))));
        assertRefusedBy("message_expiry_ck", () -> db.execute(
                "update message set expires_at = sent_at - interval '1' minute where id = " + ids[7]));
        assertRefusedBy("message_body_ck", () -> db.execute("update message set body = null where id = " + ids[7]));
        assertRefusedBy("message_priority_ck", () -> db.execute(
                "update message set priority = 'URGENT' where id = " + ids[7]));
        assertRefusedBy("message_choice_position_ck", () -> db.execute(
                "insert into message_choice (message_id, position, label) values (" + ids[7] + ", -1, 'x')"));
        assertRefusedBy("message_delivery_times_ck", () -> db.execute(
                "update message_delivery set state = 'READ' where message_id = " + ids[7]));
        assertRefusedBy("message_delivery_state_ck", () -> db.execute(
                "update message_delivery set state = 'LOST' where message_id = " + ids[7]));
        assertRefusedBy("message_delivery_response_ck", () -> db.execute(
                "update message_delivery set response_position = 1 where message_id = " + ids[7]));

        // Affiliations: one row per pair, lower id first, groups only of the side's organization.
        String affiliationInsert = "insert into affiliation (id, organization_low_id, organization_high_id, state,"
                + " created_at, started_at) values ";
        assertRefusedBy("affiliation_order_ck", () -> db.execute(affiliationInsert
                + "(1, " + ids[1] + ", " + ids[0] + ", 'ACTIVE', " + at + ", " + at + ")"));
        assertRefusedBy("affiliation_order_ck", () -> db.execute(affiliationInsert
                + "(2, " + ids[0] + ", " + ids[0] + ", 'ACTIVE', " + at + ", " + at + ")"));
        assertRefusedBy("affiliation_pair_uq", () -> db.execute(affiliationInsert
                + "(3, " + ids[0] + ", " + ids[1] + ", 'ACTIVE', " + at + ", " + at + ")"));
        assertRefusedBy("affiliation_ended_ck", () -> db.execute(
                "update affiliation set state = 'ENDED' where id = " + ids[5]));
        assertRefusedBy("affiliation_low_permission_ck", () -> db.execute(
                "update affiliation set low_permission = 'SOME' where id = " + ids[5]));
        assertRefusedBy("affiliation_group_group_fk", () -> db.execute(
                "insert into affiliation_group (affiliation_id, organization_id, group_id) values (" + ids[5] + ", "
                        + ids[0] + ", " + ids[4] + ")"));
        db.execute("insert into affiliation_group (affiliation_id, organization_id, group_id) values (" + ids[5] + ", "
                + ids[1] + ", " + ids[4] + ")");

        // Invitations.
        String orgInvitationInsert = "insert into organization_invitation (id, inviting_organization_id,"
                + " invited_organization_id, invited_by_id, token_hash, state, created_at, expires_at) values ";
        assertRefusedBy("organization_invitation_pair_ck", () -> db.execute(orgInvitationInsert + "(1, " + ids[0]
                + ", " + ids[0] + ", " + ids[2] + ", 'h1', 'PENDING', " + at + ", " + dayLater + ")"));
        assertRefusedBy("organization_invitation_closed_ck", () -> db.execute(orgInvitationInsert + "(2, " + ids[0]
                + ", " + ids[1] + ", " + ids[2] + ", 'h2', 'ACCEPTED', " + at + ", " + dayLater + ")"));
        assertRefusedBy("organization_invitation_expiry_ck", () -> db.execute(orgInvitationInsert + "(3, " + ids[0]
                + ", " + ids[1] + ", " + ids[2] + ", 'h3', 'PENDING', " + at + ", " + at + ")"));
        String userInvitationInsert = "insert into user_invitation (id, organization_id, email, status, token_hash,"
                + " created_at, status_changed_at, expires_at) values ";
        assertRefusedBy("user_invitation_email_lower_ck", () -> db.execute(userInvitationInsert + "(1, " + ids[0]
                + ", 'Upper@Case.example', 'PENDING', 'h4', " + at + ", " + at + ", " + dayLater + ")"));
        assertRefusedBy("user_invitation_status_ck", () -> db.execute(userInvitationInsert + "(2, " + ids[0]
                + ", 'lost@case.example', 'LOST', 'h5', " + at + ", " + at + ", " + dayLater + ")"));

        // Devices.
        assertRefusedBy("device_platform_ck", () -> db.execute(
                "update device set platform = 'BLACKBERRY' where id = " + ids[8]));
        assertRefusedBy("device_push_token_ck", () -> db.execute(
                "update device set push_token = 'abc' where id = " + ids[8]));
        assertRefusedBy("device_wipe_times_ck", () -> db.execute(
                "update device set wipe_state = 'WIPED' where id = " + ids[8]));
        assertRefusedBy("device_key_uq", () -> run(kind, em -> em.persist(
                new Device(em.find(User.class, ids[3]), "device-1", DevicePlatform.IOS, null, NOW))));

        // Imports and audit.
        String importInsert = "insert into import_run (id, organization_id, trigger_kind, state, started_at";
        assertRefusedBy("import_run_counts_ck", () -> db.execute(importInsert + ", error_count) values (1, " + ids[0]
                + ", 'MANUAL', 'RUNNING', " + at + ", -1)"));
        assertRefusedBy("import_run_ended_ck", () -> db.execute(importInsert + ") values (2, " + ids[0]
                + ", 'MANUAL', 'SUCCEEDED', " + at + ")"));
        assertRefusedBy("import_run_trigger_ck", () -> db.execute(importInsert + ") values (3, " + ids[0]
                + ", 'HOURLY', 'RUNNING', " + at + ")"));
        assertRefusedBy("audit_event_target_ck", () -> db.execute("insert into audit_event (id, occurred_at,"
                + " actor_label, action, target_type) values (1, " + at + ", 'System', 'x', 'User')"));
    }
}
