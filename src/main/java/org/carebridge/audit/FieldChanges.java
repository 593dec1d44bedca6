package org.carebridge.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The before and after of the fields an administrator changed, written into an audit event's
 * details as {@code Last name: "Doe" → "Smith"; PIN: changed}. Secret fields (PIN, password)
 * and private ones (cell number) are recorded as changed, never with their values.
 */
public final class FieldChanges {

    private final List<String> lines = new ArrayList<>();

    /** Records {@code field} if its value changed; values are shown as text, {@code null} as empty. */
    public FieldChanges field(String field, Object before, Object after) {
        String from = text(before);
        String to = text(after);
        if (!from.equals(to)) {
            lines.add(field + ": " + quote(from) + " \u2192 " + quote(to));
        }
        return this;
    }

    /** Records a yes/no field (a checkbox) if it changed. */
    public FieldChanges flag(String field, boolean before, boolean after) {
        return field(field, yesNo(before), yesNo(after));
    }

    public static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    /** Records the value a field starts with, as when something is created; blank values are left out. */
    public FieldChanges value(String field, Object value) {
        String text = text(value);
        if (!text.isEmpty()) {
            lines.add(field + ": " + quote(text));
        }
        return this;
    }

    /** Records that a secret or private field changed, without either value. */
    public FieldChanges secret(String field, boolean changed) {
        if (changed) {
            lines.add(field + ": changed");
        }
        return this;
    }

    /** Records that a private field changed, comparing the values but never writing them. */
    public FieldChanges privateField(String field, Object before, Object after) {
        return secret(field, !text(before).equals(text(after)));
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The details text, or {@code null} when nothing changed. */
    public String describe() {
        return lines.isEmpty() ? null : String.join("; ", lines);
    }

    @Override
    public String toString() {
        return Objects.toString(describe(), "");
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.strip();
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
