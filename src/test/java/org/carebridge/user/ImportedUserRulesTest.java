package org.carebridge.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.carebridge.TestEntities;
import org.carebridge.organization.Organization;
import org.junit.jupiter.api.Test;

/** The rules of imported (external) users: what an import sets, an administrator's rename, linking. */
class ImportedUserRulesTest {

    private final Organization hospital = TestEntities.hospital(1);
    private final Organization other = TestEntities.hospital(2);

    private User imported(Organization org, long id) {
        User user = TestEntities.withId(User.externalUser(org, "vs-" + id, "Ann", "Able", ZoneId.of("UTC"),
                TestEntities.NOW), id);
        user.assignStaffId();
        return user;
    }

    @Test
    void anAdministratorsRenameIsMarkedUntilTheNextImport() {
        User user = imported(hospital, 10);
        user.importedAs("Ann", null, "Able", "4085550100", "2201");
        assertFalse(user.isNamesEdited());
        user.renameImported("Annie", null, "Able");
        assertTrue(user.isNamesEdited());
        user.importedAs("Ann", null, "Able", "4085550100", "2201");
        assertFalse(user.isNamesEdited());
        assertEquals("Ann", user.getFirstName());
        assertThrows(IllegalArgumentException.class, () -> user.renameImported("Ann", null, " "), "last name required");
        User nativeUser = TestEntities.user(hospital, 11, "n@x.test");
        assertThrows(IllegalStateException.class, () -> nativeUser.renameImported("A", null, "B"));
        assertThrows(IllegalStateException.class, () -> nativeUser.importedAs("A", null, "B", null, null));
    }

    @Test
    void theBadgePhoneNumberIsTheGuestAccessNumberFollowedByTheDeskPhone() {
        User user = imported(hospital, 12);
        assertNull(user.getBadgePhoneNumber());
        user.importedAs("Ann", null, "Able", "4085550100", "2201");
        assertEquals("40855501002201", user.getBadgePhoneNumber());
        user.importedAs("Ann", null, "Able", null, "2201");
        assertEquals("2201", user.getBadgePhoneNumber());
    }

    @Test
    void anImportedUserLinksOnceToANativeProfileOfItsOwnOrganization() {
        User user = imported(hospital, 13);
        User profile = TestEntities.user(hospital, 14, "ann@x.test");
        assertThrows(IllegalArgumentException.class, () -> user.linkTo(TestEntities.user(other, 15, "o@x.test")));
        assertThrows(IllegalArgumentException.class, () -> user.linkTo(imported(hospital, 16)));
        assertThrows(IllegalStateException.class, () -> profile.linkTo(profile), "native users are not linked");
        user.linkTo(profile);
        assertSame(profile, user.getLinkedUser());
        assertThrows(IllegalArgumentException.class, () -> user.linkTo(TestEntities.user(hospital, 17, "b@x.test")));
        user.unlink();
        assertNull(user.getLinkedUser());
    }

    @Test
    void aRemovedUserGivesUpItsExternalIdAndLinkAndTakesNoFurtherChanges() {
        User user = imported(hospital, 20);
        User profile = TestEntities.user(hospital, 21, "rex@x.test");
        user.linkTo(profile);
        assertFalse(user.isRemoved());

        assertSame(profile, user.removeFromSync(TestEntities.NOW), "says whom it was linked to");
        assertTrue(user.isRemoved());
        assertEquals(TestEntities.NOW, user.getRemovedAt());
        assertNull(user.getExternalId());
        assertEquals("vs-20", user.getRemovedExternalId());
        assertNull(user.getLinkedUser());
        assertEquals("Ann Able", user.getDisplayName(), "history still names the person");
        assertFalse(user.mayUseClients());
        assertThrows(IllegalStateException.class, () -> user.removeFromSync(TestEntities.NOW), "once");
        assertThrows(IllegalStateException.class, () -> user.importedAs("Ann", null, "Able", null, null));
        assertThrows(IllegalStateException.class, () -> user.renameImported("Ann", null, "Able"));
        assertThrows(IllegalStateException.class, () -> user.linkTo(profile));
        assertThrows(IllegalStateException.class, () -> profile.removeFromSync(TestEntities.NOW),
                "native users are not removed by a sync");
        assertNull(imported(hospital, 22).removeFromSync(TestEntities.NOW), "an unlinked user was linked to nobody");
    }
}
