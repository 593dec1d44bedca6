package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.mail.internet.MimeMessage;

import org.carebridge.device.Device;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.LoginState;
import org.carebridge.user.StaffType;
import org.carebridge.user.User;
import org.carebridge.user.UserProfileImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The Users pages in headless Chromium against the real WAR on Payara Micro and PostgreSQL:
 * Find Users, Create User Profile, Update User Profile (fields, Convert to, PIN, unlock, picture,
 * devices, groups), the mailed PIN reset, and other organizations' ids refused.
 */
class UsersIT extends BrowserTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private Organization hospital;
    private String adminEmail;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Abelard Medical Center"), "(408) 882-5830");
        adminEmail = ItData.uniqueEmail("admin");
        data.administrator(hospital, adminEmail, PASSWORD);
    }

    @Test
    void findUsersFiltersPagesSortsAndOpensAProfile() {
        for (int i = 0; i < 11; i++) {
            person(hospital, "Nurse" + (char) ('A' + i), "Zed", StaffType.NON_PHYSICIAN);
        }
        User miles = person(hospital, "Miles", "Davis", StaffType.PHYSICIAN);
        person(hospital, "Steve", "Blair", StaffType.PHYSICIAN);
        Organization other = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"), "(212) 555-0147");
        person(other, "Miles", "Davison", StaffType.PHYSICIAN);

        signIn();
        String manageUsers = browser.driver().findElement(By.cssSelector("#menu\\:manageUsers")).getAttribute("href");
        assertTrue(manageUsers.endsWith("/console/user/find.xhtml"), "Admin > Manage Users opens Find Users");
        browser.open("/console/user/find.xhtml");
        browser.waitForText("#resultsForm\\:results", "14 users");
        assertEquals(10, rows("#resultsForm\\:results_data").size(), "10 results per page by default");
        assertEquals(List.of("Blair, Steve", "Physician", "View"), rows("#resultsForm\\:results_data").get(0));
        browser.click("#resultsForm\\:results .ui-paginator-next");
        waitUntil(d -> rows("#resultsForm\\:results_data").size() == 4);

        browser.click("#resultsForm\\:results\\:name");
        waitUntil(d -> rows("#resultsForm\\:results_data").get(0).get(0).equals("Zed, NurseK"));

        browser.type("#search\\:lastName", "DAV");
        browser.click("#search\\:submit");
        waitUntil(d -> rows("#resultsForm\\:results_data").size() == 1);
        assertEquals(List.of("Davis, Miles", "Physician", "View"), rows("#resultsForm\\:results_data").get(0));
        browser.screenshot("console-users-find");

        browser.type("#search\\:lastName", "");
        browser.choose("#search\\:type", "Physician");
        browser.click("#search\\:submit");
        waitUntil(d -> rows("#resultsForm\\:results_data").size() == 2);

        browser.click("#resultsForm\\:results_data a.view-link");
        browser.waitForUrlContaining("/console/user/edit.xhtml?id=");
        assertEquals(miles.getLastName(), browser.value("#profile\\:lastName"), "names stay sorted Z to A");
    }

    @Test
    void createAUserThenUpdateConvertAndChangeThePin() {
        signIn();
        browser.open("/console/user/create.xhtml");
        browser.type("#profile\\:firstName", "Rose");
        browser.type("#profile\\:lastName", "Marie");
        String email = ItData.uniqueEmail("rose");
        browser.type("#profile\\:email", email.toUpperCase());
        browser.type("#profile\\:cellPhone", "408 555 0147");
        browser.type("#profile\\:pin", "12");
        browser.click("#profile\\:save");
        browser.waitForText("#profile", "The PIN must be exactly 4 digits");
        assertNull(data.userByEmail(email), "nothing stored while a field is wrong");

        browser.type("#profile\\:pin", "2468");
        browser.type("#profile\\:jobTitle", "Charge Nurse");
        browser.click("#profile\\:save");
        browser.waitForUrlContaining("/console/user/edit.xhtml?id=");
        browser.waitForText("#banner", "User Marie, Rose created.");
        User rose = data.userByEmail(email);
        assertNotNull(rose);
        assertTrue(data.verifies("2468", rose.getPinHash()));
        assertEquals("(408) 555-0147", rose.getCellPhone());
        assertEquals(rose.getStaffId(), browser.text("#staffId"));
        assertTrue(browser.text("#groupsForm\\:groups").contains(hospital.getName()));
        assertTrue(browser.text("#linkedForm\\:linked").contains("No linked accounts."));

        browser.type("#profile\\:jobTitle", "Nurse Manager");
        browser.type("#profile\\:officeStreet2", "Suite 200");
        browser.click("#profile\\:save");
        browser.waitForText("#banner", "Profile updated.");
        assertEquals("Nurse Manager", data.reload(rose).getJobTitle());
        assertEquals("Suite 200", data.reload(rose).getOfficeStreet2());

        browser.click("#profile\\:convertToPhysician");
        browser.waitFor("#profile\\:specialty");
        assertEquals(StaffType.PHYSICIAN, data.reload(rose).getStaffType());
        browser.type("#profile\\:specialty", "Cardiology");
        browser.type("#profile\\:homePageUrl", "javascript:alert(1)");
        browser.click("#profile\\:save");
        browser.waitForText("#profile", "Enter a web address starting with http:// or https://");
        browser.type("#profile\\:homePageUrl", "https://heart.example.org");
        browser.click("#profile\\:save");
        browser.waitForText("#banner", "Profile updated.");
        browser.click("#profile\\:convertToNonPhysician");
        browser.waitFor("#profile\\:noAttributes");
        browser.click("#profile\\:convertToPhysician");
        waitUntil(d -> "Cardiology".equals(browser.value("#profile\\:specialty")));
        assertEquals("https://heart.example.org", data.reload(rose).getHomePageUrl());

        browser.type("#profile\\:pin", "1357");
        browser.click("#profile\\:pinTemporary .ui-chkbox-box");
        browser.click("#profile\\:save");
        browser.waitForText("#banner", "The PIN was changed.");
        User changed = data.reload(rose);
        assertTrue(data.verifies("1357", changed.getPinHash()));
        assertTrue(changed.isPinTemporary());
        assertEquals("", browser.value("#profile\\:pin"), "a PIN is never sent back to the browser");
        assertTrue(data.mailsTo(email).isEmpty(), "changing the PIN directly notifies nobody");
        assertFalse(browser.pageText().contains("System administrator (Carebridge staff)"),
                "only system administrators see the system administrator role");
        browser.screenshot("console-users-update");
    }

    @Test
    void aLockedUserIsUnlockedOnlyWithANewPin() {
        User locked = person(hospital, "Lock", "Smith", StaffType.NON_PHYSICIAN);
        data.transaction(em -> {
            em.find(User.class, locked.getId()).changeLoginState(LoginState.LOCKED);
            return em.createNativeQuery("update app_user set failed_pin_attempts = 10 where id = " + locked.getId())
                    .executeUpdate();
        });
        signIn();
        browser.open("/console/user/edit.xhtml?id=" + locked.getId());
        browser.waitForText("#profile\\:loginState", "Invalid login hard limit reached");
        browser.choose("#profile\\:loginState", "Login Enabled");
        browser.click("#profile\\:save");
        browser.waitForText("#profile", "Enter a new PIN together with Login Enabled to unlock it.");
        assertEquals(LoginState.LOCKED, data.reload(locked).getLoginState());

        browser.type("#profile\\:pin", "8642");
        browser.click("#profile\\:save");
        browser.waitForText("#banner", "The account is unlocked");
        User unlocked = data.reload(locked);
        assertEquals(LoginState.ENABLED, unlocked.getLoginState());
        assertEquals(0, unlocked.getFailedPinAttempts());
        assertTrue(data.verifies("8642", unlocked.getPinHash()));
    }

    @Test
    void devicePictureAndGroupControls() throws IOException {
        User dee = person(hospital, "Dee", "Vice", StaffType.NON_PHYSICIAN);
        Device pixel = data.device(dee, "Pixel 9");
        data.group(hospital, "Night Shift", dee);
        signIn();
        browser.open("/console/user/edit.xhtml?id=" + dee.getId());
        browser.waitForText("#devicesForm\\:devices", Device.STATUS_PUSH_ACTIVE);
        browser.click("#devicesForm\\:devices_data a[id$=':disable']");
        browser.waitForText("#devicesForm\\:devices", Device.STATUS_PUSH_NOT_ACTIVE);
        browser.click("#devicesForm\\:devices_data a[id$=':enable']");
        browser.waitForText("#devicesForm\\:devices", Device.STATUS_PUSH_ACTIVE);
        browser.click("#devicesForm\\:devices_data a[id$=':wipe']");
        browser.click("#confirmYes");
        browser.waitForText("#devicesForm\\:devices", Device.STATUS_WIPE_REQUESTED);
        assertTrue(browser.findAll("#devicesForm\\:devices_data a[id$=':deleteInfo']").isEmpty(),
                "Delete Device Info waits for the wipe");
        data.transaction(em -> {
            em.find(Device.class, pixel.getId()).confirmWiped(Instant.now());
            return null;
        });
        browser.open("/console/user/edit.xhtml?id=" + dee.getId());
        browser.waitForText("#devicesForm\\:devices", Device.STATUS_WIPED);
        browser.click("#devicesForm\\:devices_data a[id$=':deleteInfo']");
        browser.waitForText("#devicesForm\\:devices", "No devices.");
        assertNull(data.transaction(em -> em.find(Device.class, pixel.getId())));

        Path notAnImage = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir", "target")), "fake", ".png");
        Files.writeString(notAnImage, "<html>not a picture</html>");
        upload(notAnImage);
        browser.waitForText("#imageForm", UserProfileImage.NOT_AN_IMAGE);
        assertNull(data.transaction(em -> em.find(UserProfileImage.class, dee.getId())));
        Path png = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir", "target")), "face", ".png");
        Files.write(png, PNG);
        upload(png);
        browser.waitFor("#profileImage");
        assertEquals("image/png", data.transaction(em -> em.find(UserProfileImage.class, dee.getId())).getContentType());

        browser.waitForText("#groupsForm\\:groups", "Night Shift");
        browser.click("#groupsForm\\:groups_data a[id$=':remove']");
        waitUntil(d -> !browser.text("#groupsForm\\:groups").contains("Night Shift"));
        assertTrue(browser.text("#groupsForm\\:groups").contains("Organization"));
        assertEquals(hospital.getId(), data.transaction(em -> em.find(User.class, dee.getId()).getOrganization().getId()));
    }

    @Test
    void aMailedLinkLetsTheUserChooseANewPinOnce() throws Exception {
        User pat = person(hospital, "Pat", "Pin", StaffType.NON_PHYSICIAN);
        signIn();
        browser.open("/console/user/edit.xhtml?id=" + pat.getId());
        browser.click("#profile\\:resetPin");
        browser.waitForText("#banner", "A PIN reset e-mail has been sent to the user.");
        MimeMessage mail = Mailbox.await(SMTP, pat.getEmail(), "Choose a new Carebridge PIN");
        assertTrue(Mailbox.text(mail).contains(hospital.getName()));
        String link = Mailbox.link(mail);
        assertTrue(link.contains("/pin/reset.xhtml?token="), link);

        browser.signOut();
        browser.open(link.substring(link.indexOf("/pin/")));
        browser.type("#pinReset\\:pin", "5555");
        browser.type("#pinReset\\:confirmation", "5556");
        browser.click("#pinReset\\:submit");
        browser.waitForText("#pinReset", "The two PINs do not match.");
        browser.type("#pinReset\\:pin", "5555");
        browser.type("#pinReset\\:confirmation", "5555");
        browser.click("#pinReset\\:submit");
        browser.waitFor("#pinChanged");
        User stored = data.reload(pat);
        assertTrue(data.verifies("5555", stored.getPinHash()));
        assertFalse(stored.isPinTemporary());

        browser.open(link.substring(link.indexOf("/pin/")));
        browser.waitForText("#unusable", "This link cannot be used");
        browser.open("/pin/reset.xhtml?token=made-up");
        browser.waitFor("#unusable");
    }

    @Test
    void anotherOrganizationsUsersDevicesAndPicturesAreNotFound() {
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"),
                "(212) 555-0147");
        User patty = person(practice, "Peppermint", "Patty", StaffType.PHYSICIAN);
        data.device(patty, "Patty's phone");
        data.transaction(em -> {
            em.persist(new UserProfileImage(patty.getId(), PNG, Instant.now()));
            return null;
        });
        signIn();
        for (String path : List.of("/console/user/edit.xhtml?id=" + patty.getId(), "/console/user/edit.xhtml?id=abc",
                "/console/user/edit.xhtml", "/console/user/image?id=" + patty.getId(),
                "/console/user/find.xhtml?organization=" + practice.getId(),
                "/console/user/create.xhtml?organization=" + practice.getId())) {
            browser.open(path);
            browser.waitFor("#not-found");
            assertFalse(browser.pageText().contains("Patty"), path);
            assertFalse(browser.pageText().contains(practice.getName()), path);
        }
        browser.open("/console/user/find.xhtml");
        browser.type("#search\\:lastName", "patty");
        browser.click("#search\\:submit");
        browser.waitForText("#resultsForm\\:results", "No users match.");
        browser.open("/console/organization/edit.xhtml");
        browser.waitFor("#membersForm\\:members");
        assertFalse(browser.pageText().contains("Patty's phone"));

        String sysadmin = ItData.uniqueEmail("sysadmin");
        data.systemAdministrator(hospital, sysadmin, PASSWORD);
        browser.signOut();
        browser.signIn(sysadmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/user/find.xhtml?organization=" + practice.getId());
        browser.waitForText("#resultsForm\\:results", "Patty, Peppermint");
        browser.click("#resultsForm\\:results_data a.view-link");
        browser.waitForText("#devicesForm\\:devices", "Patty's phone");
        browser.waitFor("#profileImage");
        assertTrue(browser.pageText().contains("System administrator (Carebridge staff)"));
    }

    // --- arranging data and driving widgets -----------------------------------------------------

    private void signIn() {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
    }

    private User person(Organization org, String first, String last, StaffType type) {
        return data.transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()),
                    first.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@it.test",
                    first, last, ZONE, Instant.now());
            user.convertTo(type);
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }


    private void upload(Path file) {
        WebElement input = browser.driver().findElement(By.cssSelector("#imageForm\\:image_input"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitForAjax();
    }

    private List<List<String>> rows(String tbody) {
        return browser.findAll(tbody + " tr").stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList())
                .filter(cells -> cells.size() > 1).toList();
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(NoSuchElementException.class);
        wait.ignoring(IndexOutOfBoundsException.class);
        assertNotNull(wait.until(condition));
    }
}
