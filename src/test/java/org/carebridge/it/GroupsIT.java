package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Contacts groups in the console, in headless Chromium against the real WAR on Payara Micro
 * and PostgreSQL: the Sub groups section of Update Organization, Create Group, Update Group
 * with its Add… dialog and Remove Selected, unique names, and tenant isolation.
 */
class GroupsIT extends BrowserTestSupport {

    private static final String PASSWORD = "Correct-Horse-9";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private Organization hospital;
    private String adminEmail;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Abelard Medical Center"), "(408) 882-5830");
        adminEmail = ItData.uniqueEmail("admin");
        data.administrator(hospital, adminEmail, PASSWORD);
    }

    @Test
    void createAGroupThenAddMembersThroughTheSearchableDialogAndRemoveOne() {
        User charlie = person(hospital, "Charlie", "Brown");
        User sally = person(hospital, "Sally", "Brown");
        User miles = person(hospital, "Miles", "Davis");
        person(hospital, "Lucy", "Van Pelt");

        signIn();
        browser.waitForText("#subgroups", "Sub groups");
        browser.waitForText("#subgroupsForm\\:groups", "No groups match.");
        browser.click("#subgroupsForm\\:createGroup");
        browser.waitForUrlContaining("/console/group/create.xhtml");
        assertTrue(disabled("#create\\:wholeGroup_input"), "a new group has no members to write to");
        browser.type("#create\\:name", "Physical Therapy");
        browser.click("#create\\:save");

        browser.waitForUrlContaining("/console/group/edit.xhtml?id=");
        browser.waitForText("#banner", "Group Physical Therapy created.");
        assertEquals("Physical Therapy", browser.text("#crumbGroup"));
        browser.waitForText("#membersForm\\:members", "Members (0)");
        assertTrue(disabled("#details\\:wholeGroup_input"), "whole-group messaging waits for members");
        ContactGroup group = groupNamed(hospital, "Physical Therapy");

        browser.click("#membersForm\\:add");
        browser.waitFor("#addDialog");
        filterCandidates("BROWN");
        assertEquals(List.of("Brown, Charlie (" + charlie.getEmail() + ")", "Brown, Sally (" + sally.getEmail() + ")"),
                visibleCandidates());
        tickCandidate("Brown, Charlie");
        tickCandidate("Brown, Sally");
        filterCandidates("dav");
        assertEquals(List.of("Davis, Miles (" + miles.getEmail() + ")"), visibleCandidates());
        tickCandidate("Davis, Miles");
        browser.screenshot("console-groups-add-members");
        browser.click("#add\\:ok");

        browser.waitForText("#membersForm\\:members", "Members (3)");
        browser.waitForText("#banner", "3 members added to the group.");
        assertEquals(List.of("Brown, Charlie", "Brown, Sally", "Davis, Miles"), memberNames(group));
        assertTrue(browser.text("#membersForm\\:members").contains("Available"), "members are listed with status");
        waitUntilEnabled("#details\\:wholeGroup_input");

        tickMember("Brown, Sally");
        browser.click("#membersForm\\:removeSelected");
        browser.waitForText("#confirmRemove", "They stay members of the organization.");
        browser.click("#confirmYes");
        browser.waitForText("#membersForm\\:members", "Members (2)");
        waitUntilNoModalMask();
        assertEquals(List.of("Brown, Charlie", "Davis, Miles"), memberNames(group));
        assertEquals(hospital.getId(), organizationOf(sally).getId(), "Sally stays in the organization");

        browser.click("#details\\:wholeGroup .ui-chkbox-box");
        browser.click("#details\\:save");
        browser.waitForText("#banner", "Group updated.");
        assertTrue(reload(group).isWholeGroupMessaging());
        browser.screenshot("console-groups-update-group");

        browser.click("#crumb-organization");
        browser.waitForText("#subgroupsForm\\:groups", "Physical Therapy");
        assertEquals(List.of(List.of("Physical Therapy", "2", "Edit")), subgroupRows());
    }

    @Test
    void removingTheLastMembersSwitchesWholeGroupMessagingOff() {
        User rose = person(hospital, "Rose", "Marie");
        ContactGroup group = group(hospital, "Night Shift", true, rose);
        signIn();
        browser.open("/console/group/edit.xhtml?id=" + group.getId());
        browser.waitForText("#membersForm\\:members", "Members (1)");
        tickMember("Marie, Rose");
        browser.click("#membersForm\\:removeSelected");
        browser.click("#confirmYes");
        browser.waitForText("#membersForm\\:members", "Members (0)");
        waitUntilNoModalMask();
        waitUntilDisabled("#details\\:wholeGroup_input");
        assertFalse(reload(group).isWholeGroupMessaging());
        assertEquals(hospital.getId(), organizationOf(rose).getId());
    }

    @Test
    void groupsCanBeRenamedButNamesStayUniqueInTheOrganizationWhateverTheirCase() {
        ContactGroup cardiology = group(hospital, "Cardiology", false);
        group(hospital, "Oncology", false);
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"),
                "(212) 555-0147");
        group(practice, "Radiology", false);

        signIn();
        browser.open("/console/group/edit.xhtml?id=" + cardiology.getId());
        browser.type("#details\\:name", "Cardiology and Vascular");
        browser.click("#details\\:save");
        browser.waitForText("#banner", "Group updated.");
        waitUntil(d -> browser.text("#crumbGroup").equals("Cardiology and Vascular"));
        assertEquals("Cardiology and Vascular", reload(cardiology).getName());

        browser.type("#details\\:name", "  ONCOLOGY ");
        browser.click("#details\\:save");
        browser.waitForText("#details", "This organization already has a group named \"ONCOLOGY\".");
        assertEquals("Cardiology and Vascular", reload(cardiology).getName());

        browser.type("#details\\:name", " ");
        browser.click("#details\\:save");
        browser.waitForText("#details", "Enter the group's name.");

        browser.click("#details\\:cancel");
        browser.waitForText("#banner", "Changes discarded.");
        assertEquals("Cardiology and Vascular", browser.value("#details\\:name"));

        browser.type("#details\\:name", "Radiology");
        browser.click("#details\\:save");
        browser.waitForText("#banner", "Group updated.");
        assertEquals("Radiology", reload(cardiology).getName(), "another organization's group names do not count");

        browser.open("/console/group/create.xhtml");
        browser.type("#create\\:name", "oncology");
        browser.click("#create\\:save");
        browser.waitForText("#create", "This organization already has a group named \"oncology\".");
        browser.screenshot("console-groups-duplicate-name");
        assertEquals(1L, countGroups(hospital, "oncology"));
    }

    @Test
    void theSubgroupsSectionFiltersByName() {
        User nurse = person(hospital, "Sally", "Brown");
        group(hospital, "Cardiology", false, nurse);
        group(hospital, "Pediatric Cardiac Surgery", false);
        group(hospital, "Pharmacy", false);

        signIn();
        browser.waitForText("#subgroupsForm\\:groups", "Pharmacy");
        browser.type("#subgroupsForm\\:search", "CARDI");
        browser.click("#subgroupsForm\\:go");
        waitUntil(d -> !browser.text("#subgroupsForm\\:groups").contains("Pharmacy"));
        assertEquals(List.of(List.of("Cardiology", "1", "Edit"), List.of("Pediatric Cardiac Surgery", "0", "Edit")),
                subgroupRows());
        browser.screenshot("console-groups-subgroups-search");

        browser.click("#subgroupsForm\\:groups_data a.edit-link");
        browser.waitForUrlContaining("/console/group/edit.xhtml?id=");
        assertEquals("Cardiology", browser.value("#details\\:name"));
        browser.open("/console/organization/edit.xhtml");

        browser.type("#subgroupsForm\\:search", "no such group");
        browser.click("#subgroupsForm\\:go");
        browser.waitForText("#subgroupsForm\\:groups", "No groups match.");
    }

    @Test
    void anAdministratorCannotReachAnotherOrganizationsGroupsOrUsers() {
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"),
                "(212) 555-0147");
        User patty = person(practice, "Peppermint", "Patty");
        ContactGroup frontDesk = group(practice, "Front Desk", false, patty);
        ContactGroup own = group(hospital, "Physical Therapy", false);

        signIn();
        for (String path : List.of("/console/group/edit.xhtml?id=" + frontDesk.getId(),
                "/console/group/edit.xhtml?id=999999999", "/console/group/edit.xhtml?id=abc",
                "/console/group/edit.xhtml", "/console/group/create.xhtml?organization=" + practice.getId())) {
            browser.open(path);
            browser.waitFor("#not-found");
            assertFalse(browser.pageText().contains("Front Desk"), path);
            assertFalse(browser.pageText().contains(practice.getName()), path);
        }

        // The Add… dialog never offers another organization's people, whatever is typed.
        browser.open("/console/group/edit.xhtml?id=" + own.getId());
        browser.click("#membersForm\\:add");
        browser.waitFor("#addDialog");
        browser.type("#add\\:search", "Patty");
        browser.waitForText("#add\\:candidates", "Nobody who is not yet in the group matches.");
        browser.click("#add\\:ok");
        browser.waitFor("#add .ui-message-error");
        assertEquals(List.of(), memberNames(own));
        assertEquals(List.of("Patty, Peppermint"), memberNames(frontDesk));
        assertFalse(browser.pageText().contains("Exception"), "no stack trace reaches the browser");
    }

    @Test
    void aSystemAdministratorManagesTheGroupsOfAnyOrganization() {
        Organization practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Peanuts Practice"),
                "(212) 555-0147");
        group(practice, "Front Desk", false);
        person(practice, "Peppermint", "Patty");
        String sysadmin = ItData.uniqueEmail("sysadmin");
        data.systemAdministrator(hospital, sysadmin, PASSWORD);

        browser.signIn(sysadmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/organization/edit.xhtml?id=" + practice.getId());
        browser.waitForText("#subgroupsForm\\:groups", "Front Desk");
        browser.click("#subgroupsForm\\:createGroup");
        browser.waitForUrlContaining("/console/group/create.xhtml?organization=" + practice.getId());
        browser.type("#create\\:name", "Billing");
        browser.click("#create\\:save");
        browser.waitForText("#banner", "Group Billing created.");
        assertEquals(practice.getName(), browser.text("#crumb-organization"));

        ContactGroup billing = groupNamed(practice, "Billing");
        browser.click("#membersForm\\:add");
        browser.waitFor("#addDialog");
        filterCandidates("patty");
        tickCandidate("Patty, Peppermint");
        browser.click("#add\\:ok");
        browser.waitForText("#membersForm\\:members", "Members (1)");
        assertEquals(List.of("Patty, Peppermint"), memberNames(billing));
    }

    // --- arranging and inspecting data -------------------------------------------------------

    private void signIn() {
        browser.signIn(adminEmail, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
    }

    private User person(Organization org, String first, String last) {
        return data.transaction(em -> {
            User user = User.nativeUser(em.find(Organization.class, org.getId()),
                    first.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@it.test",
                    first, last, ZONE, Instant.now());
            em.persist(user);
            user.assignStaffId();
            return user;
        });
    }

    private ContactGroup group(Organization org, String name, boolean wholeGroup, User... members) {
        return data.transaction(em -> {
            ContactGroup group = new ContactGroup(em.find(Organization.class, org.getId()), name, Instant.now());
            for (User member : members) {
                group.addMember(em.find(User.class, member.getId()));
            }
            group.changeWholeGroupMessaging(wholeGroup);
            em.persist(group);
            return group;
        });
    }

    private ContactGroup groupNamed(Organization org, String name) {
        return data.transaction(em -> em.createNamedQuery(ContactGroup.BY_NAME_KEY, ContactGroup.class)
                .setParameter("organizationId", org.getId()).setParameter("nameKey", ContactGroup.nameKey(name))
                .getSingleResult());
    }

    private long countGroups(Organization org, String name) {
        return data.transaction(em -> (long) em.createNamedQuery(ContactGroup.BY_NAME_KEY, ContactGroup.class)
                .setParameter("organizationId", org.getId()).setParameter("nameKey", ContactGroup.nameKey(name))
                .getResultList().size());
    }

    private ContactGroup reload(ContactGroup group) {
        return data.transaction(em -> em.find(ContactGroup.class, group.getId()));
    }

    private List<String> memberNames(ContactGroup group) {
        return data.transaction(em -> em.createNamedQuery(ContactGroup.MEMBERS, User.class)
                .setParameter("groupId", group.getId()).getResultList().stream().map(User::getSortName).toList());
    }

    private Organization organizationOf(User user) {
        return data.transaction(em -> em.find(User.class, user.getId()).getOrganization());
    }

    // --- the page's widgets --------------------------------------------------------------------

    private void filterCandidates(String text) {
        browser.type("#add\\:search", text);
        waitUntil(d -> {
            List<String> shown = visibleCandidates();
            return !shown.isEmpty() && shown.stream().allMatch(label -> label.toLowerCase(java.util.Locale.ROOT)
                    .contains(text.toLowerCase(java.util.Locale.ROOT)));
        });
    }

    /** The labels of the Add… dialog's rows on the page the search shows. */
    private List<String> visibleCandidates() {
        return browser.findAll("#add\\:candidates_data .candidate-label").stream()
                .map(label -> label.getText().strip()).toList();
    }

    private void tickCandidate(String name) {
        waitUntil(d -> {
            for (WebElement row : d.findElements(By.cssSelector("#add\\:candidates_data tr"))) {
                if (row.getText().startsWith(name)) {
                    WebElement box = row.findElement(By.cssSelector(".ui-chkbox-box"));
                    box.click();
                    return true;
                }
            }
            return false;
        });
        browser.waitForAjax();
    }

    /** Ticks the selection box of the member row starting with {@code name}. */
    private void tickMember(String name) {
        waitUntil(d -> {
            for (WebElement row : d.findElements(By.cssSelector("#membersForm\\:members_data tr"))) {
                if (row.getText().startsWith(name)) {
                    row.findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box, td.ui-selection-column input[type=checkbox]")).click();
                    return true;
                }
            }
            return false;
        });
        waitUntil(d -> d.findElements(By.cssSelector("#membersForm\\:members_data tr.ui-state-highlight")).size() == 1);
    }

    /** The Sub groups table, row by row, cell by cell. */
    private List<List<String>> subgroupRows() {
        return browser.findAll("#subgroupsForm\\:groups_data tr").stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList())
                .toList();
    }

    /** Dialogs leave their grey mask for a moment after closing; clicks would land on it. */
    private void waitUntilNoModalMask() {
        waitUntil(d -> d.findElements(By.cssSelector(".ui-dialog-mask")).stream().noneMatch(WebElement::isDisplayed));
    }

    private boolean disabled(String cssSelector) {
        return browser.driver().findElement(By.cssSelector(cssSelector)).getAttribute("disabled") != null;
    }

    private void waitUntilEnabled(String cssSelector) {
        waitUntil(d -> d.findElement(By.cssSelector(cssSelector)).getAttribute("disabled") == null);
    }

    private void waitUntilDisabled(String cssSelector) {
        waitUntil(d -> d.findElement(By.cssSelector(cssSelector)).getAttribute("disabled") != null);
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(NoSuchElementException.class);
        assertNotNull(wait.until(condition));
    }
}
