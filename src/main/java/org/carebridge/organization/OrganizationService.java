package org.carebridge.organization;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

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
        org.rename(settings.name());
        org.changeOfficeNumber(settings.officeNumber());
        org.changeTimeZone(settings.timeZone());
        org.changeMessaging(settings.wholeOrganizationMessaging(), settings.nonUserMessaging());
        org.changeMessageExpiration(settings.messageExpirationMinutes());
        org.changeRetention(settings.retention());
        org.changePrioritySoundLength(settings.prioritySoundSeconds());
        assignVoiceNumberIfDue(org);
        LOG.info(() -> "Updated organization " + org.getId());
        return org;
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
