package org.carebridge.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.carebridge.SettableClock;
import org.carebridge.access.AdminScope;
import org.carebridge.access.CurrentAdmin;
import org.carebridge.access.NotInScopeException;
import org.carebridge.access.PasswordHasher;
import org.carebridge.access.SecretTokens;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditEvent;
import org.carebridge.audit.AuditTrail;
import org.carebridge.directory.DirectoryClock;
import org.carebridge.group.ContactGroup;
import org.carebridge.group.GroupService;
import org.carebridge.integration.ImportedUsers;
import org.carebridge.mail.MailState;
import org.carebridge.mail.OutboundMail;
import org.carebridge.mail.Outbox;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.carebridge.platform.PublicLinks;
import org.carebridge.platform.persistence.TestDatabase;
import org.carebridge.user.ProfileForm;
import org.carebridge.user.User;
import org.carebridge.user.UserService;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inviting users, the Invitations list, resend, delete, the status following the mail, and
 * registering from the link, on a fresh H2 and a fresh PostgreSQL schema. Each call runs in its
 * own transaction as in the server; the real outbox, tenant check, audit trail and group service
 * are used, with only who is signed in and the clock standing in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserInvitationsTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Pattern LINK = Pattern.compile(
            "https://carebridge\\.example/register\\.xhtml\\?token=([A-Za-z0-9_%-]+)");

    private final Map<TestDatabase.Kind, TestDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);
    private final SettableClock clock = new SettableClock(START);
    private final PasswordHasher hasher = new PasswordHasher();
    private User signedIn;

    @BeforeAll
    void migrate() throws ReflectiveOperationException {
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            databases.put(kind, TestDatabase.create(kind));
        }
        set(hasher, "pbkdf2", new Pbkdf2PasswordHashImpl());
        Method configure = PasswordHasher.class.getDeclaredMethod("configure");
        configure.setAccessible(true);
        configure.invoke(hasher);
    }

    @AfterAll
    void drop() {
        databases.values().forEach(TestDatabase::close);
    }

    // --- inviting ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachInviteeGetsAnInvitationAndAMailWithTheLinkAndTheExpiryOnTheOrganizationsClock(TestDatabase.Kind kind) {
        World w = world(kind);
        InvitationBatch batch = invitations(kind, s -> s.invite(w.org, List.of(
                new Invitee(a("ada").replace("ada@", "Ada@"), "Ada", "Lovelace"), Invitee.of(a("bob")),
                Invitee.of(a("ada"))), false));

        assertEquals(2, batch.invited());
        assertEquals(0, batch.resent());
        List<UserInvitation> stored = invitationsOf(kind, w.org);
        assertEquals(2, stored.size(), "a duplicate in the batch counts once");
        UserInvitation ada = byEmail(stored, a("ada"));
        assertEquals("Ada", ada.getFirstName());
        assertEquals("Lovelace", ada.getLastName());
        assertEquals(UserInvitationStatus.PENDING, ada.getStatus());
        assertFalse(ada.isAdministrator());
        assertEquals(w.admin.getId(), ada.getInvitedBy().getId());
        assertEquals(START.plus(UserInvitation.LIFETIME), ada.getExpiresAt());

        OutboundMail mail = mailOf(kind, ada);
        assertEquals(a("ada"), mail.getRecipient());
        assertEquals(w.org.getName() + " invites you to Carebridge", mail.getSubject());
        String text = mail.message().text();
        assertTrue(text.startsWith("Hello Ada,"), text);
        assertTrue(text.contains("Grace Admin of " + w.org.getName() + " invites you to join " + w.org.getName()), text);
        assertTrue(text.contains(org.carebridge.mail.MailLayout.dateTime(ada.getExpiresAt(), CHICAGO)), text);
        assertTrue(mail.message().html().contains("href=\"https://carebridge.example/register.xhtml?token="));
        String token = token(text);
        assertEquals(SecretTokens.hash(token), ada.getTokenHash(), "only the token's hash is kept");
        assertTrue(mailOf(kind, byEmail(stored, a("bob"))).message().text().startsWith("Hello,"));
        assertEquals(List.of(AuditAction.INVITATIONS_SENT.code()), auditActions(kind, w.org));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void oneBadAddressMeansNothingIsCreatedAndNoMailIsQueued(TestDatabase.Kind kind) {
        World w = world(kind);
        long mailsBefore = mailCount(kind);
        // The page parses first: a malformed address never reaches the service.
        assertThrows(InvitationRefusedException.class,
                () -> UserInvitations.fromAddressList("ada@example.org not-an-address"));
        // A caller passing invitees directly cannot build a malformed one either.
        assertThrows(IllegalArgumentException.class, () -> Invitee.of("bob@"));

        // An address that already belongs to a user refuses the whole batch, departments included.
        User existing = user(kind, w.other, "taken", false);
        InvitationRefusedException refused = assertThrows(InvitationRefusedException.class,
                () -> invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("carl")),
                        Invitee.of(existing.getEmail().toUpperCase())), List.of("Cardiology"), false)));
        assertEquals(existing.getEmail() + " already belongs to a Carebridge user. Nobody was invited: remove it "
                + "and try again.", refused.getMessage());
        assertTrue(invitationsOf(kind, w.org).isEmpty());
        assertTrue(groupsOf(kind, w.org).isEmpty());
        assertEquals(mailsBefore, mailCount(kind));
        assertTrue(auditActions(kind, w.org).isEmpty());

        assertThrows(InvitationRefusedException.class, () -> invitations(kind, s -> s.invite(w.org, List.of(), false)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void departmentsBecomeGroupsUnlessTheOrganizationHasThemInAnyCase(TestDatabase.Kind kind) {
        World w = world(kind);
        databases.get(kind).run(em -> em.persist(new ContactGroup(em.find(Organization.class, w.org.getId()),
                "Cardiology", START)));
        InviteeFile file = UserInvitations.fromCsv("staff.csv", "text/csv", ("Email,First Name,Last Name,Department,"
                + "Job Title\nsblair@abelard.example,Steve,Blair,CARDIOLOGY,Cardiologist\n"
                + "ywu@abelard.example,Yan,Wu,Pharmacy,Pharmacist\nmdavis@abelard.example,Miles,Davis,pharmacy,\n")
                .getBytes(StandardCharsets.UTF_8));

        InvitationBatch batch = invitations(kind, s -> s.invite(w.org, file.invitees(), file.departments(), false));

        assertEquals(List.of("Pharmacy"), batch.groupsCreated());
        assertEquals(List.of("Cardiology", "Pharmacy"), groupsOf(kind, w.org).stream().map(ContactGroup::getName)
                .sorted().toList());
        assertTrue(groupsOf(kind, w.org).stream().allMatch(g -> g.getMembers().isEmpty()),
                "invitees are not put into the groups");
        assertEquals("Blair", byEmail(invitationsOf(kind, w.org), "sblair@abelard.example").getLastName());
        assertEquals(List.of(AuditAction.GROUP_CREATED.code(), AuditAction.INVITATIONS_SENT.code()),
                auditActions(kind, w.org));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invitingAnOpenAddressAgainResendsItWithANewLinkInsteadOfDuplicating(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada"))), false));
        UserInvitation first = invitationsOf(kind, w.org).get(0);
        String oldToken = token(mailOf(kind, first).message().text());
        // The same address in another organization is another invitation.
        invitations(kind, s -> s.invite(w.other, List.of(Invitee.of(a("ada"))), false));

        clock.advance(Duration.ofDays(3));
        InvitationBatch again = invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada")),
                Invitee.of(a("bob"))), false));

        assertEquals(1, again.invited());
        assertEquals(1, again.resent());
        List<UserInvitation> stored = invitationsOf(kind, w.org);
        assertEquals(2, stored.size());
        UserInvitation ada = byEmail(stored, a("ada"));
        assertEquals(first.getId(), ada.getId());
        assertEquals(clock.instant().plus(UserInvitation.LIFETIME), ada.getExpiresAt());
        String newToken = token(mailOf(kind, ada).message().text());
        assertNotEquals(oldToken, newToken);
        assertEquals(RegistrationLink.UNKNOWN, registrations(kind, r -> r.check(oldToken)).link(),
                "the old link is dead");
        assertEquals(RegistrationLink.OPEN, registrations(kind, r -> r.check(newToken)).link());
        assertEquals(1, invitationsOf(kind, w.other).size());
    }

    // --- the list ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theListFiltersEachColumnByAnyPartInAnyCaseAndPages(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(new Invitee("astafford@abelard.example", "Amy", "Stafford"),
                new Invitee("kmaster@abelard.example", "Kim", "Master"),
                new Invitee("bevans@stnicholas.example", "Bea", "Evans"),
                Invitee.of("x_y@stnicholas.example")), false));
        invitations(kind, s -> s.invite(w.other, List.of(new Invitee("ast@other.example", "Ast", "Other")), false));

        assertEquals(List.of("astafford@abelard.example", "kmaster@abelard.example"),
                listed(kind, w.org, new InvitationFilter("AST", null, null)));
        assertEquals(List.of("astafford@abelard.example", "kmaster@abelard.example"),
                listed(kind, w.org, new InvitationFilter(null, "ST", null)));
        assertEquals(List.of("kmaster@abelard.example"), listed(kind, w.org, new InvitationFilter("abelard", "mas", "KI")));
        assertEquals(List.of("x_y@stnicholas.example"), listed(kind, w.org, new InvitationFilter("_", null, null)),
                "LIKE wildcards typed in a filter match themselves");
        assertEquals(4, (int) invitations(kind, s -> s.count(w.org, InvitationFilter.NONE)));
        assertEquals(2, (int) invitations(kind, s -> s.search(w.org, InvitationFilter.NONE, 2, 10)).size());
        assertEquals(2, (int) invitations(kind, s -> s.count(w.org, new InvitationFilter("stnicholas", " ", ""))));
    }

    // --- resend and delete ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void resendSkipsRegisteredInvitationsAndReplacesTheTokenOfTheOthers(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada")), Invitee.of(a("bob"))),
                false));
        UserInvitation ada = byEmail(invitationsOf(kind, w.org), a("ada"));
        UserInvitation bob = byEmail(invitationsOf(kind, w.org), a("bob"));
        register(kind, token(mailOf(kind, ada).message().text()), "", "");
        String bobOld = token(mailOf(kind, bob).message().text());

        clock.advance(Duration.ofHours(1));
        UserInvitations.ResendOutcome outcome = invitations(kind, s -> s.resend(List.of(ada.getId(), bob.getId())));

        assertEquals(new UserInvitations.ResendOutcome(1, 1), outcome);
        UserInvitation bobNow = byEmail(invitationsOf(kind, w.org), a("bob"));
        assertEquals(UserInvitationStatus.PENDING, bobNow.getStatus());
        assertEquals(clock.instant(), bobNow.getStatusChangedAt());
        assertNotEquals(bob.getOutboundMail().getId(), bobNow.getOutboundMail().getId());
        assertEquals(RegistrationLink.UNKNOWN, registrations(kind, r -> r.check(bobOld)).link());
        assertEquals(UserInvitationStatus.REGISTERED, byEmail(invitationsOf(kind, w.org), a("ada")).getStatus());
        assertEquals(1, auditActions(kind, w.org).stream().filter(AuditAction.INVITATION_RESENT.code()::equals).count());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDeletedInvitationLeavesTheListAndCanNoLongerBeUsedToRegister(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada"))), false));
        UserInvitation ada = invitationsOf(kind, w.org).get(0);
        String token = token(mailOf(kind, ada).message().text());

        assertEquals(1, (int) invitations(kind, s -> s.delete(List.of(ada.getId()))));

        assertEquals(0, (int) invitations(kind, s -> s.count(w.org, InvitationFilter.NONE)));
        assertEquals(RegistrationLink.WITHDRAWN, registrations(kind, r -> r.open(token)).link());
        UnusableRegistrationLinkException refused = assertThrows(UnusableRegistrationLinkException.class,
                () -> register(kind, token, "", ""));
        assertEquals(RegistrationLink.WITHDRAWN, refused.link());
        assertNull(userByEmail(kind, a("ada")));
        assertThrows(NotInScopeException.class, () -> invitations(kind, s -> s.resend(List.of(ada.getId()))),
                "a deleted invitation is gone for the console too");
        // Inviting the address again starts a new invitation.
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada"))), false));
        assertEquals(1, (int) invitations(kind, s -> s.count(w.org, InvitationFilter.NONE)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anotherOrganizationsInvitationIdsAreRefusedAsNotFound(TestDatabase.Kind kind) {
        World w = world(kind);
        signedIn = w.otherAdmin;
        invitations(kind, s -> s.invite(w.other, List.of(Invitee.of(a("ada"))), false));
        UserInvitation theirs = invitationsOf(kind, w.other).get(0);
        signedIn = w.admin;
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("bob"))), false));
        UserInvitation ours = invitationsOf(kind, w.org).get(0);

        assertThrows(NotInScopeException.class,
                () -> invitations(kind, s -> s.resend(List.of(ours.getId(), theirs.getId()))));
        assertThrows(NotInScopeException.class, () -> invitations(kind, s -> s.delete(List.of(theirs.getId()))));
        assertThrows(NotInScopeException.class, () -> invitations(kind, s -> s.delete(List.of(987_654_321L))));
        assertFalse(byEmail(invitationsOf(kind, w.other), a("ada")).isDeleted());
        assertEquals(ours.getOutboundMail().getId(), invitationsOf(kind, w.org).get(0).getOutboundMail().getId(),
                "nothing was resent when one id was refused");
    }

    // --- following the mail ----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theStatusFollowsTheMailOnceItIsDecided(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada")), Invitee.of(a("bob")),
                Invitee.of(a("carl"))), false));
        List<UserInvitation> stored = invitationsOf(kind, w.org);
        Long adaMail = byEmail(stored, a("ada")).getOutboundMail().getId();
        Long bobMail = byEmail(stored, a("bob")).getOutboundMail().getId();
        Long carlMail = byEmail(stored, a("carl")).getOutboundMail().getId();

        // Still queued: nothing to follow.
        assertEquals(0, (int) invitations(kind, s -> s.followMails(List.of(adaMail, bobMail, carlMail))));
        clock.advance(Duration.ofMinutes(1));
        databases.get(kind).run(em -> {
            em.find(OutboundMail.class, adaMail).sent(clock.instant());
            em.find(OutboundMail.class, bobMail).failedPermanently("550 no such user");
            em.find(OutboundMail.class, carlMail).failedTemporarily("421 try later", clock.instant(), Duration.ofSeconds(30));
        });
        assertEquals(2, (int) invitations(kind, s -> s.followMails(List.of(adaMail, bobMail, carlMail, 1L))));
        stored = invitationsOf(kind, w.org);
        assertEquals(UserInvitationStatus.EMAIL_SENT, byEmail(stored, a("ada")).getStatus());
        assertEquals(clock.instant(), byEmail(stored, a("ada")).getStatusChangedAt());
        assertEquals(UserInvitationStatus.FAILURE, byEmail(stored, a("bob")).getStatus());
        assertEquals(UserInvitationStatus.PENDING, byEmail(stored, a("carl")).getStatus(),
                "a mail waiting for a retry keeps the invitation pending");

        // An outcome no event reported (say, decided just before a restart) is picked up by reconciliation.
        databases.get(kind).run(em -> {
            OutboundMail carl = em.find(OutboundMail.class, carlMail);
            for (int i = carl.getAttempts(); i < OutboundMail.MAX_ATTEMPTS; i++) {
                carl.failedTemporarily("421 try later", clock.instant(), Duration.ofSeconds(30));
            }
            assertEquals(MailState.FAILED, carl.getState());
        });
        assertEquals(1, (int) invitations(kind, UserInvitations::followSettledMails));
        assertEquals(UserInvitationStatus.FAILURE, byEmail(invitationsOf(kind, w.org), a("carl")).getStatus());
        assertEquals(0, (int) invitations(kind, UserInvitations::followSettledMails));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anOutcomeOfAMailTheInvitationNoLongerUsesIsIgnored(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada"))), false));
        UserInvitation ada = invitationsOf(kind, w.org).get(0);
        Long oldMail = ada.getOutboundMail().getId();
        invitations(kind, s -> s.resend(List.of(ada.getId())));
        databases.get(kind).run(em -> em.find(OutboundMail.class, oldMail).failedPermanently("550 no such user"));

        assertEquals(0, (int) invitations(kind, s -> s.followMails(List.of(oldMail))));
        assertEquals(UserInvitationStatus.PENDING, invitationsOf(kind, w.org).get(0).getStatus());
    }

    // --- registering -----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theFirstOpeningIsRecordedAndRegisteringCreatesTheUser(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(new Invitee(a("ada"), "Ada", "Lovelace")), false));
        UserInvitation invitation = invitationsOf(kind, w.org).get(0);
        String token = token(mailOf(kind, invitation).message().text());

        clock.advance(Duration.ofMinutes(5));
        Registrations.View view = registrations(kind, r -> r.open(token));
        assertEquals(RegistrationLink.OPEN, view.link());
        assertEquals("Lovelace", view.details().lastName());
        assertEquals(CHICAGO, view.details().organizationTimeZone());
        Instant firstClick = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        registrations(kind, r -> r.open(token));
        UserInvitation clicked = invitationsOf(kind, w.org).get(0);
        assertEquals(UserInvitationStatus.USER_CLICKED, clicked.getStatus());
        assertEquals(firstClick, clicked.getClickedAt(), "only the first opening is recorded");
        assertEquals(firstClick, clicked.getStatusChangedAt());

        RegistrationRefusedException badPin = assertThrows(RegistrationRefusedException.class,
                () -> registrations(kind, r -> r.register(token, new RegistrationForm("Ada", "Lovelace", null,
                        "12a4", "12a4", null, null, null))));
        assertEquals(RegistrationRefusedException.Field.PIN, badPin.field());
        assertNull(userByEmail(kind, a("ada")));

        User user = registrations(kind, r -> r.register(token, new RegistrationForm(" Ada ", "Byron", "408 882 5830",
                "2468", "2468", "", "", "Europe/London")));

        User stored = userByEmail(kind, a("ada"));
        assertEquals(user.getId(), stored.getId());
        assertEquals(w.org.getId(), stored.getOrganization().getId());
        assertEquals("Ada", stored.getFirstName());
        assertEquals("Byron", stored.getLastName());
        assertEquals("(408) 882-5830", stored.getCellPhone());
        assertEquals("Europe/London", stored.getTimeZone());
        assertEquals(String.valueOf(100_000 + stored.getId()), stored.getStaffId());
        assertTrue(hasher.matches("2468", stored.getPinHash()));
        assertFalse(stored.isPinTemporary());
        assertNull(stored.getPasswordHash(), "a password is optional for users");
        assertFalse(stored.isOrgAdmin());
        UserInvitation registered = invitationsOf(kind, w.org).get(0);
        assertEquals(UserInvitationStatus.REGISTERED, registered.getStatus());
        assertEquals(stored.getId(), registered.getRegisteredUser().getId());
        AuditEvent audit = databases.get(kind).transaction(em -> em.createQuery("select e from AuditEvent e"
                + " where e.action = :action and e.organization.id = :org", AuditEvent.class)
                .setParameter("action", AuditAction.USER_REGISTERED.code()).setParameter("org", w.org.getId())
                .getSingleResult());
        assertEquals(stored.getId(), audit.getActor().getId(), "the new user registered themselves");
        // The number's own digits, not "408" alone: the test's random e-mail domain may contain that.
        for (String written : List.of("882-5830", "882 5830", "8825830")) {
            assertFalse(audit.getDetails().contains(written), "the private number is never recorded");
        }

        assertEquals(RegistrationLink.USED, registrations(kind, r -> r.open(token)).link());
        assertThrows(UnusableRegistrationLinkException.class, () -> register(kind, token, "", ""));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAdministratorInvitationNeedsAPasswordAndMakesTheOrganizationsAdministrator(TestDatabase.Kind kind) {
        World w = world(kind);
        signedIn = null;
        InvitationBatch batch = invitations(kind, s -> s.invite(w.org, List.of(
                new Invitee(a("owner"), "Olive", "Owner")), true));
        UserInvitation invitation = invitationsOf(kind, w.org).get(0);
        assertTrue(invitation.isAdministrator());
        assertNull(invitation.getInvitedBy(), "nobody signed in: the system invites");
        assertEquals(List.of(invitation.getId()), batch.invitationIds());
        OutboundMail mail = mailOf(kind, invitation);
        assertEquals("Set up " + w.org.getName() + " on Carebridge", mail.getSubject());
        String token = token(mail.message().text());

        RegistrationRefusedException noPassword = assertThrows(RegistrationRefusedException.class,
                () -> register(kind, token, "", ""));
        assertEquals(RegistrationRefusedException.Field.PASSWORD, noPassword.field());
        assertEquals(RegistrationRefusedException.Field.PASSWORD, assertThrows(RegistrationRefusedException.class,
                () -> register(kind, token, "short", "short")).field());
        assertEquals(RegistrationRefusedException.Field.PASSWORD_CONFIRMATION,
                assertThrows(RegistrationRefusedException.class,
                        () -> register(kind, token, "Long-enough-1", "Long-enough-2")).field());

        register(kind, token, "Long-enough-1", "Long-enough-1");
        User owner = userByEmail(kind, a("owner"));
        assertTrue(owner.isOrgAdmin());
        assertTrue(owner.mayUseConsole());
        assertTrue(hasher.matches("Long-enough-1", owner.getPasswordHash()));
        assertEquals(CHICAGO.getId(), owner.getTimeZone(), "without a choice, the organization's time zone");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void expiredLinksAndAddressesRegisteredMeanwhileAreRefused(TestDatabase.Kind kind) {
        World w = world(kind);
        invitations(kind, s -> s.invite(w.org, List.of(Invitee.of(a("ada")), Invitee.of(a("bob"))),
                false));
        List<UserInvitation> stored = invitationsOf(kind, w.org);
        String ada = token(mailOf(kind, byEmail(stored, a("ada"))).message().text());
        String bob = token(mailOf(kind, byEmail(stored, a("bob"))).message().text());

        // Bob joins another organization through its own invitation first.
        invitations(kind, s -> s.invite(w.other, List.of(Invitee.of(a("bob"))), false));
        String bobElsewhere = token(mailOf(kind, invitationsOf(kind, w.other).get(0)).message().text());
        register(kind, bobElsewhere, "", "");
        assertEquals(RegistrationLink.ADDRESS_TAKEN, registrations(kind, r -> r.open(bob)).link());
        assertEquals(RegistrationLink.ADDRESS_TAKEN, assertThrows(UnusableRegistrationLinkException.class,
                () -> register(kind, bob, "", "")).link());

        clock.advance(UserInvitation.LIFETIME);
        assertEquals(RegistrationLink.EXPIRED, registrations(kind, r -> r.open(ada)).link());
        assertEquals(UserInvitationStatus.PENDING, byEmail(invitationsOf(kind, w.org), a("ada")).getStatus(),
                "opening an expired link records nothing");
        assertEquals(RegistrationLink.UNKNOWN, registrations(kind, r -> r.open("no-such-token")).link());
        assertEquals(RegistrationLink.UNKNOWN, registrations(kind, r -> r.open(null)).link());
    }

    // --- a new profile for an imported (badge) user ----------------------------------------

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvitationSentForAnImportedUserLinksTheProfileRegisteredWithIt(TestDatabase.Kind kind) {
        World w = world(kind);
        User badge = importedUser(kind, w.org, "Ada", "Lovelace");
        UserInvitation sent = linking(kind, l -> l.inviteToLink(badge, a("ada"), "Ada", "Lovelace"));
        assertEquals(List.of(sent.getId()), idsOf(linking(kind, l -> l.pendingInvitations(badge))));
        assertEquals("Ada", sent.getFirstName());
        assertTrue(auditActions(kind, w.org).contains(AuditAction.LINK_INVITED.code()));
        InvitationRefusedException second = assertThrows(InvitationRefusedException.class,
                () -> linking(kind, l -> l.inviteToLink(badge, a("bob"), null, null)));
        assertTrue(second.getMessage().contains(a("ada")), second.getMessage());
        UserInvitation again = linking(kind, l -> l.inviteToLink(badge, a("ada"), "Ada", "Lovelace"));
        assertEquals(sent.getId(), again.getId(), "the same address: the open invitation is sent again");

        clock.advance(Duration.ofHours(2));
        User ada = registrations(kind, r -> r.register(token(mailOf(kind, again).message().text()),
                new RegistrationForm("Ada", "Lovelace", null, "1357", "1357", "", "", null)));
        User linked = databases.get(kind).transaction(em -> em.find(User.class, badge.getId()));
        assertEquals(ada.getId(), linked.getLinkedUser().getId(), "linked as the invitee registered");
        assertEquals(List.of(badge.getId()), databases.get(kind).transaction(em -> em.createNamedQuery(User.LINKED_TO,
                User.class).setParameter("userId", ada.getId()).getResultList()).stream().map(User::getId).toList(),
                "the new profile's Linked accounts");
        assertEquals(List.of(), linking(kind, l -> l.pendingInvitations(badge)));
        AuditEvent link = auditEvents(kind, w.org, AuditAction.USER_LINKED).get(0);
        assertEquals(ada.getId(), link.getActor().getId());
        assertTrue(link.getDetails().contains(ada.getSortName()), link.getDetails());
        String registered = auditEvents(kind, w.org, AuditAction.USER_REGISTERED).get(0).getDetails();
        assertTrue(registered.contains("linked to imported user " + badge.getStaffId()), registered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDeletedOrExpiredInvitationTakesItsPendingLinkWithIt(TestDatabase.Kind kind) {
        World w = world(kind);
        User badge = importedUser(kind, w.org, "Bob", "Baker");
        UserInvitation deleted = linking(kind, l -> l.inviteToLink(badge, a("bob"), null, null));
        invitations(kind, s -> s.delete(List.of(deleted.getId())));
        assertNull(databases.get(kind).transaction(em -> em.find(UserInvitation.class, deleted.getId()))
                .getLinkExternalUser());
        assertEquals(List.of(), linking(kind, l -> l.pendingInvitations(badge)));

        UserInvitation expiring = linking(kind, l -> l.inviteToLink(badge, a("robert"), null, null));
        clock.advance(UserInvitation.LIFETIME.plusMinutes(1));
        assertEquals(List.of(), linking(kind, l -> l.pendingInvitations(badge)), "an expired invitation links nothing");
        assertThrows(UnusableRegistrationLinkException.class, () -> register(kind,
                token(mailOf(kind, expiring).message().text()), "", ""));
        UserInvitation fresh = linking(kind, l -> l.inviteToLink(badge, a("bobby"), null, null));
        assertEquals(List.of(fresh.getId()), idsOf(linking(kind, l -> l.pendingInvitations(badge))),
                "another address may be invited once the first is gone");
        assertNull(databases.get(kind).transaction(em -> em.find(User.class, badge.getId())).getLinkedUser());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRegistrationStandsWhenTheImportedUserWasLinkedMeanwhile(TestDatabase.Kind kind) {
        World w = world(kind);
        User badge = importedUser(kind, w.org, "Cy", "Cole");
        UserInvitation sent = linking(kind, l -> l.inviteToLink(badge, a("cy"), null, null));
        User existing = user(kind, w.org, "cyrus", false);
        linking(kind, l -> l.link(badge, existing.getId()));

        User cy = registrations(kind, r -> r.register(token(mailOf(kind, sent).message().text()),
                new RegistrationForm("Cy", "Cole", null, "1357", "1357", "", "", null)));
        assertNotNull(cy.getId());
        assertEquals(existing.getId(), databases.get(kind).transaction(em -> em.find(User.class, badge.getId()))
                .getLinkedUser().getId(), "the earlier link stays");
        String registered = auditEvents(kind, w.org, AuditAction.USER_REGISTERED).get(0).getDetails();
        assertTrue(registered.contains("not linked to imported user " + badge.getStaffId()), registered);
        assertTrue(registered.contains("already linked"), registered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aProfileCreatedByHandIsLinkedOnSaveAndOnlyForAnImportedUserOfTheSameOrganization(TestDatabase.Kind kind) {
        World w = world(kind);
        User badge = importedUser(kind, w.org, "Dee", "Dunn");
        User stranger = importedUser(kind, w.other, "Sal", "Stone");
        assertThrows(NotInScopeException.class, () -> linking(kind, l -> l.createLinkedProfile(stranger, w.org,
                profile("Sal", "Stone", a("sal")))));
        assertNull(userByEmail(kind, a("sal")), "nothing was created");

        User dee = linking(kind, l -> l.createLinkedProfile(badge, w.org, profile("Dee", "Dunn", a("dee"))));
        assertEquals(dee.getId(), databases.get(kind).transaction(em -> em.find(User.class, badge.getId()))
                .getLinkedUser().getId());
        assertTrue(auditActions(kind, w.org).containsAll(List.of(AuditAction.USER_CREATED.code(),
                AuditAction.USER_LINKED.code())));
        assertThrows(IllegalArgumentException.class, () -> linking(kind, l -> l.createLinkedProfile(badge, w.org,
                profile("Dee", "Two", a("dee2")))), "already linked");
        assertNull(userByEmail(kind, a("dee2")), "a profile is created only together with its link");
        assertThrows(IllegalArgumentException.class, () -> linking(kind, l -> l.inviteToLink(badge, a("dee3"), null,
                null)), "already linked");
    }

    private User importedUser(TestDatabase.Kind kind, Organization org, String first, String last) {
        return databases.get(kind).transaction(em -> {
            User u = User.externalUser(em.find(Organization.class, org.getId()), "vs-" + UUID.randomUUID(), first,
                    last, CHICAGO, START);
            em.persist(u);
            u.assignStaffId();
            return u;
        });
    }

    private static ProfileForm profile(String first, String last, String email) {
        ProfileForm form = ProfileForm.blank(CHICAGO);
        form.setFirstName(first);
        form.setLastName(last);
        form.setEmail(email);
        form.setPin("2468");
        return form;
    }

    private static List<Long> idsOf(List<UserInvitation> invitations) {
        return invitations.stream().map(UserInvitation::getId).toList();
    }

    private List<AuditEvent> auditEvents(TestDatabase.Kind kind, Organization org, AuditAction action) {
        return databases.get(kind).transaction(em -> {
            List<AuditEvent> events = em.createQuery("select e from AuditEvent e where e.organization.id = :org"
                    + " and e.action = :action order by e.id desc", AuditEvent.class).setParameter("org", org.getId())
                    .setParameter("action", action.code()).getResultList();
            events.forEach(e -> {
                if (e.getActor() != null) {
                    e.getActor().getId();
                }
            });
            return events;
        });
    }

    private <T> T linking(TestDatabase.Kind kind, Function<ImportedUsers, T> work) {
        return databases.get(kind).transaction(em -> {
            try {
                return work.apply(importedUsersOn(em));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ImportedUsers importedUsersOn(EntityManager em) throws ReflectiveOperationException {
        ImportedUsers imported = new ImportedUsers();
        set(imported, "em", em);
        set(imported, "clock", clock);
        set(imported, "audit", audit(em));
        set(imported, "directoryClock", DirectoryClock.over(em));
        set(imported, "invitations", invitationsOn(em));
        UserService users = new UserService();
        set(users, "em", em);
        set(users, "clock", clock);
        set(users, "hasher", hasher);
        set(users, "admin", new SignedIn(em));
        set(users, "audit", audit(em));
        set(users, "directoryClock", DirectoryClock.over(em));
        set(imported, "users", users);
        return imported;
    }

    // --- arranging -------------------------------------------------------------------------

    private record World(Organization org, User admin, Organization other, User otherAdmin) {
    }

    /** Registered addresses are unique across Carebridge, so each test invites addresses of its own. */
    private String domain;

    private String a(String name) {
        return name.toLowerCase() + "@" + domain;
    }

    private World world(TestDatabase.Kind kind) {
        clock.now = START;
        domain = UUID.randomUUID().toString().substring(0, 8) + ".example";
        Organization org = organization(kind, "Abelard Medical Center");
        User admin = user(kind, org, "grace", true);
        Organization other = organization(kind, "St Nicholas Pediatrics");
        User otherAdmin = user(kind, other, "miles", true);
        signedIn = admin;
        return new World(org, admin, other, otherAdmin);
    }

    private <T> T invitations(TestDatabase.Kind kind, Function<UserInvitations, T> work) {
        return databases.get(kind).transaction(em -> {
            try {
                return work.apply(invitationsOn(em));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private <T> T registrations(TestDatabase.Kind kind, Function<Registrations, T> work) {
        return databases.get(kind).transaction(em -> {
            Registrations r = new Registrations();
            r.em = em;
            r.clock = clock;
            r.hasher = hasher;
            try {
                r.audit = audit(em);
                r.importedUsers = importedUsersOn(em);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return work.apply(r);
        });
    }

    private void register(TestDatabase.Kind kind, String token, String password, String confirmation) {
        registrations(kind, r -> r.register(token, new RegistrationForm("Ada", "Lovelace", null, "1357", "1357",
                password, confirmation, null)));
    }

    private UserInvitations invitationsOn(EntityManager em) throws ReflectiveOperationException {
        UserInvitations s = new UserInvitations();
        s.em = em;
        s.clock = clock;
        SignedIn admin = new SignedIn(em);
        s.admin = admin;
        AdminScope scope = new AdminScope();
        set(scope, "admin", admin);
        set(scope, "em", em);
        s.scope = scope;
        Outbox outbox = new Outbox();
        set(outbox, "em", em);
        set(outbox, "clock", clock);
        set(outbox, "queued", new org.carebridge.RecordingEvent<>());
        s.outbox = outbox;
        PublicLinks links = new PublicLinks();
        set(links, "baseUrl", "https://carebridge.example/");
        s.links = links;
        s.audit = audit(em);
        GroupService groups = new GroupService();
        set(groups, "em", em);
        set(groups, "clock", clock);
        set(groups, "audit", s.audit);
        s.groups = groups;
        return s;
    }

    private AuditTrail audit(EntityManager em) throws ReflectiveOperationException {
        AuditTrail audit = new AuditTrail();
        set(audit, "em", em);
        set(audit, "clock", clock);
        set(audit, "admin", new SignedIn(em));
        return audit;
    }

    private Organization organization(TestDatabase.Kind kind, String name) {
        return databases.get(kind).transaction(em -> {
            Organization o = new Organization(OrganizationKind.HOSPITAL, name + " " + UUID.randomUUID(),
                    PhoneNumber.parse("(408) 882-5830"), CHICAGO, START);
            em.persist(o);
            return o;
        });
    }

    private User user(TestDatabase.Kind kind, Organization org, String first, boolean admin) {
        return databases.get(kind).transaction(em -> {
            User u = User.nativeUser(em.find(Organization.class, org.getId()),
                    first + "." + UUID.randomUUID().toString().substring(0, 8) + "@invitations.test",
                    first.substring(0, 1).toUpperCase() + first.substring(1), "Admin", CHICAGO, START);
            u.grantOrganizationAdmin(admin);
            em.persist(u);
            u.assignStaffId();
            return u;
        });
    }

    private List<UserInvitation> invitationsOf(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> {
            List<UserInvitation> all = em.createQuery("select i from UserInvitation i where i.organization.id = :org"
                    + " and i.deletedAt is null order by i.id", UserInvitation.class)
                    .setParameter("org", org.getId()).getResultList();
            all.forEach(i -> {
                if (i.getInvitedBy() != null) {
                    i.getInvitedBy().getId();
                }
                if (i.getRegisteredUser() != null) {
                    i.getRegisteredUser().getId();
                }
            });
            return all;
        });
    }

    private static UserInvitation byEmail(List<UserInvitation> invitations, String email) {
        return invitations.stream().filter(i -> i.getEmail().equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("No invitation for " + email));
    }

    private OutboundMail mailOf(TestDatabase.Kind kind, UserInvitation invitation) {
        OutboundMail mail = databases.get(kind).transaction(em -> em.find(OutboundMail.class,
                invitation.getOutboundMail().getId()));
        assertNotNull(mail);
        return mail;
    }

    private long mailCount(TestDatabase.Kind kind) {
        return databases.get(kind).transaction(em -> em.createQuery("select count(m) from OutboundMail m", Long.class)
                .getSingleResult());
    }

    private List<ContactGroup> groupsOf(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> {
            List<ContactGroup> groups = em.createNamedQuery(ContactGroup.OF_ORGANIZATION, ContactGroup.class)
                    .setParameter("organizationId", org.getId()).getResultList();
            groups.forEach(g -> g.getMembers().size());
            return groups;
        });
    }

    private List<String> listed(TestDatabase.Kind kind, Organization org, InvitationFilter filter) {
        return invitations(kind, s -> s.search(org, filter, 0, 50)).stream().map(InvitationRow::email).sorted().toList();
    }

    private List<String> auditActions(TestDatabase.Kind kind, Organization org) {
        return databases.get(kind).transaction(em -> em.createQuery("select e.action from AuditEvent e"
                + " where e.organization.id = :org order by e.id", String.class)
                .setParameter("org", org.getId()).getResultList());
    }

    private User userByEmail(TestDatabase.Kind kind, String email) {
        return databases.get(kind).transaction(em -> em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email).getResultList().stream().findFirst().orElse(null));
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** Who is signed in: the one thing of the console session the services read. */
    private final class SignedIn extends CurrentAdmin {
        private final EntityManager em;

        SignedIn(EntityManager em) {
            this.em = em;
        }

        @Override
        public boolean isSignedIn() {
            return signedIn != null;
        }

        @Override
        public User user() {
            if (signedIn == null) {
                throw new NotInScopeException("Not signed in");
            }
            return em.find(User.class, signedIn.getId());
        }

        @Override
        public Long userId() {
            return signedIn == null ? null : signedIn.getId();
        }

        @Override
        public Organization organization() {
            return user().getOrganization();
        }

        @Override
        public boolean isSystemAdmin() {
            return false;
        }
    }
}
