package org.carebridge.connector;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the contacts the reference connector serves: a CSV file with the header
 * {@code externalId,firstName,middleName,lastName,guestAccessNumber,deskPhone} (any order, letter
 * case ignored, quotes allowed, a byte-order mark too), or a JSON array of objects with those
 * fields. Blank values are absent values. The file is read again for every sync, so editing it
 * and pressing "Sync Users Now" shows updates and deletions. A file that cannot be read as
 * contacts is refused whole, with the line or position to fix; checking each contact (missing
 * last name, duplicate external id) is the server's job, which reports it per record.
 */
public final class ContactFiles {

    static final List<String> COLUMNS = List.of("externalId", "firstName", "middleName", "lastName",
            "guestAccessNumber", "deskPhone");
    private static final List<String> REQUIRED = List.of("externalId", "lastName");

    private ContactFiles() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the file and where */
    public static List<ConnectorContact> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return json ? json(new StringReader(text)) : csv(text);
    }

    static List<ConnectorContact> json(Reader reader) {
        JsonArray array;
        try (JsonReader json = Json.createReader(reader)) {
            array = json.readArray();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The JSON file must hold one array of contact objects: " + e.getMessage(), e);
        }
        List<ConnectorContact> contacts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue value = array.get(i);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("Element " + (i + 1) + " of the JSON array is not a contact object.");
            }
            Map<String, String> fields = new HashMap<>();
            for (Map.Entry<String, JsonValue> field : value.asJsonObject().entrySet()) {
                String name = field.getKey();
                if (!COLUMNS.contains(name) || field.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    continue;
                }
                if (!(field.getValue() instanceof JsonString s)) {
                    throw new IllegalArgumentException("Element " + (i + 1) + " of the JSON array: " + name
                            + " must be a string.");
                }
                fields.put(name, s.getString());
            }
            contacts.add(contact(fields));
        }
        return contacts;
    }

    static List<ConnectorContact> csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        List<ConnectorContact> contacts = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Map<String, Integer> header = null;
            int columns = 0;
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = header(record);
                    columns = record.size();
                    continue;
                }
                if (record.size() > columns) {
                    throw new IllegalArgumentException("Line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " values but the header names " + columns + " columns (quote a value that holds a comma).");
                }
                Map<String, String> fields = new HashMap<>();
                for (Map.Entry<String, Integer> column : header.entrySet()) {
                    if (column.getValue() < record.size()) {
                        fields.put(column.getKey(), record.get(column.getValue()));
                    }
                }
                contacts.add(contact(fields));
            }
            if (header == null) {
                throw new IllegalArgumentException("The CSV file is empty: its first line must name the columns " + COLUMNS);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("The CSV file cannot be read: " + e.getMessage()
                    + " (is a quoted value not closed?)", e);
        }
        return contacts;
    }

    /** Column name → position, for the columns we know; unknown columns are ignored. */
    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String cell = record.get(i);
            for (String column : COLUMNS) {
                if (column.equalsIgnoreCase(cell)) {
                    if (header.put(column, i) != null) {
                        throw new IllegalArgumentException("The CSV header names the column " + column + " twice.");
                    }
                }
            }
        }
        if (!header.keySet().containsAll(REQUIRED)) {
            throw new IllegalArgumentException("The CSV header must name at least the columns " + REQUIRED
                    + " (all columns: " + COLUMNS + ").");
        }
        return header;
    }

    private static ConnectorContact contact(Map<String, String> fields) {
        return new ConnectorContact(value(fields, "externalId"), value(fields, "firstName"), value(fields, "middleName"),
                value(fields, "lastName"), value(fields, "guestAccessNumber"), value(fields, "deskPhone"));
    }

    private static String value(Map<String, String> fields, String column) {
        String v = fields.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
