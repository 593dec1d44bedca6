package org.carebridge.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.carebridge.platform.csv.CsvProblem;
import org.carebridge.platform.csv.CsvRejectedException;
import org.junit.jupiter.api.Test;

class InviteeListsTest {

    private static List<String> emails(List<Invitee> invitees) {
        return invitees.stream().map(Invitee::email).toList();
    }

    private static InviteeFile csv(String text) {
        return UserInvitations.fromCsv("people.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void addressesMayBeSeparatedBySpacesCommasSemicolonsAndLineBreaks() {
        List<Invitee> invitees = UserInvitations.fromAddressList(
                "  sblair@abelard.example lrollins@abelard.example,bevans@stnicholas.example;\r\n"
                        + "hhancock@stnicholas.example\n\n\tywu@stnicholas.example , ");
        assertEquals(List.of("sblair@abelard.example", "lrollins@abelard.example", "bevans@stnicholas.example",
                "hhancock@stnicholas.example", "ywu@stnicholas.example"), emails(invitees));
    }

    @Test
    void duplicatesCountOnceWhateverTheirCase() {
        assertEquals(List.of("ada@example.org", "bob@example.org"), emails(UserInvitations.fromAddressList(
                "Ada@Example.org bob@example.org ada@example.org ADA@EXAMPLE.ORG")));
    }

    @Test
    void emptyTextIsNoAddresses() {
        assertEquals(List.of(), UserInvitations.fromAddressList(null));
        assertEquals(List.of(), UserInvitations.fromAddressList(" \n , "));
    }

    @Test
    void oneMalformedAddressRejectsTheListNamingIt() {
        InvitationRefusedException refused = assertThrows(InvitationRefusedException.class,
                () -> UserInvitations.fromAddressList("ada@example.org bob.example.org carl@example.org"));
        assertEquals("\"bob.example.org\" is not a valid e-mail address. Nobody was invited: correct the list and "
                + "try again.", refused.getMessage());
    }

    @Test
    void everyMalformedAddressIsNamedUpToTen() {
        InvitationRefusedException two = assertThrows(InvitationRefusedException.class,
                () -> UserInvitations.fromAddressList("a@b ada@example.org @example.org"));
        assertTrue(two.getMessage().startsWith("\"a@b\", \"@example.org\" are not valid e-mail addresses."),
                two.getMessage());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            many.append("bad").append(i).append(' ');
        }
        InvitationRefusedException twelve = assertThrows(InvitationRefusedException.class,
                () -> UserInvitations.fromAddressList(many.toString()));
        assertTrue(twelve.getMessage().contains("\"bad9\" and 2 more are not valid"), twelve.getMessage());
    }

    @Test
    void aCsvGivesAddressesNamesAndDepartmentsAndIgnoresOtherColumns() {
        InviteeFile file = csv("Email,First Name,Last Name,Department,Job Title\n"
                + "sblair@abelard.example,Steve,Blair,Cardiology,Cardiologist\n"
                + "LRollins@abelard.example,,Rollins,cardiology ,Nurse\n"
                + "mdavis@abelard.example,Miles,Davis,,\n"
                + "\n"
                + "ywu@abelard.example,Yan,Wu,Pharmacy,=HYPERLINK(\"x\")\n");
        assertEquals(List.of("sblair@abelard.example", "lrollins@abelard.example", "mdavis@abelard.example",
                "ywu@abelard.example"), emails(file.invitees()));
        assertEquals(new Invitee("sblair@abelard.example", "Steve", "Blair"), file.invitees().get(0));
        assertEquals(new Invitee("lrollins@abelard.example", null, "Rollins"), file.invitees().get(1));
        assertEquals(List.of("Cardiology", "Pharmacy"), file.departments(), "each department once, any case");
    }

    @Test
    void onlyTheEmailColumnIsRequiredAndColumnNamesIgnoreCase() {
        InviteeFile file = csv("EMAIL\nada@example.org\nada@example.org\n");
        assertEquals(List.of(new Invitee("ada@example.org", null, null)), file.invitees());
        assertEquals(List.of(), file.departments());
    }

    @Test
    void aCsvWithABadOrMissingAddressIsRejectedNamingEveryLine() {
        CsvRejectedException rejected = assertThrows(CsvRejectedException.class,
                () -> csv("Email,First Name\nada@example.org,Ada\nbob.example.org,Bob\n,Carl\ndora@example.org,Dora\n"));
        assertEquals(List.of(new CsvProblem(3, "\"bob.example.org\" is not a valid e-mail address."),
                new CsvProblem(4, "the Email column is empty; every line needs an address.")), rejected.problems());
    }

    @Test
    void aCsvWithoutEmailColumnOrWithoutAddressesIsRejected() {
        CsvRejectedException noColumn = assertThrows(CsvRejectedException.class, () -> csv("Name\nAda\n"));
        assertTrue(noColumn.getMessage().contains("Email"), noColumn.getMessage());
        CsvRejectedException empty = assertThrows(CsvRejectedException.class, () -> csv("Email,Department\n"));
        assertEquals("The file was not used. The file lists no e-mail addresses.", empty.getMessage());
        assertThrows(CsvRejectedException.class, () -> UserInvitations.fromCsv("people.xlsx", "text/csv",
                "Email\nada@example.org\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDepartmentTooLongForAGroupNameIsRejected() {
        CsvRejectedException rejected = assertThrows(CsvRejectedException.class,
                () -> csv("Email,Department\nada@example.org," + "x".repeat(101) + "\n"));
        assertEquals(2, rejected.problems().get(0).line());
        assertTrue(rejected.problems().get(0).message().contains("at most 100 characters"), rejected.getMessage());
    }

    @Test
    void inviteesAreValidatedAndNamesTrimmed() {
        assertEquals(new Invitee("ada@example.org", "Ada", null), new Invitee(" Ada@Example.org ", " Ada ", " "));
        assertThrows(IllegalArgumentException.class, () -> Invitee.of("not an address"));
        assertThrows(IllegalArgumentException.class, () -> new Invitee("ada@example.org", "x".repeat(101), null));
    }

    @Test
    void aLaterLineFillsInNamesAnEarlierOneLacked() {
        assertEquals(List.of(new Invitee("ada@example.org", "Ada", "Lovelace")), InviteeLists.distinct(List.of(
                new Invitee("ada@example.org", null, "Lovelace"), new Invitee("ADA@example.org", "Ada", "Byron"))));
    }
}
