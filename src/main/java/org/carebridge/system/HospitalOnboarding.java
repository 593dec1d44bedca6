package org.carebridge.system;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.PasswordService;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.FieldChanges;
import org.carebridge.mail.MailLayout;
import org.carebridge.mail.Outbox;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.OrganizationService;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;

/**
 * A system administrator creates a hospital together with its first administrator, who is
 * mailed a link to choose a console password. Only system administrators create hospitals.
 */
@ApplicationScoped
public class HospitalOnboarding {

    private static final Logger LOG = Logger.getLogger(HospitalOnboarding.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrganizationService organizations;

    @Inject
    PasswordService passwords;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public record NewHospital(String name, PhoneNumber officeNumber, ZoneId timeZone,
            String adminFirstName, String adminLastName, String adminEmail) {
    }

    /** The address is already a user's (every e-mail address belongs to one person only). */
    public static class EmailTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EmailTakenException(String email) {
            super(email + " already belongs to a Carebridge user.");
        }
    }

    @Transactional
    public Organization createHospital(NewHospital request) {
        String email = User.normalizeEmail(request.adminEmail());
        List<User> existing = em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email).getResultList();
        if (!existing.isEmpty()) {
            throw new EmailTakenException(email);
        }
        Organization hospital = organizations.create(OrganizationKind.HOSPITAL, request.name(),
                request.officeNumber(), request.timeZone());
        User admin = User.nativeUser(hospital, email, request.adminFirstName(), request.adminLastName(),
                request.timeZone(), clock.instant());
        admin.grantOrganizationAdmin(true);
        em.persist(admin);
        admin.assignStaffId();
        // The organization's own creation is recorded by OrganizationService.create.
        audit.record(hospital, AuditAction.USER_CREATED, AuditTarget.user(admin), new FieldChanges()
                .value("Name", AuditEvent.labelOf(admin))
                .value("E-mail", email)
                .value("Role", "Organization administrator (mailed a link to choose a password)")
                .describe());
        String link = passwords.firstPasswordLink(admin);
        outbox.enqueue(MailLayout.compose(email, "You are the Carebridge administrator of " + hospital.getName(),
                hospital.getName(),
                List.of("Hello " + admin.getFirstName() + ",",
                        hospital.getName() + " now uses Carebridge for secure messaging, and you are its administrator.",
                        "Choose a password for the administration console with the link below. It works once and "
                                + "for seven days; after that, use \"Forgot password?\" on the sign-in page."),
                new MailLayout.Action("Choose your password", link),
                "Your sign-in name is " + email + "."));
        LOG.info(() -> "Hospital " + hospital.getId() + " created with administrator " + admin.getId());
        return hospital;
    }
}
