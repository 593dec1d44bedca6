package org.carebridge.affiliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.TestAuditTrail;
import org.carebridge.group.ContactGroup;
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

/** Association permissions and deleting affiliations, as both organizations' audit trails show them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AffiliationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);
    private User actor;

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

    private <T> T service(TestDatabase.Kind kind, Function<AffiliationService, T> work) {
        return databases.get(kind).transaction(em -> work.apply(serviceOn(em)));
    }

    private AffiliationService serviceOn(EntityManager em) {
        AffiliationService service = new AffiliationService();
        service.em = em;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.audit = TestAuditTrail.on(em, service.clock, () -> actor);
        return service;
    }

    private <T> T tx(TestDatabase.Kind kind, Function<EntityManager, T> work) {
        return databases.get(kind).transaction(work);
    }

    private Organization organization(TestDatabase.Kind kind, OrganizationKind type, String name) {
        return tx(kind, em -> {
            Organization org = new Organization(type, name + " " + UUID.randomUUID().toString().substring(0, 6),
                    PhoneNumber.parse("(408) 882-5830"), ZONE, NOW);
            em.persist(org);
            return org;
        });
    }

    private List<AuditEvent> events(TestDatabase.Kind kind, Organization org) {
        return tx(kind, em -> TestAuditTrail.eventsOf(em, org));
    }

    private static Void run(Runnable r) {
        r.run();
        return null;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void permissionChangesAndDeletionAreInBothTrailsWithBeforeAndAfter(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Mercy");
        Organization practice = organization(kind, OrganizationKind.PRACTICE, "Oakwood");
        Affiliation affiliation = tx(kind, em -> {
            Affiliation a = new Affiliation(em.find(Organization.class, hospital.getId()),
                    em.find(Organization.class, practice.getId()), NOW);
            em.persist(a);
            return a;
        });
        ContactGroup icu = tx(kind, em -> {
            ContactGroup g = new ContactGroup(em.find(Organization.class, hospital.getId()), "ICU", NOW);
            em.persist(g);
            return g;
        });
        actor = tx(kind, em -> {
            User admin = User.nativeUser(em.find(Organization.class, hospital.getId()),
                    "grace." + UUID.randomUUID() + "@aff.test", "Grace", "Hopper", ZONE, NOW);
            admin.grantOrganizationAdmin(true);
            em.persist(admin);
            admin.assignStaffId();
            return admin;
        });
        try {
            service(kind, s -> run(() -> s.setPermission(affiliation, hospital, AssociationPermission.GROUPS,
                    List.of(icu.getId()))));
            service(kind, s -> run(() -> s.setPermission(affiliation, hospital, AssociationPermission.GROUPS,
                    List.of(icu.getId()))));
            service(kind, s -> run(() -> s.setPermission(affiliation, hospital, AssociationPermission.NONE, null)));
            service(kind, s -> run(() -> s.end(affiliation, hospital)));

            List<AuditEvent> ofHospital = events(kind, hospital);
            assertEquals(events(kind, practice).stream().map(AuditEvent::getDetails).toList(),
                    ofHospital.stream().map(AuditEvent::getDetails).toList(), "both sides see the same lines");
            assertEquals(List.of(AuditAction.AFFILIATION_ENDED.code(), AuditAction.AFFILIATION_PERMISSIONS_CHANGED.code(),
                    AuditAction.AFFILIATION_PERMISSIONS_CHANGED.code()),
                    ofHospital.stream().map(AuditEvent::getAction).toList(), "an unchanged choice records nothing");
            String h = hospital.getName();
            String p = practice.getName();
            assertEquals("Deleted by " + h + " (" + h + " and " + p + " are no longer affiliates). Before deletion: "
                    + h + " exposed \"None\"; " + p + " exposed \"Whole organization\"", ofHospital.get(0).getDetails());
            assertEquals("What " + h + " exposes to " + p + ": \"Chosen groups: ICU\" \u2192 \"None\"",
                    ofHospital.get(1).getDetails());
            assertEquals("What " + h + " exposes to " + p + ": \"Whole organization\" \u2192 \"Chosen groups: ICU\"",
                    ofHospital.get(2).getDetails());
            assertEquals("Affiliation", ofHospital.get(0).getTargetType());
            assertEquals(String.valueOf(affiliation.getId()), ofHospital.get(0).getTargetId());
            assertEquals(actor.getId(), events(kind, practice).get(0).getActor().getId());

            service(kind, s -> run(() -> s.end(affiliation, practice)));
            assertEquals(3, events(kind, practice).size(), "deleting twice records once");
        } finally {
            actor = null;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRolledBackChangeLeavesNoAuditLine(TestDatabase.Kind kind) {
        Organization hospital = organization(kind, OrganizationKind.HOSPITAL, "Mercy");
        Organization practice = organization(kind, OrganizationKind.PRACTICE, "Oakwood");
        Affiliation affiliation = tx(kind, em -> {
            Affiliation a = new Affiliation(em.find(Organization.class, hospital.getId()),
                    em.find(Organization.class, practice.getId()), NOW);
            em.persist(a);
            return a;
        });
        assertThrows(IllegalStateException.class, () -> service(kind, s -> {
            s.setPermission(affiliation, practice, AssociationPermission.NONE, null);
            throw new IllegalStateException("fails after the change");
        }));
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION,
                tx(kind, em -> em.find(Affiliation.class, affiliation.getId()).permissionOf(practice)));
        assertEquals(List.of(), events(kind, hospital));
        assertEquals(List.of(), events(kind, practice));
    }
}
