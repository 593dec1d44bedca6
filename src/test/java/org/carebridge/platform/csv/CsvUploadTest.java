package org.carebridge.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvUploadTest {

    private static final List<String> EMAIL = List.of("Email");

    private static List<CsvRow> read(String text) {
        return CsvUpload.read("users.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8), EMAIL);
    }

    private static CsvRejectedException rejected(String text) {
        return assertThrows(CsvRejectedException.class, () -> read(text));
    }

    @Test
    void readsRowsByHeaderNameInAnyCaseWithLineNumbers() {
        List<CsvRow> rows = read("First Name,EMAIL,Department\n"
                + "Ann, ann@example.org ,Cardiology\n"
                + "\n"
                + "Bob,bob@example.org\n");
        assertEquals(2, rows.size());
        assertEquals("ann@example.org", rows.get(0).get("email"));
        assertEquals("Cardiology", rows.get(0).get("Department"));
        assertEquals(2, rows.get(0).line());
        assertEquals(4, rows.get(1).line());
        assertEquals("", rows.get(1).get("Department"));
        assertFalse(rows.get(1).has("Department"));
    }

    @Test
    void quotedValuesMayHoldCommasAndLineBreaks() {
        List<CsvRow> rows = read("Email,Notes\r\nann@example.org,\"Smith, Jr.\nsecond line\"\r\n");
        assertEquals("Smith, Jr.\nsecond line", rows.get(0).get("Notes"));
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Email\nann@example.org\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        assertEquals("ann@example.org", CsvUpload.read("a.CSV", null, content, EMAIL).get(0).get("Email"));
    }

    @Test
    void formulaCellsStayPlainText() {
        List<CsvRow> rows = read("Email,Department\nann@example.org,=HYPERLINK(\"http://x\")\n");
        assertEquals("=HYPERLINK(\"http://x\")", rows.get(0).get("Department"));
    }

    @Test
    void refusesAHeaderWithoutTheRequiredColumn() {
        CsvRejectedException e = rejected("ann@example.org,Cardiology\n");
        assertEquals(1, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("header naming the column Email"), e.getMessage());
    }

    @Test
    void refusesDuplicateColumnNames() {
        assertTrue(rejected("Email,email\n").getMessage().contains("twice"));
    }

    @Test
    void namesEveryLineWithTooManyValues() {
        CsvRejectedException e = rejected("Email,Department\na@example.org,X,extra\nb@example.org,Y\nc@example.org,Z,1,2\n");
        assertEquals(List.of(2, 4), e.problems().stream().map(CsvProblem::line).toList());
        assertTrue(e.getMessage().contains("Line 2: it has 3 values"), e.getMessage());
    }

    @Test
    void trailingEmptyValuesAreNotExtraColumns() {
        assertEquals(1, read("Email,Department\na@example.org,X,,\n").size());
    }

    @Test
    void refusesOtherFileTypesAndSizes() {
        byte[] ok = "Email\na@example.org\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(CsvRejectedException.class, () -> CsvUpload.read("users.xlsx", "text/csv", ok, EMAIL));
        assertThrows(CsvRejectedException.class, () -> CsvUpload.read("users.csv", "image/png", ok, EMAIL));
        assertThrows(CsvRejectedException.class, () -> CsvUpload.read("users.csv", "text/csv", new byte[0], EMAIL));
        assertThrows(CsvRejectedException.class,
                () -> CsvUpload.read("users.csv", "text/csv", new byte[CsvUpload.MAX_BYTES + 1], EMAIL));
        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        assertTrue(assertThrows(CsvRejectedException.class, () -> CsvUpload.read("users.csv", "text/csv", zip, EMAIL))
                .getMessage().contains("workbook"));
        assertEquals(1, CsvUpload.read("users.csv", "text/csv; charset=utf-8", ok, EMAIL).size());
    }

    @Test
    void refusesTextThatIsNotUtf8AndSaysWhere() {
        byte[] latin1 = "Email,Last Name\na@example.org,Muller\nb@example.org,M\u00fcller\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        CsvRejectedException e = assertThrows(CsvRejectedException.class,
                () -> CsvUpload.read("users.csv", "text/csv", latin1, EMAIL));
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("UTF-8"));
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertTrue(rejected("Email,Notes\na@example.org,\"never closed\n").getMessage().contains("not valid CSV"));
    }

    @Test
    void refusesAFileWithoutLines() {
        assertTrue(rejected("\n , \n").getMessage().contains("no header line"));
    }

    @Test
    void refusesTooManyRows() {
        StringBuilder text = new StringBuilder("Email\n");
        for (int i = 0; i <= CsvUpload.MAX_ROWS; i++) {
            text.append('u').append(i).append("@e.org\n");
        }
        assertTrue(rejected(text.toString()).getMessage().contains("more than"));
    }

    @Test
    void theSummaryListsTenProblemsAndCountsTheRest() {
        StringBuilder text = new StringBuilder("Email\n");
        for (int i = 0; i < 12; i++) {
            text.append("a,b\n");
        }
        CsvRejectedException e = rejected(text.toString());
        assertEquals(12, e.problems().size());
        assertTrue(e.getMessage().endsWith("(and 2 more problems)"), e.getMessage());
    }

    @Test
    void exportEscapesFormulaCellsAndQuotes() {
        StringWriter out = new StringWriter();
        try (CsvExport export = CsvExport.start(out, List.of("Name", "Details"))) {
            export.row(List.of("=1+2", "said \"hi\", left"));
            export.row(List.of("@SUM(A1)", "-5"));
            export.row(List.of("+x", "plain"));
        }
        assertEquals("\uFEFFName,Details\r\n'=1+2,\"said \"\"hi\"\", left\"\r\n'@SUM(A1),'-5\r\n'+x,plain\r\n",
                out.toString());
    }

    @Test
    void formulaRuleCoversTheKnownLeadCharacters() {
        for (String s : List.of("=a", "+a", "-a", "@a", "\ta", "\ra")) {
            assertTrue(SpreadsheetCells.looksLikeFormula(s), s);
        }
        for (String s : List.of("", "a=b", " =a", "Dr.")) {
            assertFalse(SpreadsheetCells.looksLikeFormula(s), s);
        }
        assertEquals("", SpreadsheetCells.escapeForExport(null));
    }
}
