package org.carebridge.organization;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.audit.FieldChanges;
import org.carebridge.platform.persistence.LikePatterns;
import org.carebridge.telephony.VoiceNumberProvider;
import org.carebridge.user.User;

/** Creating and updating organizations, and listing their administrators and members. */
@ApplicationScoped
public class OrganizationService {

    private static final Logger LOG = Logger.getLogger(OrganizationService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    VoiceNumberProvider voiceNumbers;

    @Inject
    AuditTrail audit;

    /**
     * Creates an organization and gives it a voice number when its office number allows one.
     * Callers check who may create which kind (system administrators create hospitals).
     */
    @Transactional
    public Organization create(OrganizationKind kind, String name, PhoneNumber officeNumber, java.time.ZoneId zone) {
        requireUniqueName(name, null);
        Organization org = new Organization(kind, name, officeNumber, zone, clock.instant());
        em.persist(org);
        assignVoiceNumberIfDue(org);
        audit.record(org, kind == OrganizationKind.PRACTICE ? AuditAction.PRACTICE_CREATED : AuditAction.ORGANIZATION_CREATED,
                AuditTarget.organization(org), new FieldChanges()
                        .value("Type", kind.label())
                        .value("Name", org.getName())
                        .value("Office number", org.getOfficeNumber())
                        .value("Voice number", org.getVoiceNumber())
                        .value("Default time zone", org.getTimeZone())
                        .describe());
        LOG.info(() -> "Created " + kind + " organization " + org.getId());
        return org;
    }

    /**
     * Applies the Update Organization page. The caller has already checked (through
     * {@code AdminScope}) that the administrator may act on {@code organization}.
     */
    @Transactional
    public Organization update(Organization organization, OrganizationSettings settings) {
        Organization org = em.find(Organization.class, organization.getId());
        requireUniqueName(settings.name(), org.getId());
        OrganizationSettings before = OrganizationSettings.of(org);
        String voiceNumberBefore = org.getVoiceNumber();
        org.rename(settings.name());
        org.changeOfficeNumber(settings.officeNumber());
        org.changeTimeZone(settings.timeZone());
        org.changeMessaging(settings.wholeOrganizationMessaging(), settings.nonUserMessaging());
        org.changeMessageExpiration(settings.messageExpirationMinutes());
        org.changeRetention(settings.retention());
        org.changePrioritySoundLength(settings.prioritySoundSeconds());
        assignVoiceNumberIfDue(org);
        FieldChanges changes = changes(before, OrganizationSettings.of(org))
                .field("Voice number", voiceNumberBefore, org.getVoiceNumber());
        if (!changes.isEmpty()) {
            audit.record(org, AuditAction.ORGANIZATION_UPDATED, AuditTarget.organization(org), changes.describe());
        }
        LOG.info(() -> "Updated organization " + org.getId());
        return org;
    }

    /** Every field of the Update Organization form, labelled as the page labels it. */
    static FieldChanges changes(OrganizationSettings before, OrganizationSettings after) {
        return new FieldChanges()
                .field("Name", before.name(), after.name())
                .field("Office number", before.officeNumber(), after.officeNumber())
                .field("Default time zone", before.timeZone(), after.timeZone())
                .flag("Members can send messages to whole organization", before.wholeOrganizationMessaging(),
                        after.wholeOrganizationMessaging())
                .flag("Allow messages to non-users via email and SMS", before.nonUserMessaging(),
                        after.nonUserMessaging())
                .field("Message expiration time", MessageExpiration.describe(before.messageExpirationMinutes()),
                        MessageExpiration.describe(after.messageExpirationMinutes()))
                .field("Message retention period", retention(before.retention()), retention(after.retention()))
                .field("High priority notification sound length", before.prioritySoundSeconds() + " seconds",
                        after.prioritySoundSeconds() + " seconds");
    }

    private static String retention(RetentionPeriod period) {
        return period == null ? "None (kept forever)" : period.describe();
    }

    private void assignVoiceNumberIfDue(Organization org) {
        if (org.needsVoiceNumber()) {
            voiceNumbers.allocate(org.officeNumber().areaCode(), org.getId()).ifPresentOrElse(
                    org::assignVoiceNumber,
                    () -> LOG.warning(() -> "No voice number available in area code "
                            + org.officeNumber().areaCode() + " for organization " + org.getId()));
        }
    }

    private void requireUniqueName(String name, Long exceptId) {
        if (name == null || name.isBlank()) {
            return;
        }
        List<Organization> same = em.createNamedQuery(Organization.BY_NAME_KEY, Organization.class)
                .setParameter("nameKey", Organization.nameKey(name)).getResultList();
        if (same.stream().anyMatch(o -> !o.getId().equals(exceptId))) {
            throw new DuplicateNameException(name.strip());
        }
    }

    public List<User> administrators(Organization org) {
        return em.createNamedQuery(User.ADMINS_OF, User.class).setParameter("organizationId", org.getId())
                .getResultList();
    }

    public List<User> members(Organization org, int first, int max) {
        return em.createNamedQuery(User.MEMBERS_OF, User.class).setParameter("organizationId", org.getId())
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int countMembers(Organization org) {
        return em.createNamedQuery(User.COUNT_MEMBERS_OF, Long.class).setParameter("organizationId", org.getId())
                .getSingleResult().intValue();
    }

    /** Organizations whose name contains {@code text}, for the system administrator's list. */
    public List<Organization> search(String text, int first, int max) {
        return em.createNamedQuery(Organization.SEARCH, Organization.class)
                .setParameter("pattern", pattern(text))
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int countMatching(String text) {
        return em.createQuery("select count(o) from Organization o where o.nameKey like :pattern escape '\\'",
                Long.class)
                .setParameter("pattern", pattern(text)).getSingleResult().intValue();
    }

    private static String pattern(String text) {
        return LikePatterns.containing(text == null ? null : Organization.nameKey(text));
    }
}
