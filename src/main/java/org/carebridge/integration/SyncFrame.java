package org.carebridge.integration;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

/**
 * A frame the connector sends, parsed strictly (docs/sync-protocol.md): one JSON object of at
 * most {@link #MAX_FRAME_CHARS} characters with a known {@code type} and exactly the fields of
 * that type. Anything else is a {@link SyncRefusal}: the server closes the connection and
 * changes nothing.
 */
public sealed interface SyncFrame {

    int PROTOCOL_VERSION = 1;
    /** Enough for a page of {@link #MAX_CONTACTS_PER_PAGE} contacts with every field at its longest. */
    int MAX_FRAME_CHARS = 512 * 1024;
    int MAX_CONTACTS_PER_PAGE = 500;

    /** The answer to the server's challenge. */
    record Hello(int protocol, String integrationUserId, String response, SystemKind systemKind) implements SyncFrame { }

    /** The connector is alive. */
    record Heartbeat() implements SyncFrame { }

    /** One page of the contacts group for the run the server asked for; {@code last} ends the run. */
    record ContactsPage(long runId, int seq, boolean last, List<SyncContact> contacts) implements SyncFrame { }

    /** The connector could not read its system for this run; the run fails and nothing is applied. */
    record SyncFailed(long runId, String message) implements SyncFrame { }

    /** The on-premises system took a {@code badge-message} for this badge user. */
    record BadgeAck(String messageId, String externalId) implements SyncFrame { }

    /** A badge user's choice in answer to a multiple-choice message. */
    record BadgeAnswer(String messageId, String externalId, String choice) implements SyncFrame { }

    /** Voice and messaging status of linked users, as the on-premises system knows it. */
    record LinkedStatus(List<Status> statuses) implements SyncFrame {
        public record Status(String externalId, String state) { }
    }

    static SyncFrame parse(String text) {
        if (text == null || text.isEmpty()) {
            throw SyncRefusal.malformed("Empty frame");
        }
        if (text.length() > MAX_FRAME_CHARS) {
            throw new SyncRefusal(SyncRefusal.TOO_BIG, "Frame larger than " + MAX_FRAME_CHARS + " characters");
        }
        JsonObject json;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw SyncRefusal.malformed("A frame must be a JSON object");
            }
            json = parser.getObject();
            if (parser.hasNext()) {
                throw SyncRefusal.malformed("A frame must be one JSON object and nothing else");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw SyncRefusal.malformed("Frame is not valid JSON");
        }
        String type = string(json, "type", 32, true);
        return switch (type) {
            case "hello" -> {
                only(json, "type", "protocol", "integrationUserId", "response", "systemKind");
                String kind = string(json, "systemKind", 32, false);
                SystemKind systemKind;
                try {
                    systemKind = kind == null ? null : SystemKind.valueOf(kind);
                } catch (IllegalArgumentException e) {
                    throw SyncRefusal.malformed("Unknown systemKind");
                }
                yield new Hello(integer(json, "protocol", 1, 1000), string(json, "integrationUserId", 64, true),
                        string(json, "response", 128, true), systemKind);
            }
            case "heartbeat" -> {
                only(json, "type");
                yield new Heartbeat();
            }
            case "contacts" -> {
                only(json, "type", "runId", "seq", "last", "contacts");
                JsonArray array = array(json, "contacts");
                if (array.size() > MAX_CONTACTS_PER_PAGE) {
                    throw SyncRefusal.malformed("More than " + MAX_CONTACTS_PER_PAGE + " contacts in one page");
                }
                List<SyncContact> contacts = new ArrayList<>(array.size());
                for (JsonValue item : array) {
                    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                        throw SyncRefusal.malformed("Each contact must be a JSON object");
                    }
                    contacts.add(contact(item.asJsonObject()));
                }
                yield new ContactsPage(id(json, "runId"), integer(json, "seq", 1, 1_000_000), bool(json, "last"),
                        List.copyOf(contacts));
            }
            case "sync-failed" -> {
                only(json, "type", "runId", "message");
                yield new SyncFailed(id(json, "runId"), string(json, "message", 500, true));
            }
            case "badge-ack" -> {
                only(json, "type", "messageId", "externalId");
                yield new BadgeAck(string(json, "messageId", 64, true),
                        string(json, "externalId", SyncContact.EXTERNAL_ID_MAX, true));
            }
            case "badge-answer" -> {
                only(json, "type", "messageId", "externalId", "choice");
                yield new BadgeAnswer(string(json, "messageId", 64, true),
                        string(json, "externalId", SyncContact.EXTERNAL_ID_MAX, true), string(json, "choice", 200, true));
            }
            case "linked-status" -> {
                only(json, "type", "statuses");
                JsonArray array = array(json, "statuses");
                if (array.size() > MAX_CONTACTS_PER_PAGE) {
                    throw SyncRefusal.malformed("More than " + MAX_CONTACTS_PER_PAGE + " statuses in one frame");
                }
                List<LinkedStatus.Status> statuses = new ArrayList<>();
                for (JsonValue item : array) {
                    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                        throw SyncRefusal.malformed("Each status must be a JSON object");
                    }
                    JsonObject s = item.asJsonObject();
                    only(s, "externalId", "state");
                    String state = string(s, "state", 16, true);
                    if (!Set.of("LoggedIn", "LoggedOut", "DND").contains(state)) {
                        throw SyncRefusal.malformed("A status is LoggedIn, LoggedOut or DND");
                    }
                    statuses.add(new LinkedStatus.Status(string(s, "externalId", SyncContact.EXTERNAL_ID_MAX, true), state));
                }
                yield new LinkedStatus(List.copyOf(statuses));
            }
            default -> throw SyncRefusal.malformed("Unknown frame type");
        };
    }

    private static SyncContact contact(JsonObject c) {
        only(c, "externalId", "firstName", "middleName", "lastName", "guestAccessNumber", "deskPhone");
        return new SyncContact(string(c, "externalId", SyncContact.EXTERNAL_ID_MAX, false),
                string(c, "firstName", SyncContact.NAME_MAX, false), string(c, "middleName", SyncContact.NAME_MAX, false),
                string(c, "lastName", SyncContact.NAME_MAX, false),
                string(c, "guestAccessNumber", SyncContact.PHONE_MAX, false),
                string(c, "deskPhone", SyncContact.PHONE_MAX, false));
    }

    private static void only(JsonObject json, String... allowed) {
        Set<String> names = Set.of(allowed);
        for (String key : json.keySet()) {
            if (!names.contains(key)) {
                throw SyncRefusal.malformed("Unexpected field in frame");
            }
        }
    }

    private static String string(JsonObject json, String name, int max, boolean required) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw SyncRefusal.malformed("Missing field " + name);
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw SyncRefusal.malformed("Field " + name + " must be a string");
        }
        String s = ((JsonString) value).getString();
        if (s.length() > max) {
            throw SyncRefusal.malformed("Field " + name + " longer than " + max + " characters");
        }
        if (required && s.isBlank()) {
            throw SyncRefusal.malformed("Field " + name + " is empty");
        }
        return s;
    }

    private static long id(JsonObject json, String name) {
        JsonNumber number = number(json, name);
        if (!number.isIntegral() || number.bigDecimalValue().signum() <= 0
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw SyncRefusal.malformed("Field " + name + " must be a positive whole number");
        }
        return number.longValueExact();
    }

    private static int integer(JsonObject json, String name, int min, int max) {
        JsonNumber number = number(json, name);
        if (!number.isIntegral() || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw SyncRefusal.malformed("Field " + name + " must be a whole number from " + min + " to " + max);
        }
        return number.intValueExact();
    }

    private static JsonNumber number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw SyncRefusal.malformed("Field " + name + " must be a number");
        }
        return (JsonNumber) value;
    }

    private static boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        if (value != null && (value.getValueType() == JsonValue.ValueType.TRUE)) {
            return true;
        }
        if (value != null && (value.getValueType() == JsonValue.ValueType.FALSE)) {
            return false;
        }
        throw SyncRefusal.malformed("Field " + name + " must be true or false");
    }

    private static JsonArray array(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw SyncRefusal.malformed("Field " + name + " must be an array");
        }
        return value.asJsonArray();
    }
}
