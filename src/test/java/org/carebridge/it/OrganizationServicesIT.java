package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.carebridge.access.PasswordService;
import org.carebridge.audit.AuditAction;
import org.carebridge.audit.AuditFilter;
import org.carebridge.audit.AuditLine;
import org.carebridge.audit.AuditQueries;
import org.carebridge.audit.AuditTrail;
import org.carebridge.system.HospitalOnboarding;
import org.carebridge.mail.MailMessage;
import org.carebridge.mail.Outbox;
import org.carebridge.organization.DuplicateNameException;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.OrganizationService;
import org.carebridge.organization.OrganizationSettings;
import org.carebridge.organization.PhoneNumber;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Organization and access services inside the container, on PostgreSQL, through their real
 * transactions: voice-number assignment, unique names, link checks, the outbox's transaction
 * rule.
 */
@ExtendWith(ArquillianExtension.class)
class OrganizationServicesIT {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Deployment
    static WebArchive deployment() {
        return Deployments.carebridge().addClass(OrganizationServicesIT.class);
    }

    @Inject
    OrganizationService organizations;

    @Inject
    PasswordService passwords;

    @Inject
    Outbox outbox;

    @Inject
    HospitalOnboarding onboarding;

    @Inject
    AuditTrail audit;

    @Inject
    AuditQueries auditQueries;

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static OrganizationSettings withOffice(Organization org, String office) {
        OrganizationSettings current = OrganizationSettings.of(org);
        return new OrganizationSettings(current.name(), PhoneNumber.parse(office), current.timeZone(),
                current.wholeOrganizationMessaging(), current.nonUserMessaging(), current.messageExpirationMinutes(),
                current.retention(), current.prioritySoundSeconds());
    }

    @Test
    void voiceNumberFollowsTheOfficeAreaCodeOnceAndStays() {
        Organization org = organizations.create(OrganizationKind.PRACTICE, unique("Toll Free Practice"),
                PhoneNumber.parse("(877) 555-0101"), ZONE);
        assertNull(org.getVoiceNumber(), "toll-free office numbers get no voice number");

        Organization regular = organizations.update(org, withOffice(org, "(971) 555-0123"));
        assertTrue(regular.getVoiceNumber().startsWith("(971) 555-01"), regular.getVoiceNumber());

        Organization backToTollFree = organizations.update(regular, withOffice(regular, "(866) 555-0199"));
        assertEquals(regular.getVoiceNumber(), backToTollFree.getVoiceNumber());
        assertEquals("(866) 555-0199", backToTollFree.getOfficeNumber());
    }

    @Test
    void everyOrganizationGetsItsOwnVoiceNumber() {
        Organization first = organizations.create(OrganizationKind.HOSPITAL, unique("First"),
                PhoneNumber.parse("(505) 555-0100"), ZONE);
        Organization second = organizations.create(OrganizationKind.HOSPITAL, unique("Second"),
                PhoneNumber.parse("(505) 555-0111"), ZONE);
        assertTrue(first.getVoiceNumber().startsWith("(505)"));
        assertNotEquals(first.getVoiceNumber(), second.getVoiceNumber());
    }

    @Test
    void namesAreUniqueWhateverTheirCase() {
        String name = unique("Unique Hospital");
        organizations.create(OrganizationKind.HOSPITAL, name, PhoneNumber.parse("(505) 555-0188"), ZONE);
        assertThrows(DuplicateNameException.class, () -> organizations.create(OrganizationKind.PRACTICE,
                "  " + name.toUpperCase() + " ", PhoneNumber.parse("(505) 555-0189"), ZONE));
        Organization other = organizations.create(OrganizationKind.PRACTICE, unique("Other"),
                PhoneNumber.parse("(505) 555-0190"), ZONE);
        OrganizationSettings rename = OrganizationSettings.of(other);
        assertThrows(DuplicateNameException.class, () -> organizations.update(other,
                new OrganizationSettings(name.toLowerCase(), rename.officeNumber(), rename.timeZone(),
                        rename.wholeOrganizationMessaging(), rename.nonUserMessaging(),
                        rename.messageExpirationMinutes(), rename.retention(), rename.prioritySoundSeconds())));
    }

    @Test
    void unknownPasswordLinksAreUnusable() {
        assertEquals(PasswordService.TokenCheck.UNUSABLE, passwords.check("no-such-token"));
        assertEquals(PasswordService.TokenCheck.UNUSABLE, passwords.check(null));
        assertThrows(PasswordService.UnusableTokenException.class,
                () -> passwords.setPassword("no-such-token", "Long-Enough-1", "Long-Enough-1"));
        assertThrows(IllegalArgumentException.class,
                () -> passwords.setPassword("no-such-token", "short", "short"));
    }

    @Test
    void aNewHospitalAndItsFirstAdministratorAreInItsAuditTrail() {
        String email = "first.admin." + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
        Organization hospital = onboarding.createHospital(new HospitalOnboarding.NewHospital(unique("Audited Hospital"),
                PhoneNumber.parse("(877) 555-0142"), ZONE, "Jane", "Doe", email));
        List<AuditLine> lines = auditQueries.page(AuditFilter.all(hospital.getId()), 0, 10);
        assertEquals(List.of(AuditAction.USER_CREATED.code(), AuditAction.ORGANIZATION_CREATED.code()),
                lines.stream().map(AuditLine::action).toList());
        assertTrue(lines.get(0).details().contains("E-mail: \"" + email + "\""), lines.get(0).details());
        assertTrue(lines.get(1).details().startsWith("Type: \"Hospital\"; Name: \"" + hospital.getName() + "\""),
                lines.get(1).details());
        assertEquals("System", lines.get(1).actorLabel(), "no administrator is signed in here");
    }

    @Test
    void auditLinesAreOnlyWrittenInsideTheTransactionOfTheChange() {
        assertThrows(TransactionalException.class,
                () -> audit.record(null, AuditAction.ORGANIZATION_UPDATED, null, "outside any transaction"));
    }

    @Test
    void mailIsOnlyQueuedInsideTheTransactionOfTheChangeThatCausesIt() {
        assertThrows(TransactionalException.class,
                () -> outbox.enqueue(new MailMessage("someone@it.test", "Subject", "Text", null)));
    }
}
