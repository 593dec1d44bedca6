package org.carebridge.connector;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads the contacts the reference connector serves: a CSV file with the header
 * {@code externalId,firstName,middleName,lastName,guestAccessNumber,deskPhone} (quotes allowed),
 * or a JSON array of objects with those fields. The file is read again for every sync, so
 * editing it and pressing "Sync Users Now" shows updates and deletions.
 */
public final class ContactFiles {

    static final List<String> COLUMNS = List.of("externalId", "firstName", "middleName", "lastName",
            "guestAccessNumber", "deskPhone");

    private ContactFiles() {
    }

    public static List<ConnectorContact> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return name.endsWith(".json") ? json(reader) : csv(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
    }

    static List<ConnectorContact> json(Reader reader) {
        try (JsonReader json = Json.createReader(reader)) {
            JsonArray array = json.readArray();
            List<ConnectorContact> contacts = new ArrayList<>();
            for (JsonValue value : array) {
                JsonObject o = value.asJsonObject();
                contacts.add(new ConnectorContact(text(o, "externalId"), text(o, "firstName"), text(o, "middleName"),
                        text(o, "lastName"), text(o, "guestAccessNumber"), text(o, "deskPhone")));
            }
            return contacts;
        }
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v instanceof JsonString s ? s.getString() : null;
    }

    static List<ConnectorContact> csv(List<String> lines) {
        List<ConnectorContact> contacts = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                if (!header.containsAll(List.of("externalId", "lastName"))) {
                    throw new IllegalArgumentException("The CSV header must name the columns " + COLUMNS);
                }
                continue;
            }
            String[] values = new String[COLUMNS.size()];
            for (int i = 0; i < COLUMNS.size(); i++) {
                int at = header.indexOf(COLUMNS.get(i));
                values[i] = at >= 0 && at < cells.size() ? cells.get(at) : null;
            }
            contacts.add(new ConnectorContact(values[0], values[1], values[2], values[3], values[4], values[5]));
        }
        return contacts;
    }

    /** Splits one CSV line; double quotes enclose cells with commas, and "" is a quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
