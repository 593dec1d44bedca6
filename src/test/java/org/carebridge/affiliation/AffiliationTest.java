package org.carebridge.affiliation;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.practice;
import static org.carebridge.TestEntities.withId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.organization.PhoneNumber;
import org.junit.jupiter.api.Test;

class AffiliationTest {

    private final Organization hospital = hospital(5);
    private final Organization practice = practice(9);
    private final ContactGroup picu = withId(new ContactGroup(hospital, "PICU", NOW), 100);
    private final ContactGroup birthing = withId(new ContactGroup(hospital, "Birthing Center", NOW), 101);
    private final ContactGroup frontDesk = withId(new ContactGroup(practice, "Front Desk", NOW), 102);

    @Test
    void storesThePairLowerIdFirstWhateverTheOrder() {
        Affiliation affiliation = new Affiliation(practice, hospital, NOW);
        assertSame(hospital, affiliation.getOrganizationLow());
        assertSame(practice, affiliation.getOrganizationHigh());
        assertTrue(affiliation.isActive());
        assertEquals(NOW, affiliation.getStartedAt());
    }

    @Test
    void refusesAnOrganizationWithItselfOrUnsavedOnes() {
        assertThrows(IllegalArgumentException.class, () -> new Affiliation(hospital, hospital(5), NOW));
        Organization unsaved = new Organization(OrganizationKind.PRACTICE, "New", PhoneNumber.parse("(408) 882-5830"),
                ZoneId.of("UTC"), NOW);
        assertThrows(IllegalStateException.class, () -> new Affiliation(hospital, unsaved, NOW));
    }

    @Test
    void bothSidesStartWithTheWholeOrganization() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(hospital));
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(practice(9)));
        assertTrue(affiliation.groupsOf(hospital).isEmpty());
    }

    @Test
    void otherSideWorksFromEitherSide() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        assertSame(practice, affiliation.otherSide(hospital(5)));
        assertSame(hospital, affiliation.otherSide(practice));
        assertTrue(affiliation.involves(practice));
        assertFalse(affiliation.involves(hospital(7)));
    }

    @Test
    void anOrganizationOutsideThePairIsRefused() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        Organization stranger = hospital(7);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> affiliation.permissionOf(stranger));
        assertEquals("Hospital 7 is not part of this affiliation.", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> affiliation.otherSide(stranger));
        assertThrows(IllegalArgumentException.class,
                () -> affiliation.setPermission(stranger, AssociationPermission.NONE, null));
    }

    @Test
    void eachSideChoosesItsOwnGroups() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(picu, birthing, picu));
        affiliation.setPermission(practice, AssociationPermission.NONE, List.of());

        assertEquals(AssociationPermission.GROUPS, affiliation.permissionOf(hospital));
        assertEquals(List.of(picu, birthing), affiliation.groupsOf(hospital), "duplicates are dropped");
        assertEquals(AssociationPermission.NONE, affiliation.permissionOf(practice));
        assertTrue(affiliation.groupsOf(practice).isEmpty());
    }

    @Test
    void changingOneSidesGroupsLeavesTheOtherSideAlone() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(picu));
        affiliation.setPermission(practice, AssociationPermission.GROUPS, List.of(frontDesk));
        affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(birthing));

        assertEquals(List.of(birthing), affiliation.groupsOf(hospital));
        assertEquals(List.of(frontDesk), affiliation.groupsOf(practice));

        affiliation.setPermission(hospital, AssociationPermission.WHOLE_ORGANIZATION, null);
        assertTrue(affiliation.groupsOf(hospital).isEmpty());
        assertEquals(List.of(frontDesk), affiliation.groupsOf(practice));
    }

    @Test
    void groupsMustBelongToTheSideAndComeOnlyWithTheGroupsPermission() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        IllegalArgumentException otherSides = assertThrows(IllegalArgumentException.class,
                () -> affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(picu, frontDesk)));
        assertEquals("The group Front Desk is not a group of Hospital 5.", otherSides.getMessage());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(hospital), "nothing changed");

        assertThrows(IllegalArgumentException.class,
                () -> affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> affiliation.setPermission(hospital, AssociationPermission.NONE, List.of(picu)));
    }

    @Test
    void endingIsPermanentUntilRestarted() {
        Affiliation affiliation = new Affiliation(hospital, practice, NOW);
        affiliation.setPermission(hospital, AssociationPermission.GROUPS, List.of(picu));
        affiliation.end(NOW.plusSeconds(60));

        assertFalse(affiliation.isActive());
        assertEquals(AffiliationState.ENDED, affiliation.getState());
        assertEquals(NOW.plusSeconds(60), affiliation.getEndedAt());
        assertTrue(affiliation.groupsOf(hospital).isEmpty());
        assertThrows(IllegalStateException.class,
                () -> affiliation.setPermission(hospital, AssociationPermission.NONE, null));

        affiliation.end(NOW.plusSeconds(90));
        assertEquals(NOW.plusSeconds(60), affiliation.getEndedAt(), "ending twice keeps the first end");

        affiliation.restart(NOW.plusSeconds(120));
        assertTrue(affiliation.isActive());
        assertNull(affiliation.getEndedAt());
        assertEquals(NOW.plusSeconds(120), affiliation.getStartedAt());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, affiliation.permissionOf(hospital));
        assertThrows(IllegalStateException.class, () -> affiliation.restart(NOW.plusSeconds(130)));
    }
}
