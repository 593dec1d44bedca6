package org.carebridge.group;

import static org.carebridge.TestEntities.NOW;
import static org.carebridge.TestEntities.hospital;
import static org.carebridge.TestEntities.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carebridge.organization.Organization;
import org.carebridge.user.User;
import org.junit.jupiter.api.Test;

class ContactGroupTest {

    private final Organization hospital = hospital(1);
    private final User nurse = user(hospital, 10, "nurse@hospital.example");

    @Test
    void namesAreTrimmedAndKeyedWithoutCase() {
        ContactGroup group = new ContactGroup(hospital, "  ED Nurses ", NOW);
        assertEquals("ED Nurses", group.getName());
        assertEquals("ed nurses", group.getNameKey());
        assertEquals(ContactGroup.nameKey("ED NURSES"), group.getNameKey());
    }

    @Test
    void refusesBlankOrLongNames() {
        assertEquals("Enter the group's name.",
                assertThrows(IllegalArgumentException.class, () -> new ContactGroup(hospital, " ", NOW)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContactGroup(hospital, "x".repeat(101), NOW));
    }

    @Test
    void nameProblemsAreWordedForTheForm() {
        assertEquals("Enter the group's name.", ContactGroup.nameProblem(null));
        assertEquals("Enter the group's name.", ContactGroup.nameProblem("   "));
        assertEquals("The group name can be at most 100 characters.", ContactGroup.nameProblem("x".repeat(101)));
        assertNull(ContactGroup.nameProblem("  " + "x".repeat(100) + "  "), "surrounding spaces do not count");
    }

    @Test
    void membersComeFromTheGroupsOwnOrganization() {
        ContactGroup group = new ContactGroup(hospital, "PICU", NOW);
        group.addMember(nurse);
        group.addMember(user(hospital, 10, "nurse@hospital.example"));
        assertEquals(1, group.getMemberCount(), "the same user (by id) is added once");
        assertTrue(group.hasMember(nurse));

        User outsider = user(hospital(2), 20, "outsider@practice.example");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> group.addMember(outsider));
        assertTrue(refused.getMessage().contains("is not a member of Hospital 1"), refused.getMessage());
    }

    @Test
    void wholeGroupMessagingNeedsMembers() {
        ContactGroup group = new ContactGroup(hospital, "PICU", NOW);
        assertThrows(IllegalArgumentException.class, () -> group.changeWholeGroupMessaging(true));
        group.changeWholeGroupMessaging(false);

        group.addMember(nurse);
        group.changeWholeGroupMessaging(true);
        assertTrue(group.isWholeGroupMessaging());
    }

    @Test
    void removingTheLastMemberSwitchesWholeGroupMessagingOff() {
        ContactGroup group = new ContactGroup(hospital, "PICU", NOW);
        User doctor = user(hospital, 11, "doctor@hospital.example");
        group.addMember(nurse);
        group.addMember(doctor);
        group.changeWholeGroupMessaging(true);

        group.removeMember(nurse);
        assertTrue(group.isWholeGroupMessaging(), "one member left");
        group.removeMember(doctor);
        assertFalse(group.isWholeGroupMessaging());
        assertEquals(0, group.getMemberCount());
    }

    @Test
    void belongsToComparesOrganizationsById() {
        ContactGroup group = new ContactGroup(hospital, "PICU", NOW);
        assertTrue(group.belongsTo(hospital(1)));
        assertFalse(group.belongsTo(hospital(2)));
    }
}
