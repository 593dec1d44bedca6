package org.carebridge.practice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.access.AdminScope;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.invitation.Invitee;
import org.carebridge.invitation.UserInvitation;
import org.carebridge.invitation.UserInvitations;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.OrganizationLicense;
import org.carebridge.organization.OrganizationService;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.user.User;

/**
 * Create Practice: a hospital creates an affiliated practice that does not use Carebridge yet.
 * In one transaction the practice is created (with a voice number from its office number's
 * area code), affiliated with the hospital with both sides open to each other, its future
 * administrator invited by mail, and its initial users invited. The administrator becomes one
 * only by registering from that mail. Only hospitals create practices: a practice's own
 * administrators are refused, and system administrators act for a hospital.
 */
@ApplicationScoped
public class PracticeOnboarding {

    private static final Logger LOG = Logger.getLogger(PracticeOnboarding.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AdminScope scope;

    @Inject
    OrganizationService organizations;

    @Inject
    UserInvitations invitations;

    @Inject
    AuditTrail audit;

    /**
     * What the Create Practice form asks for. The initial users are already read from the address
     * list and the CSV file (each address checked); {@code departments} are the CSV's Department
     * values, created as the practice's groups.
     */
    public record NewPractice(String name, PhoneNumber officeNumber, String adminFirstName, String adminLastName,
            String adminEmail, OrganizationLicense license, List<Invitee> initialUsers, List<String> departments) {

        public NewPractice {
            Objects.requireNonNull(officeNumber, "officeNumber");
            Objects.requireNonNull(license, "license");
            initialUsers = List.copyOf(initialUsers);
            departments = List.copyOf(departments);
        }
    }

    /** The practice administrator's address is already a user's. */
    public static class AdministratorTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AdministratorTakenException(String email) {
            super(email + " already belongs to a Carebridge user. The practice administrator must be someone who"
                    + " does not use Carebridge yet.");
        }
    }

    /** Whether {@code organization} may create practices: hospitals may, practices never. */
    public static boolean createsPractices(Organization organization) {
        return organization.getKind() == OrganizationKind.HOSPITAL;
    }

    /**
     * @param hospitalId the hospital creating the practice; checked through {@link AdminScope}
     * @throws org.carebridge.access.NotInScopeException when the caller may not act for it
     * @throws IllegalStateException                    when it is not a hospital
     * @throws AdministratorTakenException              when the administrator's address is a user's
     * @throws org.carebridge.organization.DuplicateNameException when the name is taken
     * @throws IllegalArgumentException                 for a name or administrator name that cannot be used
     * @throws org.carebridge.invitation.InvitationRefusedException when an initial user's address
     *                                                  already belongs to a user; nothing is created then
     */
    @Transactional
    public Organization create(Long hospitalId, NewPractice request) {
        Organization hospital = scope.organization(hospitalId);
        if (!createsPractices(hospital)) {
            throw new IllegalStateException("Only hospitals create practices. " + hospital.getName()
                    + " can invite an existing organization instead.");
        }
        String adminEmail = UserInvitation.normalizeEmail(request.adminEmail());
        requireName(request.adminFirstName(), "first");
        requireName(request.adminLastName(), "last");
        if (!em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", adminEmail).getResultList()
                .isEmpty()) {
            throw new AdministratorTakenException(adminEmail);
        }
        Organization practice = organizations.create(OrganizationKind.PRACTICE, request.name(),
                request.officeNumber(), hospital.timeZone());
        practice.changeLicense(request.license());

        Instant now = clock.instant();
        Affiliation affiliation = new Affiliation(hospital, practice, now);
        affiliation.setPermission(hospital, AssociationPermission.WHOLE_ORGANIZATION, List.of());
        affiliation.setPermission(practice, AssociationPermission.WHOLE_ORGANIZATION, List.of());
        em.persist(affiliation);
        // Inviting locks the practice's row, and EclipseLink refreshes an object it locks: unflushed
        // changes to it (the license) would be lost.
        em.flush();

        invitations.invite(practice, List.of(new Invitee(adminEmail, request.adminFirstName(),
                request.adminLastName())), true);
        // The administrator is invited as such; listing them among the users too changes nothing.
        List<Invitee> users = request.initialUsers().stream().filter(i -> !i.email().equals(adminEmail)).toList();
        int invited = users.isEmpty() ? 0
                : invitations.invite(practice, users, request.departments(), false).mailed();

        String details = "Created practice " + practice.getName() + " (license " + practice.getLicense().label()
                + "), administrator " + adminEmail + " invited, " + invited + " initial users invited";
        // The practice's own trail already has its creation, written by OrganizationService.
        audit.record(hospital, AuditAction.PRACTICE_CREATED, AuditTarget.organization(practice), details);
        LOG.info(() -> "Hospital " + hospital.getId() + " created practice " + practice.getId() + " with "
                + invited + " initial users invited");
        return practice;
    }

    private static void requireName(String name, String which) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Enter the practice administrator's " + which + " name.");
        }
    }
}
