package org.carebridge.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditTarget;
import org.carebridge.audit.AuditTrail;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.directory.Favorite;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.platform.persistence.ClusterLocks;
import org.carebridge.reachability.Reachability;
import org.carebridge.user.BadgeStatus;
import org.carebridge.user.User;
import org.carebridge.user.UserKind;

/**
 * The server side of the sync protocol's work, each method one transaction: signing the
 * connector in, heartbeats, starting, applying and failing import runs, and what the reverse
 * sync sends. {@link SyncEndpoint} drives it through {@link SyncConversation}.
 */
@ApplicationScoped
public class SyncService implements SyncPort {

    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());
    public static final String LOCK = "integration-sync";
    /** The automatic sync interval (the guide's 90 minutes). */
    public static final Duration SYNC_INTERVAL = Duration.ofMinutes(90);
    /** A run still open after this long was left by a node that stopped; it is failed so the next can start. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SharedKeyCipher cipher;

    @Inject
    ClusterLocks locks;

    @Inject
    AuditTrail audit;

    @Inject
    DirectoryClock directoryClock;

    @Inject
    Reachability reachability;

    /** Whether a signed-in connector may stay, and whether its organization is due a sync. */
    public record Check(boolean valid, long organizationId, boolean syncDue) { }

    @Override
    @Transactional
    public Long authenticate(String integrationUserId, String challenge, String response, SystemKind systemKind) {
        Integration integration = em.createNamedQuery(Integration.BY_INTEGRATION_USER_ID, Integration.class)
                .setParameter("integrationUserId", integrationUserId).getResultStream().findFirst().orElse(null);
        if (integration == null || !integration.isEnabled()) {
            LOG.warning(() -> "Sync connector refused: no enabled integration has the user id " + integrationUserId);
            return null;
        }
        String key;
        try {
            key = cipher.decrypt(integration.getSharedKeyCiphertext());
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "Sync connector refused: the shared key of integration " + integration.getId()
                    + " cannot be decrypted (was the key-encryption key changed?)");
            return null;
        }
        if (!SyncHandshake.verify(key, challenge, integrationUserId, response)) {
            LOG.warning(() -> "Sync connector refused for integration " + integration.getId() + " (organization "
                    + integration.getOrganization().getId() + "): wrong answer to the challenge"
                    + " (wrong or replaced shared key, or a replayed answer)");
            return null;
        }
        integration.heartbeat(clock.instant());
        if (systemKind != null) {
            integration.changeSystemKind(systemKind);
        }
        LOG.info(() -> "Sync connector signed in for organization " + integration.getOrganization().getId());
        return integration.getId();
    }

    /*
     * Heartbeats, disconnects and taking a "Sync Users Now" request are bulk updates: they come
     * every few seconds from sockets and timers, and must neither fail on nor cause an optimistic
     * lock conflict with an administrator's change of the same integration row.
     */

    @Override
    @Transactional
    public void heartbeat(long integrationId) {
        em.createQuery("update Integration i set i.connectionState = org.carebridge.integration.ConnectionState.CONNECTED,"
                + " i.lastHeartbeatAt = :now where i.id = :id and i.enabled = true")
                .setParameter("now", clock.instant()).setParameter("id", integrationId).executeUpdate();
    }

    @Transactional
    public void disconnected(long integrationId) {
        em.createQuery("update Integration i set i.connectionState = org.carebridge.integration.ConnectionState.NOT_CONNECTED"
                + " where i.id = :id").setParameter("id", integrationId).executeUpdate();
    }

    /** The encrypted key the connector signed in with, to notice a Regenerate. */
    @Transactional
    public String keyCiphertext(long integrationId) {
        return em.find(Integration.class, integrationId).getSharedKeyCiphertext();
    }

    @Transactional
    public Check check(long integrationId, String keyCiphertext) {
        Integration integration = em.find(Integration.class, integrationId);
        if (integration == null || !integration.isEnabled()
                || !integration.getSharedKeyCiphertext().equals(keyCiphertext)) {
            return new Check(false, integration == null ? 0 : integration.getOrganization().getId(), false);
        }
        long organizationId = integration.getOrganization().getId();
        Instant now = clock.instant();
        Instant last = em.createQuery("select r.startedAt from ImportRun r where r.organization.id = :id"
                + " order by r.startedAt desc", Instant.class).setParameter("id", organizationId).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        boolean due = integration.getSyncRequestedAt() != null || last == null
                || !last.plus(SYNC_INTERVAL).isAfter(now);
        return new Check(true, organizationId, due);
    }

    /**
     * Opens a run for the organization unless one is already running (on any node: the cluster
     * lock makes the check and the insert one step). Clears a pending "Sync Users Now".
     *
     * @return the new run's id, or {@code null} when a run is in progress
     */
    @Transactional
    public Long startRun(long organizationId, ImportTrigger trigger) {
        locks.lock(LOCK);
        Instant now = clock.instant();
        for (ImportRun running : em.createNamedQuery(ImportRun.RUNNING_OF_ORGANIZATION, ImportRun.class)
                .setParameter("organizationId", organizationId).getResultList()) {
            if (running.getStartedAt().plus(ABANDONED_AFTER).isAfter(now)) {
                return null;
            }
            running.fail("Abandoned: the server handling this import stopped before it ended. Nothing was imported.", now);
        }
        Organization organization = em.find(Organization.class, organizationId);
        ImportRun run = new ImportRun(organization, trigger, now);
        em.persist(run);
        em.createQuery("update Integration i set i.syncRequestedAt = null where i.organization.id = :id")
                .setParameter("id", organizationId).executeUpdate();
        em.flush();
        return run.getId();
    }

    /** Which trigger a due run has: a pending "Sync Users Now" or the schedule. */
    @Transactional
    public ImportTrigger dueTrigger(long organizationId) {
        return integrationOf(organizationId).getSyncRequestedAt() != null ? ImportTrigger.MANUAL : ImportTrigger.SCHEDULED;
    }

    @Override
    @Transactional
    public ImportSummary apply(long runId, List<SyncContact> contacts) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run == null || !run.isRunning()) {
            throw new IllegalStateException("Import " + runId + " is not running");
        }
        Organization organization = run.getOrganization();
        if (contacts.size() > ImportPlan.MAX_CONTACTS) {
            return failRun(run, ImportPlan.tooMany(contacts.size()));
        }
        List<User> users = em.createQuery("select u from User u where u.organization.id = :id"
                + " and u.kind = org.carebridge.user.UserKind.EXTERNAL and u.removedAt is null", User.class)
                .setParameter("id", organization.getId()).getResultList();
        Map<String, User> byExternalId = users.stream().collect(Collectors.toMap(User::getExternalId, Function.identity()));
        List<ImportPlan.Existing> existing = new ArrayList<>(users.size());
        for (User u : users) {
            existing.add(new ImportPlan.Existing(u.getId(), u.getStaffId(), u.getExternalId(), u.getFirstName(),
                    u.getMiddleName(), u.getLastName(), u.getGuestAccessNumber(), u.getDeskPhone(), u.isNamesEdited()));
        }
        ImportPlan plan = ImportPlan.of(existing, contacts);
        Instant now = clock.instant();
        long stamp = plan.decisions().stream().anyMatch(d -> d.change() != ImportChange.NONE
                && d.change() != ImportChange.ERROR) ? directoryClock.tick() : 0;
        for (ImportPlan.Decision decision : plan.decisions()) {
            SyncContact c = decision.contact();
            String staffId = decision.existing() == null ? null : decision.existing().staffId();
            String message = decision.message();
            switch (decision.change()) {
                case CREATED -> {
                    User user = User.externalUser(organization, c.externalId(), c.firstName(), c.lastName(),
                            organization.timeZone(), now);
                    user.importedAs(c.firstName(), c.middleName(), c.lastName(), c.guestAccessNumber(), c.deskPhone());
                    em.persist(user);
                    user.assignStaffId();
                    user.directoryChanged(stamp);
                    staffId = user.getStaffId();
                }
                case UPDATED, OVERWRITTEN -> {
                    User user = byExternalId.get(c.externalId());
                    user.importedAs(c.firstName(), c.middleName(), c.lastName(), c.guestAccessNumber(), c.deskPhone());
                    user.directoryChanged(stamp);
                }
                case DELETED -> message = removeSynced(byExternalId.get(decision.existing().externalId()), now, stamp);
                case NONE, ERROR -> { }
            }
            em.persist(run.record(decision.change(), staffId, decision.externalId(), decision.name(), message));
        }
        run.succeed(now);
        audit.record(organization, AuditAction.USERS_IMPORTED, AuditTarget.of("ImportRun", run.getId()),
                "Created " + run.getCreated() + ", unchanged " + run.getUnchanged() + ", updated " + run.getUpdated()
                        + ", deleted " + run.getDeleted() + ", overwritten " + run.getOverwritten() + ", errors "
                        + run.getErrors());
        LOG.info(() -> "Import " + runId + " for organization " + organization.getId() + " applied: " + run.total()
                + " records");
        return ImportSummary.of(run);
    }

    /**
     * Removes a synced user the on-premises system no longer lists. Deleting the row would fail
     * (and with it every later run) once the person took part in a conversation, so the user is
     * kept for history and removed everywhere else ({@link User#removeFromSync}): out of its
     * groups and everyone's favorites, unlinked, and stamped so incremental directory syncs drop
     * it (they report every id that left the directory).
     *
     * @return the import record's message
     */
    private String removeSynced(User user, Instant now, long stamp) {
        for (ContactGroup group : em.createNamedQuery(ContactGroup.OF_MEMBER, ContactGroup.class)
                .setParameter("userId", user.getId()).getResultList()) {
            group.removeMember(user);
        }
        em.createNamedQuery(Favorite.DELETE_OF_CONTACT).setParameter("contact", user.getId()).executeUpdate();
        String externalId = user.getExternalId();
        User wasLinkedTo = user.removeFromSync(now);
        user.directoryChanged(stamp);
        if (wasLinkedTo == null) {
            return "Removed from the directory; conversations that include this user are kept.";
        }
        audit.record(user.getOrganization(), AuditAction.USER_UNLINKED, AuditTarget.user(user), "External id "
                + externalId + " unlinked from " + wasLinkedTo.getSortName() + " (" + wasLinkedTo.getStaffId()
                + "): the on-premises system no longer lists it");
        return "Removed from the directory and unlinked from " + wasLinkedTo.getSortName() + " ("
                + wasLinkedTo.getStaffId() + "); conversations that include this user are kept.";
    }

    @Override
    @Transactional
    public ImportSummary fail(long runId, String message) {
        ImportRun run = em.find(ImportRun.class, runId);
        if (run == null) {
            throw new IllegalStateException("No import " + runId);
        }
        if (!run.isRunning()) {
            return ImportSummary.of(run);
        }
        return failRun(run, message);
    }

    private ImportSummary failRun(ImportRun run, String message) {
        run.fail(message, clock.instant());
        audit.record(run.getOrganization(), AuditAction.IMPORT_FAILED, AuditTarget.of("ImportRun", run.getId()),
                run.getFailureMessage());
        LOG.warning(() -> "Import " + run.getId() + " for organization " + run.getOrganization().getId() + " failed: "
                + run.getFailureMessage());
        return ImportSummary.of(run);
    }

    /** Badge delivery is not wired yet: no multiple-choice message awaits a badge's answer. */
    @Override
    public boolean badgeAnswer(long integrationId, SyncFrame.BadgeAnswer answer) {
        LOG.fine(() -> "Badge answer for unknown message on integration " + integrationId);
        return false;
    }

    @Override
    @Transactional
    public void linkedStatus(long integrationId, SyncFrame.LinkedStatus status) {
        Integration integration = em.find(Integration.class, integrationId);
        for (SyncFrame.LinkedStatus.Status s : status.statuses()) {
            em.createQuery("select u from User u where u.organization.id = :org and u.externalId = :ext"
                    + " and u.kind = org.carebridge.user.UserKind.EXTERNAL", User.class)
                    .setParameter("org", integration.getOrganization().getId()).setParameter("ext", s.externalId())
                    .getResultStream().findFirst().ifPresent(u -> u.reportBadgeStatus(BadgeStatus.ofWire(s.state())));
        }
    }

    /**
     * The reverse sync frame: the users the connector lists (through {@link Reachability#connectorListing})
     * and the names the on-premises system dials through the organization's voice number.
     */
    @Transactional
    public String directoryFrame(long organizationId) {
        Organization organization = em.find(Organization.class, organizationId);
        String voice = organization.getVoiceNumber();
        JsonArrayBuilder organizations = Json.createArrayBuilder().add(nameAndNumber(organization.getName(), voice));
        List<Affiliation> affiliations = em.createNamedQuery(Affiliation.ACTIVE_OF_ORGANIZATION, Affiliation.class)
                .setParameter("organizationId", organizationId).getResultList();
        affiliations.stream().map(a -> a.otherSide(organization))
                .filter(o -> o.getKind() == OrganizationKind.PRACTICE)
                .map(Organization::getName).sorted()
                .forEach(name -> organizations.add(nameAndNumber(name, voice)));
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (User u : reachability.connectorListing(organizationId)) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("staffId", u.getStaffId())
                    .add("firstName", u.getFirstName()).add("lastName", u.getLastName())
                    .add("organization", u.getOrganization().getName())
                    .add("kind", u.getKind() == UserKind.NATIVE ? "NATIVE" : "LINKED");
            if (u.getMiddleName() != null) {
                b.add("middleName", u.getMiddleName());
            }
            users.add(b);
        }
        return Json.createObjectBuilder().add("type", "directory").add("organizations", organizations)
                .add("users", users).build().toString();
    }

    private static JsonObjectBuilder nameAndNumber(String name, String voiceNumber) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name);
        return voiceNumber == null ? b.addNull("voiceNumber") : b.add("voiceNumber", voiceNumber);
    }

    /** The welcome frame after a successful hello. */
    @Transactional
    public String welcomeFrame(long integrationId) {
        Integration integration = em.find(Integration.class, integrationId);
        return Json.createObjectBuilder().add("type", "welcome").add("protocol", SyncFrame.PROTOCOL_VERSION)
                .add("organization", integration.getOrganization().getName())
                .add("heartbeatSeconds", SyncEndpoint.HEARTBEAT_SECONDS)
                .add("maxContacts", ImportPlan.MAX_CONTACTS)
                .add("maxContactsPerPage", SyncFrame.MAX_CONTACTS_PER_PAGE).build().toString();
    }

    @Transactional(TxType.MANDATORY)
    Integration integrationOf(long organizationId) {
        return em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class)
                .setParameter("organizationId", organizationId).getSingleResult();
    }
}
