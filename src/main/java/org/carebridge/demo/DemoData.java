package org.carebridge.demo;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.carebridge.access.PasswordHasher;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.OrganizationService;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.persistence.ClusterLocks;
import org.carebridge.user.PresenceStatus;
import org.carebridge.user.StaffType;
import org.carebridge.user.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds a small, realistic data set for the embedded run ({@code carebridge.demo.enabled=true}):
 * a hospital, an affiliated practice, groups, and users of each kind. Runs once per database,
 * under a cluster lock so nodes starting together seed once. Never enabled in production.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    public static final String SYSTEM_ADMIN_EMAIL = "sysadmin@carebridge.test";
    public static final String SYSTEM_ADMIN_PASSWORD = "Carebridge-System-1";
    public static final String HOSPITAL_ADMIN_EMAIL = "admin@riverside.test";
    public static final String HOSPITAL_ADMIN_PASSWORD = "Carebridge-Admin-1";
    public static final String PRACTICE_ADMIN_EMAIL = "admin@oakwood.test";
    public static final String PRACTICE_ADMIN_PASSWORD = "Carebridge-Admin-2";
    /** PIN of every demo user for the clients. */
    public static final String DEMO_PIN = "2468";
    /** Two clinicians of affiliated organizations, named in the banner to try the web client with. */
    public static final String HOSPITAL_CLINICIAN_EMAIL = "priya.shah@riverside.test";
    public static final String PRACTICE_CLINICIAN_EMAIL = "daniel.kim@oakwood.test";

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    @Inject
    @ConfigProperty(name = "carebridge.demo.enabled", defaultValue = "false")
    boolean enabled;

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterLocks locks;

    @Inject
    OrganizationService organizations;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    PublicLinks links;

    private String pinHash;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void seed() {
        if (!enabled) {
            return;
        }
        locks.lock("demo-data");
        Long existing = em.createQuery("select count(o) from Organization o", Long.class).getSingleResult();
        if (existing == 0) {
            createDemoData();
        }
        LOG.info(() -> "\n\n  Carebridge demo data is in place. Open " + links.page("/")
                + " once the server reports it is ready.\n"
                + "  Organization administrator: " + HOSPITAL_ADMIN_EMAIL + " / " + HOSPITAL_ADMIN_PASSWORD + "\n"
                + "  Practice administrator:     " + PRACTICE_ADMIN_EMAIL + " / " + PRACTICE_ADMIN_PASSWORD + "\n"
                + "  System administrator:       " + SYSTEM_ADMIN_EMAIL + " / " + SYSTEM_ADMIN_PASSWORD + "\n"
                + "  Clinicians in the web client " + links.page("/app/") + ": " + HOSPITAL_CLINICIAN_EMAIL
                + " or " + PRACTICE_CLINICIAN_EMAIL + " (every demo user's PIN is " + DEMO_PIN + ")\n"
                + "  Outgoing mail is saved as .eml files under data/mail\n");
    }

    private void createDemoData() {
        pinHash = hasher.hash(DEMO_PIN);
        Organization hospital = organizations.create(OrganizationKind.HOSPITAL, "Riverside General Hospital",
                PhoneNumber.parse("(617) 555-0142"), EASTERN);
        Organization practice = organizations.create(OrganizationKind.PRACTICE, "Oakwood Family Practice",
                PhoneNumber.parse("(617) 555-0188"), EASTERN);

        User sysadmin = person(hospital, SYSTEM_ADMIN_EMAIL, "Sam", "Operator", StaffType.NON_PHYSICIAN, "Carebridge Operations");
        sysadmin.grantSystemAdmin(true);
        sysadmin.changePasswordHash(hasher.hash(SYSTEM_ADMIN_PASSWORD));

        User hospitalAdmin = person(hospital, HOSPITAL_ADMIN_EMAIL, "Helen", "Marsh", StaffType.NON_PHYSICIAN, "IT Manager");
        hospitalAdmin.grantOrganizationAdmin(true);
        hospitalAdmin.changePasswordHash(hasher.hash(HOSPITAL_ADMIN_PASSWORD));

        User cardiologist = person(hospital, HOSPITAL_CLINICIAN_EMAIL, "Priya", "Shah", StaffType.PHYSICIAN, "Attending Cardiologist");
        cardiologist.setTitle("Dr.");
        cardiologist.setCredentials("M.D.");
        cardiologist.setSpecialty("Cardiology");
        cardiologist.setMedicalSchool("Tufts University School of Medicine");
        User erDoctor = person(hospital, "marcus.cole@riverside.test", "Marcus", "Cole", StaffType.PHYSICIAN, "Emergency Physician");
        erDoctor.setTitle("Dr.");
        erDoctor.setCredentials("D.O.");
        erDoctor.setSpecialty("Emergency Medicine");
        erDoctor.changeStatus(PresenceStatus.BUSY);
        User nurse = person(hospital, "ana.lopez@riverside.test", "Ana", "Lopez", StaffType.NON_PHYSICIAN, "Charge Nurse");
        nurse.setCredentials("R.N.");
        person(hospital, "tom.reid@riverside.test", "Tom", "Reid", StaffType.NON_PHYSICIAN, "Unit Clerk")
                .changeStatus(PresenceStatus.UNAVAILABLE);

        User badge = User.externalUser(hospital, "vs-3001", "Grace", "Okafor", EASTERN, clock.instant());
        badge.setJobTitle("Respiratory Therapist");
        badge.setGuestAccessNumber("6175550100");
        badge.setDeskPhone("4412");
        em.persist(badge);
        badge.assignStaffId();

        User practiceAdmin = person(practice, PRACTICE_ADMIN_EMAIL, "Olivia", "Grant", StaffType.NON_PHYSICIAN, "Practice Manager");
        practiceAdmin.grantOrganizationAdmin(true);
        practiceAdmin.changePasswordHash(hasher.hash(PRACTICE_ADMIN_PASSWORD));
        User familyDoctor = person(practice, PRACTICE_CLINICIAN_EMAIL, "Daniel", "Kim", StaffType.PHYSICIAN, "Family Physician");
        familyDoctor.setTitle("Dr.");
        familyDoctor.setCredentials("M.D.");
        familyDoctor.setSpecialty("Family Medicine");
        User assistant = person(practice, "rosa.diaz@oakwood.test", "Rosa", "Diaz", StaffType.NON_PHYSICIAN,
                "Medical Assistant");

        ContactGroup cardiology = group(hospital, "Cardiology", cardiologist, nurse);
        group(hospital, "Emergency Department", erDoctor, nurse);
        ContactGroup referrals = group(hospital, "Referral Coordinators", hospitalAdmin, nurse);
        group(practice, "Front Desk", practiceAdmin, assistant);

        // The hospital shares its cardiologists and referral coordinators with the practice;
        // the practice shares everyone.
        Affiliation affiliation = new Affiliation(hospital, practice, clock.instant());
        affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(cardiology, referrals));
        em.persist(affiliation);

        // Telephony: cell numbers from the fictional 555-01xx range, so masked calls can be tried
        // in the embedded run (the recording voice provider logs them).
        cardiologist.setCellPhone("(617) 555-0161");
        nurse.setCellPhone("(617) 555-0162");
        familyDoctor.setCellPhone("(617) 555-0163");

        LOG.info("Demo data created");
    }

    private ContactGroup group(Organization org, String name, User... members) {
        ContactGroup group = new ContactGroup(org, name, clock.instant());
        for (User member : members) {
            group.addMember(member);
        }
        group.changeWholeGroupMessaging(true);
        em.persist(group);
        return group;
    }

    private User person(Organization org, String email, String first, String last, StaffType type, String jobTitle) {
        User user = User.nativeUser(org, email, first, last, EASTERN, clock.instant());
        user.setStaffType(type);
        user.setJobTitle(jobTitle);
        user.changePinHash(pinHash, false);
        em.persist(user);
        user.assignStaffId();
        return user;
    }
}
