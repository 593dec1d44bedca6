package org.carebridge.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.access.AdminScope;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.AuditTrail;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.SecretTokens;
import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AffiliationState;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.group.ContactGroup;
import org.carebridge.group.GroupService;
import org.carebridge.mail.MailLayout;
import org.carebridge.mail.MailMessage;
import org.carebridge.mail.OutboundMail;
import org.carebridge.mail.Outbox;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.LoginState;
import org.carebridge.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules of inviting an organization and answering the invitation, on a migrated H2 through
 * the application's persistence unit. The tenant check is the real {@link AdminScope}; only who
 * is signed in, the clock, the outbox and the public address are stand-ins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AffiliationInvitationsTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final Pattern LINK = Pattern.compile("https://carebridge\\.example/console/invitation/respond\\.xhtml"
            + "\\?token=([A-Za-z0-9_%-]+)");

    private TestDatabase db;
    private EntityManager em;
    private final SettableClock clock = new SettableClock(START);
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final SignedIn signedIn = new SignedIn();
    private AffiliationInvitations service;

    private Organization hospital;
    private User hospitalAdmin;
    private Organization practice;
    private User chicagoAdmin;
    private User pacificAdmin;

    @BeforeAll
    void migrate() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @BeforeEach
    void arrange() throws ReflectiveOperationException {
        em = db.entityManagerFactory().createEntityManager();
        clock.now = START;
        outbox.sent.clear();
        AdminScope scope = new AdminScope();
        set(scope, "admin", signedIn);
        set(scope, "em", em);
        PublicLinks links = new PublicLinks();
        set(links, "baseUrl", "https://carebridge.example/");
        service = new AffiliationInvitations();
        service.em = em;
        service.clock = clock;
        service.outbox = outbox;
        service.links = links;
        service.scope = scope;
        GroupService groups = new GroupService();
        set(groups, "em", em);
        set(groups, "clock", clock);
        AuditTrail audit = new AuditTrail();
        set(audit, "em", em);
        set(audit, "clock", clock);
        set(audit, "admin", signedIn);
        set(groups, "audit", audit);
        service.groups = groups;
        service.audit = audit;

        hospital = organization(OrganizationKind.HOSPITAL, "Mercy Hospital");
        hospitalAdmin = administrator(hospital, "Grace", EASTERN);
        practice = organization(OrganizationKind.PRACTICE, "St. Nicholas Pediatrics");
        chicagoAdmin = administrator(practice, "Carla", ZoneId.of("America/Chicago"));
        pacificAdmin = administrator(practice, "Miles", ZoneId.of("America/Los_Angeles"));
        User disabled = administrator(practice, "Dora", EASTERN);
        inTransaction(() -> {
            em.find(User.class, disabled.getId()).changeLoginState(LoginState.DISABLED);
            return null;
        });
        member(practice, "Nora");
        signedIn.as(hospitalAdmin);
    }

    @AfterEach
    void close() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    @Test
    void everyAdministratorWhoCanSignInIsMailedTheLinkWithTheExpiryOnTheirOwnClock() {
        OrganizationInvitation invitation = invite(hospital, practice);

        assertEquals(Set.of(chicagoAdmin.getEmail(), pacificAdmin.getEmail()),
                outbox.sent.stream().map(MailMessage::recipient).collect(Collectors.toSet()),
                "neither the disabled administrator nor a plain member is mailed");
        Instant expiry = START.plus(OrganizationInvitation.LIFETIME);
        assertEquals(expiry, invitation.getExpiresAt());
        MailMessage toChicago = mailTo(chicagoAdmin);
        assertEquals(hospital.getName() + " invites " + practice.getName() + " to communicate on Carebridge",
                toChicago.subject());
        assertTrue(toChicago.text().contains(MailLayout.dateTime(expiry, ZoneId.of("America/Chicago"))), toChicago.text());
        assertTrue(toChicago.text().contains("(America/Chicago)"), toChicago.text());
        assertTrue(mailTo(pacificAdmin).text().contains(MailLayout.dateTime(expiry, ZoneId.of("America/Los_Angeles"))));
        assertTrue(toChicago.text().contains("Grace Admin of " + hospital.getName() + " has invited "
                + practice.getName()), toChicago.text());

        String token = token(toChicago);
        assertEquals(token, token(mailTo(pacificAdmin)), "one invitation, one link for all its administrators");
        OrganizationInvitation stored = inTransaction(() -> em.find(OrganizationInvitation.class, invitation.getId()));
        assertEquals(SecretTokens.hash(token), stored.getTokenHash(), "only the token's hash is kept");
        assertNotEquals(token, stored.getTokenHash());
        assertEquals(OrganizationInvitationState.PENDING, stored.getState());
        assertEquals(hospitalAdmin.getId(), stored.getInvitedBy().getId());

        List<PendingInvitation> pending = inTransaction(() -> service.pendingFrom(hospital.getId()));
        assertEquals(List.of(new PendingInvitation(invitation.getId(), practice.getName(), START, expiry)), pending);
    }

    @Test
    void anOrganizationCannotInviteItselfAnUnknownOneOrAnActiveAffiliate() {
        assertEquals("An organization cannot invite itself.", assertThrows(InvitationRefusedException.class,
                () -> inTransaction(() -> service.invite(hospital, hospital.getId(), hospitalAdmin))).getMessage());
        assertThrows(InvitationRefusedException.class,
                () -> inTransaction(() -> service.invite(hospital, 987_654_321L, hospitalAdmin)));

        Organization affiliate = organization(OrganizationKind.PRACTICE, "Oakwood Family Practice");
        administrator(affiliate, "Olive", EASTERN);
        inTransaction(() -> {
            Affiliation affiliation = new Affiliation(em.find(Organization.class, hospital.getId()),
                    em.find(Organization.class, affiliate.getId()), START);
            em.persist(affiliation);
            return affiliation;
        });
        InvitationRefusedException refused = assertThrows(InvitationRefusedException.class,
                () -> inTransaction(() -> service.invite(hospital, affiliate.getId(), hospitalAdmin)));
        assertEquals(affiliate.getName() + " is already an affiliate of " + hospital.getName() + ".",
                refused.getMessage());

        Organization nobody = organization(OrganizationKind.PRACTICE, "Practice Without Administrators");
        member(nobody, "Ned");
        assertThrows(InvitationRefusedException.class,
                () -> inTransaction(() -> service.invite(hospital, nobody.getId(), hospitalAdmin)));
        assertTrue(outbox.sent.isEmpty());
    }

    @Test
    void anAdministratorInvitesOnlyOnBehalfOfTheirOwnOrganization() {
        signedIn.as(chicagoAdmin);
        assertThrows(NotInScopeException.class,
                () -> inTransaction(() -> service.invite(hospital, practice.getId(), chicagoAdmin)));
        assertThrows(NotInScopeException.class, () -> inTransaction(() -> service.pendingFrom(hospital.getId())));
        assertThrows(NotInScopeException.class, () -> inTransaction(() -> service.invitable(hospital.getId(), "a")));
    }

    @Test
    void aNewerInvitationReplacesThePendingOne() {
        OrganizationInvitation first = invite(hospital, practice);
        String firstToken = token(mailTo(chicagoAdmin));
        outbox.sent.clear();
        clock.advance(Duration.ofHours(1));
        OrganizationInvitation second = invite(hospital, practice);
        String secondToken = token(mailTo(chicagoAdmin));

        assertEquals(OrganizationInvitationState.REPLACED,
                inTransaction(() -> em.find(OrganizationInvitation.class, first.getId())).getState());
        signedIn.as(chicagoAdmin);
        assertEquals(LinkStatus.REPLACED, check(firstToken).status());
        assertEquals(LinkStatus.OPEN, check(secondToken).status());
        UnusableInvitationException refused = assertThrows(UnusableInvitationException.class,
                () -> inTransaction(() -> service.acceptForAll(firstToken, chicagoAdmin)));
        assertEquals(LinkStatus.REPLACED, refused.status());

        signedIn.as(hospitalAdmin);
        assertEquals(List.of(second.getId()),
                inTransaction(() -> service.pendingFrom(hospital.getId())).stream().map(PendingInvitation::id).toList());
    }

    @Test
    void aPendingInvitationPastItsExpiryIsRecordedAsExpiredWhenANewOneIsSent() {
        OrganizationInvitation first = invite(hospital, practice);
        String firstToken = token(mailTo(chicagoAdmin));
        clock.advance(OrganizationInvitation.LIFETIME);
        assertTrue(inTransaction(() -> service.pendingFrom(hospital.getId())).isEmpty(), "expired: no longer pending");
        signedIn.as(chicagoAdmin);
        assertEquals(LinkStatus.EXPIRED, check(firstToken).status());
        assertEquals(LinkStatus.EXPIRED, assertThrows(UnusableInvitationException.class,
                () -> inTransaction(() -> service.acceptForAll(firstToken, chicagoAdmin))).status());

        signedIn.as(hospitalAdmin);
        invite(hospital, practice);
        assertEquals(OrganizationInvitationState.EXPIRED,
                inTransaction(() -> em.find(OrganizationInvitation.class, first.getId())).getState());
    }

    @Test
    void theTypeAheadOffersTenOrganizationsButNotItsOwnNorActiveAffiliates() {
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        Organization own = organizationNamed(OrganizationKind.HOSPITAL, word + " Own Hospital");
        User ownAdmin = administrator(own, "Owen", EASTERN);
        Organization active = organizationNamed(OrganizationKind.PRACTICE, word + " Active Affiliate");
        Organization ended = organizationNamed(OrganizationKind.PRACTICE, word + " Ended Affiliate");
        inTransaction(() -> {
            em.persist(new Affiliation(em.find(Organization.class, own.getId()),
                    em.find(Organization.class, active.getId()), START));
            Affiliation old = new Affiliation(em.find(Organization.class, own.getId()),
                    em.find(Organization.class, ended.getId()), START);
            old.end(START);
            em.persist(old);
            return old;
        });
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            others.add(organizationNamed(OrganizationKind.PRACTICE, word + " Practice " + (char) ('A' + i)).getName());
        }
        signedIn.as(ownAdmin);

        List<OrganizationOption> offered = inTransaction(() -> service.invitable(own.getId(), word.toLowerCase()));
        assertEquals(AffiliationInvitations.SUGGESTIONS, offered.size());
        List<String> names = offered.stream().map(OrganizationOption::name).toList();
        assertFalse(names.contains(own.getName()));
        assertFalse(names.contains(active.getName()));
        assertEquals(ended.getName(), names.get(0), "an ended affiliate can be invited again");
        assertEquals(others.subList(0, 9), names.subList(1, 10), "in name order, whatever the case typed");

        assertTrue(inTransaction(() -> service.invitable(own.getId(), "  ")).isEmpty());
        assertTrue(inTransaction(() -> service.invitable(own.getId(), word + "%")).isEmpty(), "% matches itself only");
    }

    @Test
    void acceptingForAllUsersAffiliatesBothWholeOrganizations() {
        invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));
        signedIn.as(pacificAdmin);

        InvitationView view = check(token);
        assertEquals(LinkStatus.OPEN, view.status());
        assertEquals(hospital.getName(), view.details().invitingName());
        assertEquals("Grace Admin", view.details().inviterName());
        assertEquals(practice.getId(), view.details().invitedId());
        assertEquals(START.plus(OrganizationInvitation.LIFETIME), view.details().expiresAt());

        Affiliation affiliation = inTransaction(() -> service.acceptForAll(token, pacificAdmin));
        Affiliation stored = inTransaction(() -> em.find(Affiliation.class, affiliation.getId()));
        assertEquals(AffiliationState.ACTIVE, stored.getState());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, stored.permissionOf(hospital));
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, stored.permissionOf(practice));
        OrganizationInvitation answered = inTransaction(() -> em.createNamedQuery(OrganizationInvitation.BY_HASH,
                OrganizationInvitation.class).setParameter("hash", SecretTokens.hash(token)).getSingleResult());
        assertEquals(OrganizationInvitationState.ACCEPTED, answered.getState());
        assertEquals(pacificAdmin.getId(), answered.getRespondedBy().getId());

        assertEquals(LinkStatus.ACCEPTED, check(token).status(), "the link works once");
        assertEquals(LinkStatus.ACCEPTED, assertThrows(UnusableInvitationException.class,
                () -> inTransaction(() -> service.acceptForAll(token, chicagoAdmin))).status());
        signedIn.as(hospitalAdmin);
        assertTrue(inTransaction(() -> service.pendingFrom(hospital.getId())).isEmpty());
        assertTrue(inTransaction(() -> service.invitable(hospital.getId(), practice.getName())).isEmpty(),
                "an affiliate is no longer offered");
    }

    @Test
    void acceptingForSomeUsersCreatesTheNamedGroupAndExposesOnlyIt() {
        invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));
        signedIn.as(chicagoAdmin);

        ContactGroup group = inTransaction(() -> service.acceptForGroup(token, chicagoAdmin,
                GroupChoice.named("  Pediatrics ")));
        assertEquals("Pediatrics", group.getName());
        Affiliation stored = inTransaction(() -> em.createNamedQuery(Affiliation.BY_PAIR, Affiliation.class)
                .setParameter("lowId", hospital.getId()).setParameter("highId", practice.getId()).getSingleResult());
        assertEquals(AssociationPermission.GROUPS, stored.permissionOf(practice));
        assertEquals(List.of(group.getId()), stored.groupsOf(practice).stream().map(ContactGroup::getId).toList());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, stored.permissionOf(hospital));
        assertEquals(practice.getId(), inTransaction(() -> em.find(ContactGroup.class, group.getId()))
                .getOrganization().getId());
    }

    @Test
    void acceptingForSomeUsersCanUseAnExistingGroupOfTheInvitedOrganizationOnly() {
        ContactGroup picu = group(practice, "PICU");
        ContactGroup hospitalGroup = group(hospital, "Emergency Department");
        invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));
        signedIn.as(chicagoAdmin);

        assertEquals(List.of(new InvitationView.GroupOption(picu.getId(), "PICU")), check(token).groups());
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> inTransaction(
                () -> service.acceptForGroup(token, chicagoAdmin, GroupChoice.existing(hospitalGroup.getId()))));
        assertEquals("Choose one of the groups of " + practice.getName() + ".", foreign.getMessage());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> inTransaction(
                () -> service.acceptForGroup(token, chicagoAdmin, GroupChoice.named("picu"))));
        assertTrue(taken.getMessage().contains("already has a group named \"picu\""), taken.getMessage());
        assertEquals(LinkStatus.OPEN, check(token).status(), "a refused answer leaves the invitation open");

        ContactGroup chosen = inTransaction(() -> service.acceptForGroup(token, chicagoAdmin,
                GroupChoice.existing(picu.getId())));
        assertEquals(picu.getId(), chosen.getId());
        Affiliation stored = inTransaction(() -> em.createNamedQuery(Affiliation.BY_PAIR, Affiliation.class)
                .setParameter("lowId", hospital.getId()).setParameter("highId", practice.getId()).getSingleResult());
        assertEquals(List.of(picu.getId()), stored.groupsOf(practice).stream().map(ContactGroup::getId).toList());
    }

    @Test
    void anEndedAffiliationIsRestartedRatherThanStoredTwice() {
        Affiliation old = inTransaction(() -> {
            Affiliation affiliation = new Affiliation(em.find(Organization.class, hospital.getId()),
                    em.find(Organization.class, practice.getId()), START.minus(Duration.ofDays(90)));
            em.persist(affiliation);
            affiliation.end(START.minus(Duration.ofDays(30)));
            return affiliation;
        });
        invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));
        signedIn.as(chicagoAdmin);

        Affiliation restarted = inTransaction(() -> service.acceptForAll(token, chicagoAdmin));
        assertEquals(old.getId(), restarted.getId());
        Affiliation stored = inTransaction(() -> em.find(Affiliation.class, old.getId()));
        assertTrue(stored.isActive());
        assertEquals(START, stored.getStartedAt());
        assertNull(stored.getEndedAt());
    }

    @Test
    void onlyTheInvitedOrganizationsAdministratorsOrASystemAdministratorMayAnswer() {
        invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));
        Organization third = organization(OrganizationKind.HOSPITAL, "Third Hospital");
        User thirdAdmin = administrator(third, "Theo", EASTERN);

        signedIn.as(thirdAdmin);
        InvitationView refused = check(token);
        assertEquals(LinkStatus.NOT_YOURS, refused.status());
        assertNull(refused.details(), "nothing of the invitation is shown to another organization");
        assertThrows(NotInScopeException.class, () -> inTransaction(() -> service.acceptForAll(token, thirdAdmin)));
        signedIn.as(hospitalAdmin);
        assertEquals(LinkStatus.NOT_YOURS, check(token).status(), "the inviting side cannot accept its own invitation");

        User operator = administrator(third, "Sys", EASTERN);
        inTransaction(() -> {
            em.find(User.class, operator.getId()).grantSystemAdmin(true);
            return null;
        });
        signedIn.as(operator).systemAdmin = true;
        assertEquals(LinkStatus.OPEN, check(token).status());
        inTransaction(() -> service.acceptForAll(token, operator));
        assertEquals(LinkStatus.ACCEPTED, check(token).status());
    }

    @Test
    void unknownLinksAreUnusable() {
        signedIn.as(chicagoAdmin);
        assertEquals(LinkStatus.UNKNOWN, check("no-such-token").status());
        assertEquals(LinkStatus.UNKNOWN, check(null).status());
        assertEquals(LinkStatus.UNKNOWN, check("x".repeat(500)).status());
        assertEquals(LinkStatus.UNKNOWN, assertThrows(UnusableInvitationException.class,
                () -> inTransaction(() -> service.acceptForAll("no-such-token", chicagoAdmin))).status());
    }

    @Test
    void acceptingClosesTheInvitationTheOtherWayRound() {
        invite(hospital, practice);
        String hospitalsToken = token(mailTo(chicagoAdmin));
        signedIn.as(chicagoAdmin);
        outbox.sent.clear();
        OrganizationInvitation reverse = invite(practice, hospital);
        String practicesToken = token(mailTo(hospitalAdmin));

        inTransaction(() -> service.acceptForAll(hospitalsToken, chicagoAdmin));
        assertEquals(OrganizationInvitationState.REPLACED,
                inTransaction(() -> em.find(OrganizationInvitation.class, reverse.getId())).getState());
        assertTrue(inTransaction(() -> service.pendingFrom(practice.getId())).isEmpty());
        signedIn.as(hospitalAdmin);
        assertEquals(LinkStatus.ALREADY_AFFILIATES, check(practicesToken).status());
    }

    @Test
    void theInvitingOrganizationCanWithdrawAPendingInvitation() {
        OrganizationInvitation invitation = invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));

        signedIn.as(chicagoAdmin);
        assertThrows(NotInScopeException.class, () -> inTransaction(() -> {
            service.withdraw(practice.getId(), invitation.getId(), chicagoAdmin);
            return null;
        }), "the invited side cannot withdraw what it did not send");
        assertThrows(NotInScopeException.class, () -> inTransaction(() -> {
            service.withdraw(hospital.getId(), invitation.getId(), chicagoAdmin);
            return null;
        }));

        signedIn.as(hospitalAdmin);
        inTransaction(() -> {
            service.withdraw(hospital.getId(), invitation.getId(), hospitalAdmin);
            return null;
        });
        OrganizationInvitation stored = inTransaction(() -> em.find(OrganizationInvitation.class, invitation.getId()));
        assertEquals(OrganizationInvitationState.WITHDRAWN, stored.getState());
        assertEquals(hospitalAdmin.getId(), stored.getRespondedBy().getId());
        assertTrue(inTransaction(() -> service.pendingFrom(hospital.getId())).isEmpty());
        assertEquals(LinkStatus.WITHDRAWN, assertThrows(UnusableInvitationException.class, () -> inTransaction(() -> {
            service.withdraw(hospital.getId(), invitation.getId(), hospitalAdmin);
            return null;
        })).status(), "withdrawn once");

        signedIn.as(chicagoAdmin);
        assertEquals(LinkStatus.WITHDRAWN, check(token).status());
        assertThrows(UnusableInvitationException.class,
                () -> inTransaction(() -> service.acceptForAll(token, chicagoAdmin)));
        assertEquals(List.of(AuditAction.AFFILIATION_INVITED.code(), AuditAction.AFFILIATION_INVITATION_WITHDRAWN.code()),
                auditActions(hospital));
    }

    @Test
    void overdueInvitationsAreRecordedAsExpiredByTheHourlyRun() {
        OrganizationInvitation due = invite(hospital, practice);
        clock.advance(Duration.ofDays(1));
        Organization other = organization(OrganizationKind.PRACTICE, "Lakeside Clinic");
        administrator(other, "Lena", EASTERN);
        OrganizationInvitation fresh = invite(hospital, other);

        clock.now = due.getExpiresAt();
        // Other tests' invitations in this database may be overdue too by now.
        assertTrue(inTransaction(() -> service.expireOverdue()) >= 1);
        assertEquals(OrganizationInvitationState.EXPIRED,
                inTransaction(() -> em.find(OrganizationInvitation.class, due.getId())).getState());
        assertEquals(OrganizationInvitationState.PENDING,
                inTransaction(() -> em.find(OrganizationInvitation.class, fresh.getId())).getState());
        assertEquals(0, inTransaction(() -> service.expireOverdue()), "nothing twice");
    }

    @Test
    void theInvitingAdministratorsAreToldOfTheAcceptanceAndBothSidesAreAudited() {
        invite(hospital, practice);
        String token = token(mailTo(chicagoAdmin));
        outbox.sent.clear();
        signedIn.as(pacificAdmin);
        inTransaction(() -> service.acceptForAll(token, pacificAdmin));

        MailMessage told = mailTo(hospitalAdmin);
        assertEquals(practice.getName() + " accepted your invitation on Carebridge", told.subject());
        assertTrue(told.text().contains("Miles Admin of " + practice.getName() + " accepted"), told.text());
        assertEquals(1, outbox.sent.size(), "only the inviting organization's administrators are told");
        assertEquals(List.of(AuditAction.AFFILIATION_INVITED.code()), auditActions(hospital));
        List<AuditEvent> accepted = inTransaction(() -> em.createNamedQuery(AuditEvent.OF_ORGANIZATION, AuditEvent.class)
                .setParameter("organizationId", practice.getId())
                .setParameter("from", START).setParameter("to", START.plus(Duration.ofDays(1)))
                .getResultList());
        assertEquals(1, accepted.size());
        assertEquals(AuditAction.AFFILIATION_ACCEPTED.code(), accepted.get(0).getAction());
        assertEquals(pacificAdmin.getId(), accepted.get(0).getActor().getId());
    }

    private List<String> auditActions(Organization organization) {
        List<String> newestFirst = inTransaction(() -> em.createNamedQuery(AuditEvent.OF_ORGANIZATION, AuditEvent.class)
                .setParameter("organizationId", organization.getId())
                .setParameter("from", START).setParameter("to", START.plus(Duration.ofDays(30)))
                .getResultList()).stream().map(AuditEvent::getAction).toList();
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    // --- arranging -----------------------------------------------------------------------

    private OrganizationInvitation invite(Organization from, Organization to) {
        User inviter = from.getId().equals(hospital.getId()) ? hospitalAdmin : chicagoAdmin;
        return inTransaction(() -> service.invite(from, to.getId(), inviter));
    }

    private InvitationView check(String token) {
        return inTransaction(() -> service.check(token));
    }

    private MailMessage mailTo(User user) {
        return outbox.sent.stream().filter(m -> m.recipient().equals(user.getEmail())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No mail to " + user.getEmail()));
    }

    private static String token(MailMessage mail) {
        Matcher m = LINK.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            // Each call starts from the database, as each request does in the server.
            em.clear();
        }
    }

    /** Names are unique across Carebridge, and every test arranges its own organizations. */
    private Organization organization(OrganizationKind kind, String name) {
        return organizationNamed(kind, name + " " + UUID.randomUUID().toString().substring(0, 6));
    }

    private Organization organizationNamed(OrganizationKind kind, String name) {
        return db.transaction(e -> {
            Organization o = new Organization(kind, name, PhoneNumber.parse("(408) 882-5830"), EASTERN, START);
            e.persist(o);
            return o;
        });
    }

    private User administrator(Organization org, String firstName, ZoneId zone) {
        return user(org, firstName, zone, true);
    }

    private User member(Organization org, String firstName) {
        return user(org, firstName, EASTERN, false);
    }

    private User user(Organization org, String firstName, ZoneId zone, boolean admin) {
        return db.transaction(e -> {
            User u = User.nativeUser(e.find(Organization.class, org.getId()),
                    firstName.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@it.test",
                    firstName, admin ? "Admin" : "Member", zone, START);
            u.grantOrganizationAdmin(admin);
            e.persist(u);
            u.assignStaffId();
            return u;
        });
    }

    private ContactGroup group(Organization org, String name) {
        return db.transaction(e -> {
            ContactGroup g = new ContactGroup(e.find(Organization.class, org.getId()), name, START);
            e.persist(g);
            return g;
        });
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** Who is signed in: the one thing of the console session the tenant check reads. */
    private final class SignedIn extends CurrentAdmin {
        private User user;
        private boolean systemAdmin;

        SignedIn as(User who) {
            this.user = who;
            this.systemAdmin = false;
            return this;
        }

        @Override
        public boolean isSignedIn() {
            return user != null;
        }

        @Override
        public User user() {
            return em.find(User.class, user.getId());
        }

        @Override
        public Long userId() {
            return user.getId();
        }

        @Override
        public Organization organization() {
            return user().getOrganization();
        }

        @Override
        public boolean isSystemAdmin() {
            return systemAdmin;
        }
    }

    private static final class RecordingOutbox extends Outbox {
        final List<MailMessage> sent = new ArrayList<>();

        @Override
        public OutboundMail enqueue(MailMessage message) {
            sent.add(message);
            return null;
        }
    }
}
