package org.carebridge.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference connector's contact files: what administrators type, and what they get wrong. */
class ContactFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void theExampleFileInTheDocsReads() throws IOException {
        List<ConnectorContact> contacts = ContactFiles.read(Path.of("docs/examples/connector-contacts.csv"));
        assertTrue(contacts.size() >= 4, contacts.toString());
        assertEquals(new ConnectorContact("vs-1001", "Maria", null, "Alvarez", "4085550100", "2201"), contacts.get(0));
        assertEquals("Dan, Jr.", contacts.get(3).firstName(), "a quoted value keeps its comma");
    }

    @Test
    void csvColumnsInAnyOrderWithAByteOrderMarkQuotesAndBlankLines() throws IOException {
        Path file = write("contacts.csv", "\uFEFFLastName,externalId,Notes,firstName\n"
                + "\n"
                + "\"O\"\"Neil\",vs-1,ignored,  Ann  \n"
                + "Baker,vs-2,,\n");
        assertEquals(List.of(new ConnectorContact("vs-1", "Ann", null, "O\"Neil", null, null),
                new ConnectorContact("vs-2", null, null, "Baker", null, null)), ContactFiles.read(file));
    }

    @Test
    void aContactWithoutALastNameIsLeftToTheServerToReport() throws IOException {
        // The server records it as that record's error and applies the others.
        Path file = write("contacts.csv", "externalId,firstName,lastName\nvs-1,Ann,\n");
        assertEquals(List.of(new ConnectorContact("vs-1", "Ann", null, null, null, null)), ContactFiles.read(file));
    }

    @Test
    void badCsvFilesAreRefusedWithWhatToFix() throws IOException {
        assertTrue(refusal(write("a.csv", "")).contains("empty"));
        assertTrue(refusal(write("b.csv", "id,name\n1,Ann\n")).contains("[externalId, lastName]"));
        assertTrue(refusal(write("c.csv", "externalId,lastName,lastName\n")).contains("twice"));
        assertTrue(refusal(write("d.csv", "externalId,lastName\nvs-1,Baker,Jr.\n")).contains("Line 2 has 3 values"));
        assertTrue(refusal(write("e.csv", "externalId,lastName\nvs-1,\"Baker\n")).contains("quoted value"));
    }

    @Test
    void jsonContacts() throws IOException {
        Path file = write("contacts.json", "[{\"externalId\": \"vs-1\", \"firstName\": \"Ann\", \"middleName\": \"\","
                + " \"lastName\": \"Baker\", \"guestAccessNumber\": \"4085550100\", \"deskPhone\": null, \"team\": 7}]");
        assertEquals(List.of(new ConnectorContact("vs-1", "Ann", null, "Baker", "4085550100", null)), ContactFiles.read(file));
    }

    @Test
    void badJsonFilesAreRefusedWithWhatToFix() throws IOException {
        assertTrue(refusal(write("a.json", "{\"externalId\": \"vs-1\"}")).contains("one array"));
        assertTrue(refusal(write("b.json", "[{\"externalId\": \"vs-1\"}, 42]")).contains("Element 2"));
        assertTrue(refusal(write("c.json", "[{\"externalId\": 17}]")).contains("externalId must be a string"));
        assertTrue(refusal(write("d.json", "[{\"externalId\": \"vs-1\"")).contains("one array"));
    }

    private static String refusal(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> ContactFiles.read(file)).getMessage();
    }
}
