package org.carebridge.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.carebridge.TestEntities;
import org.carebridge.organization.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user's own rules behind Update User Profile: Can Login and unlock, PINs, conversion, URLs. */
class UserProfileRulesTest {

    private final Organization hospital = TestEntities.hospital(1000);

    private User lockedUser() {
        User user = TestEntities.user(hospital, 1050, "jane.doe@hospital.test");
        user.changePinHash("old-hash", false);
        user.changeLoginState(LoginState.LOCKED);
        set(user, "failedPinAttempts", 10);
        set(user, "lastFailedPinAt", TestEntities.NOW);
        set(user, "nextPinAttemptAt", TestEntities.NOW.plusSeconds(180));
        return user;
    }

    @Test
    void enablingALockedAccountWithoutANewPinIsRefusedAndChangesNothing() {
        User user = lockedUser();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> user.changeCanLogin(LoginState.ENABLED, null, false));
        assertTrue(refused.getMessage().contains("Enter a new PIN"), refused.getMessage());
        assertEquals(LoginState.LOCKED, user.getLoginState());
        assertEquals(10, user.getFailedPinAttempts());
        assertEquals("old-hash", user.getPinHash());
    }

    @Test
    void enablingALockedAccountWithANewPinUnlocksItAndClearsTheFailures() {
        User user = lockedUser();
        assertTrue(user.changeCanLogin(LoginState.ENABLED, "new-hash", true));
        assertEquals(LoginState.ENABLED, user.getLoginState());
        assertEquals("new-hash", user.getPinHash());
        assertTrue(user.isPinTemporary());
        assertEquals(0, user.getFailedPinAttempts());
        assertNull(user.getLastFailedPinAt());
        assertNull(user.getNextPinAttemptAt());
    }

    @Test
    void onlyTheClientLoginLocksAnAccountAndOtherChangesNeedNoPin() {
        User user = TestEntities.user(hospital, 1051, "sam@hospital.test");
        assertThrows(IllegalArgumentException.class, () -> user.changeCanLogin(LoginState.LOCKED, null, false));
        assertFalse(user.changeCanLogin(LoginState.DISABLED, null, false));
        assertEquals(LoginState.DISABLED, user.getLoginState());
        assertFalse(user.changeCanLogin(LoginState.ENABLED, null, false));
        assertEquals(LoginState.ENABLED, user.getLoginState());
        User locked = lockedUser();
        assertFalse(locked.changeCanLogin(LoginState.LOCKED, null, false), "keeping the lock is no change");
        assertFalse(locked.changeCanLogin(LoginState.DISABLED, null, false));
        assertEquals(LoginState.DISABLED, locked.getLoginState());
    }

    @Test
    void unlockNeedsAPin() {
        User user = lockedUser();
        assertThrows(IllegalArgumentException.class, () -> user.unlock(" ", false));
        assertEquals(LoginState.LOCKED, user.getLoginState());
    }

    @Test
    void aPinChosenThroughTheMailedLinkIsPermanentAndLiftsALockButNotADisable() {
        User locked = lockedUser();
        locked.changePinHash("old-hash", true);
        locked.resetPinByLink("chosen-hash");
        assertEquals("chosen-hash", locked.getPinHash());
        assertFalse(locked.isPinTemporary());
        assertEquals(LoginState.ENABLED, locked.getLoginState());
        assertEquals(0, locked.getFailedPinAttempts());
        assertNull(locked.getNextPinAttemptAt());

        User disabled = TestEntities.user(hospital, 1052, "off@hospital.test");
        disabled.changeLoginState(LoginState.DISABLED);
        disabled.resetPinByLink("chosen-hash");
        assertEquals(LoginState.DISABLED, disabled.getLoginState());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000", "1234", "9876"})
    void aPinIsFourDigits(String pin) {
        assertNull(User.pinProblem(pin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "12345", "12a4", "١٢٣٤", " 1234", "12 4"})
    void anythingElseIsNotAPin(String pin) {
        assertTrue(User.pinProblem(pin) != null, pin);
    }

    @Test
    void convertingToNonPhysicianKeepsThePhysicianAttributesForConvertingBack() {
        User user = TestEntities.user(hospital, 1053, "doc@hospital.test");
        assertTrue(user.convertTo(StaffType.PHYSICIAN));
        user.setSpecialty("Cardiology");
        user.setHomePageUrl("https://heart.example.org/");
        assertTrue(user.convertTo(StaffType.NON_PHYSICIAN));
        assertFalse(user.isPhysician());
        assertEquals("Non-Physician", user.getUserTypeLabel());
        assertFalse(user.convertTo(StaffType.NON_PHYSICIAN), "converting to the same type changes nothing");
        assertTrue(user.convertTo(StaffType.PHYSICIAN));
        assertEquals("Cardiology", user.getSpecialty());
        assertEquals("https://heart.example.org/", user.getHomePageUrl());
    }

    @Test
    void externalUsersAreNotConverted() {
        User external = User.externalUser(hospital, "vs-1", "Badge", "User", ZoneId.of("UTC"), Instant.now());
        assertEquals("External User", external.getUserTypeLabel());
        assertThrows(IllegalStateException.class, () -> external.convertTo(StaffType.PHYSICIAN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.org", "http://example.org/dr-doe?x=1", "HTTPS://EXAMPLE.ORG"})
    void homePagesAreWebAddresses(String url) {
        assertNull(User.homePageUrlProblem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.org", "www.example.org", "https://", "http:///x",
            "mailto:doc@example.org", "https://exa mple.org"})
    void otherAddressesAreRefused(String url) {
        assertTrue(User.homePageUrlProblem(url) != null, url);
        User user = TestEntities.user(hospital, 1054, "url@hospital.test");
        assertThrows(IllegalArgumentException.class, () -> user.setHomePageUrl(url));
    }

    @Test
    void emailsNeedTheirShape() {
        assertNull(User.emailProblem(" Jane.Doe@Hospital.ORG "));
        assertTrue(User.emailProblem("jane") != null);
        assertTrue(User.emailProblem("jane@hospital") != null);
        assertTrue(User.emailProblem("ja ne@hospital.org") != null);
    }

    @Test
    void theProfileFormNamesEachProblemByField() {
        ProfileForm form = ProfileForm.blank(ZoneId.of("America/New_York"));
        form.setFirstName(" ");
        form.setLastName("Doe");
        form.setEmail("nope");
        form.setPin("12");
        form.setPassword("short");
        form.setStaffType(StaffType.PHYSICIAN);
        form.setHomePageUrl("ftp://x.org");
        form.setCellPhone("12");
        Map<String, String> problems = form.problems(true);
        assertEquals(java.util.Set.of("firstName", "email", "pin", "password", "homePageUrl", "cellPhone"),
                problems.keySet());
        form.setPin(null);
        assertTrue(form.problems(true).containsKey("pin"), "a new user needs a PIN");
        assertFalse(form.problems(false).containsKey("pin"), "on update a blank PIN keeps the current one");
    }

    private static void set(User user, String field, Object value) {
        try {
            Field f = User.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(user, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
