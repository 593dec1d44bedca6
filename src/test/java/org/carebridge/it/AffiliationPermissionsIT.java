package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.carebridge.affiliation.Affiliation;
import org.carebridge.affiliation.AffiliationState;
import org.carebridge.affiliation.AssociationPermission;
import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Affiliates on the Update Organization page, the Association Permissions page (none, whole
 * organization, chosen groups), ending communication for good, and tenant isolation of both.
 */
class AffiliationPermissionsIT extends BrowserTestSupport {

    private static final String PASSWORD = "Affiliate-Pass-5";

    private Organization hospital;
    private Organization practice;
    private String hospitalAdmin;
    private String practiceAdmin;
    private ContactGroup cardiology;
    private ContactGroup nursing;
    private Affiliation affiliation;

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("County Hospital"), "(303) 555-0110");
        practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Hillside Practice"), "(303) 555-0120");
        hospitalAdmin = ItData.uniqueEmail("hadmin");
        practiceAdmin = ItData.uniqueEmail("padmin");
        User admin = data.administrator(hospital, hospitalAdmin, PASSWORD);
        data.administrator(practice, practiceAdmin, PASSWORD);
        User doctor = data.member(hospital, ItData.uniqueEmail("doctor"));
        cardiology = data.group(hospital, "Cardiology", doctor);
        nursing = data.group(hospital, "Nursing", admin);
        affiliation = data.affiliate(hospital, practice);
    }

    private void openPermissions() {
        browser.signIn(hospitalAdmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#affiliates\\:list", practice.getName());
        browser.click("#affiliates\\:list .permissions-link");
        browser.waitForUrlContaining("/console/affiliation/permissions.xhtml");
        assertTrue(browser.text("#affiliate").contains(practice.getName()));
    }

    @Test
    void bothSidesListEachOther() {
        browser.signIn(practiceAdmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#affiliates\\:list", hospital.getName());
        browser.waitForText("#affiliates\\:list", "Whole organization");
        browser.screenshot("console-affiliates");
    }

    @Test
    void chosenGroupsNarrowWhoTheAffiliateCanReach() {
        openPermissions();
        browser.click("#permissions\\:permission label[for$='permission:2']");
        browser.click("#permissions\\:save");
        browser.waitForText("#permissions", "Choose at least one group.");
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, data.reload(affiliation).permissionOf(hospital));

        browser.click("#permissions\\:groups label[for$='groups:0']");
        browser.click("#permissions\\:save");
        browser.waitForText("#banner", "Permissions updated successfully");
        Affiliation stored = data.reload(affiliation);
        assertEquals(AssociationPermission.GROUPS, stored.permissionOf(hospital));
        assertEquals(List.of(cardiology.getId()), stored.groupsOf(hospital).stream().map(ContactGroup::getId).toList());
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, stored.permissionOf(practice), "the other side is untouched");
        browser.screenshot("console-association-permissions");

        browser.open("/console/organization/edit.xhtml");
        browser.waitForText("#affiliates\\:list", "Chosen groups");
    }

    @Test
    void permissionNoneEndsCommunicationForNow() {
        openPermissions();
        browser.click("#permissions\\:permission label[for$='permission:0']");
        browser.click("#permissions\\:save");
        browser.waitForText("#banner", "Permissions updated successfully");
        Affiliation stored = data.reload(affiliation);
        assertEquals(AssociationPermission.NONE, stored.permissionOf(hospital));
        assertEquals(AffiliationState.ACTIVE, stored.getState(), "still affiliates");
    }

    @Test
    void deleteEndsCommunicationForBothSidesAfterConfirmation() {
        browser.signIn(hospitalAdmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#affiliates\\:list", practice.getName());
        browser.click("#affiliates\\:list .delete-link");
        browser.click("#affiliates\\:confirmNo");
        assertEquals(AffiliationState.ACTIVE, data.reload(affiliation).getState(), "kept when the dialog says Keep");
        browser.click("#affiliates\\:list .delete-link");
        browser.click("#affiliates\\:confirmYes");
        browser.waitForText("#banner", "You no longer communicate with " + practice.getName());
        assertEquals(AffiliationState.ENDED, data.reload(affiliation).getState());
        assertFalse(browser.text("#affiliates\\:list").contains(practice.getName()));

        browser.signOut();
        browser.signIn(practiceAdmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.waitForText("#affiliates\\:list", "No affiliated organizations yet.");
        browser.open("/console/affiliation/permissions.xhtml?id=" + affiliation.getId());
        browser.waitFor("#not-found");
    }

    @Test
    void noOtherOrganizationCanOpenOrChangeTheAffiliation() {
        Organization stranger = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Stranger Hospital"),
                "(303) 555-0130");
        String strangerAdmin = ItData.uniqueEmail("stranger");
        data.administrator(stranger, strangerAdmin, PASSWORD);
        browser.signIn(strangerAdmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/affiliation/permissions.xhtml?id=" + affiliation.getId());
        browser.waitFor("#not-found");
        browser.open("/console/affiliation/permissions.xhtml?id=" + affiliation.getId() + "&org=" + hospital.getId());
        browser.waitFor("#not-found");
        assertFalse(browser.pageText().contains(practice.getName()));

        browser.forgetSession();
        browser.signIn(hospitalAdmin, PASSWORD);
        browser.waitForUrlContaining("/console/organization/edit.xhtml");
        browser.open("/console/affiliation/permissions.xhtml?id=" + affiliation.getId() + "&org=" + practice.getId());
        browser.waitFor("#not-found");
        assertEquals(AssociationPermission.WHOLE_ORGANIZATION, data.reload(affiliation).permissionOf(practice));
    }
}
