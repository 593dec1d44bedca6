package org.carebridge.platform.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file an administrator uploaded, after checking it is one: not empty, not too
 * large, named .csv with a text content type, UTF-8 (ASCII included; a byte-order mark is
 * allowed), with a header line naming the required columns. Any problem rejects the whole file
 * with messages that say which line to fix, so callers create nothing from a bad file.
 */
public final class CsvUpload {

    /** One megabyte: tens of thousands of address lines, far more than anyone uploads at once. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 10_000;

    private static final Set<String> TEXT_CONTENT_TYPES = Set.of("text/csv", "application/csv",
            "text/comma-separated-values", "text/plain", "application/vnd.ms-excel", "application/octet-stream",
            "text/x-csv", "application/x-csv");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvUpload() {
    }

    /**
     * @param fileName        the name the browser sent, checked for a .csv ending
     * @param contentType     the content type the browser sent ({@code null} when none)
     * @param requiredColumns columns the header must name (letter case does not matter)
     * @throws CsvRejectedException naming every problem found, per line
     */
    public static List<CsvRow> read(String fileName, String contentType, byte[] content,
            List<String> requiredColumns) {
        checkFile(fileName, contentType, content);
        String text = decode(content);
        List<CsvRow> rows = new ArrayList<>();
        List<CsvProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                int line = Math.toIntExact(record.getParser().getCurrentLineNumber());
                if (isBlank(record)) {
                    continue;
                }
                if (header == null) {
                    header = header(record, requiredColumns);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new CsvRejectedException(CsvProblem.ofFile("The file has more than " + MAX_ROWS
                            + " lines; split it into smaller files."));
                }
                row(record, header, line, rows, problems);
            }
            if (header == null) {
                throw new CsvRejectedException(CsvProblem.ofFile("The file has no header line. The first line must"
                        + " name the columns, including " + String.join(", ", requiredColumns) + "."));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CsvRejectedException(CsvProblem.ofFile("The file is not valid CSV: " + rootMessage(e)
                    + " Check for a quoted value that is not closed."));
        }
        if (!problems.isEmpty()) {
            throw new CsvRejectedException(problems);
        }
        return rows;
    }

    private static void checkFile(String fileName, String contentType, byte[] content) {
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new CsvRejectedException(CsvProblem.ofFile("Choose a .csv file (comma-separated values)."));
        }
        String type = contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type != null && !type.isEmpty() && !TEXT_CONTENT_TYPES.contains(type)) {
            throw new CsvRejectedException(CsvProblem.ofFile("The file is of type " + type
                    + ", not CSV text. Save it from your spreadsheet as \"CSV UTF-8\"."));
        }
        if (content == null || content.length == 0) {
            throw new CsvRejectedException(CsvProblem.ofFile("The file is empty."));
        }
        if (content.length > MAX_BYTES) {
            throw new CsvRejectedException(CsvProblem.ofFile("The file is larger than 1 MB; split it into smaller files."));
        }
        if (content.length > 1 && content[0] == 'P' && content[1] == 'K') {
            throw new CsvRejectedException(CsvProblem.ofFile("This is a spreadsheet workbook, not CSV. Save it from"
                    + " your spreadsheet as \"CSV UTF-8\"."));
        }
    }

    /** Strict UTF-8: a file saved in another encoding is refused rather than read as garbled names. */
    private static String decode(byte[] content) {
        int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvRejectedException(new CsvProblem(lineOfFirstBadByte(content, start),
                    "the file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\"."));
        }
        if (text.indexOf('\0') >= 0) {
            throw new CsvRejectedException(CsvProblem.ofFile("The file contains binary data, not CSV text."));
        }
        return text;
    }

    private static List<String> header(CSVRecord record, List<String> requiredColumns) {
        List<String> header = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String name : record) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && seen.put(key, header.size()) != null) {
                throw new CsvRejectedException(new CsvProblem(1, "the header names the column \"" + name.strip()
                        + "\" twice."));
            }
            header.add(key);
        }
        List<String> missing = requiredColumns.stream()
                .filter(column -> !seen.containsKey(column.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new CsvRejectedException(new CsvProblem(Math.toIntExact(record.getParser().getCurrentLineNumber()),
                    "the first line must be a header naming the column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + " (found: " + String.join(", ", record.toList()) + ")."));
        }
        return header;
    }

    private static void row(CSVRecord record, List<String> header, int line, List<CsvRow> rows,
            List<CsvProblem> problems) {
        if (record.size() > header.size()) {
            long extra = record.stream().skip(header.size()).filter(value -> !value.isBlank()).count();
            if (extra > 0) {
                problems.add(new CsvProblem(line, "it has " + record.size() + " values but the header names "
                        + header.size() + " columns."));
                return;
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
            if (!header.get(i).isEmpty()) {
                values.put(header.get(i), record.get(i).strip());
            }
        }
        rows.add(new CsvRow(line, values));
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lineOfFirstBadByte(byte[] content, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int lineStart = start;
        for (int i = start; i < content.length; i++) {
            if (content[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(content, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return line;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? "" : message.endsWith(".") ? message : message + ".";
    }
}
