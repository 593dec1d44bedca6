package org.carebridge.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Our mail look: a greeting, a few paragraphs, at most one action link, and a footer naming
 * the organization. Produces matching plain-text and HTML bodies; all text is HTML-escaped.
 */
public final class MailLayout {

    private MailLayout() {
    }

    public record Action(String label, String url) {
    }

    public static MailMessage compose(String recipient, String subject, String organizationName,
            List<String> paragraphs, Action action, String closing) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;"
                + "color:#1d2b36;max-width:600px\">");
        html.append("<h2 style=\"color:#0b6e74\">Carebridge</h2>");
        for (String p : paragraphs) {
            text.append(p).append("\n\n");
            html.append("<p>").append(escape(p)).append("</p>");
        }
        if (action != null) {
            text.append(action.label()).append(":\n").append(action.url()).append("\n\n");
            html.append("<p><a href=\"").append(escape(action.url())).append("\" style=\"background:#0b6e74;color:#fff;"
                    + "padding:10px 16px;text-decoration:none;border-radius:4px\">").append(escape(action.label()))
                    .append("</a></p><p style=\"font-size:12px\">If the button does not work, copy this address into "
                            + "your browser: ").append(escape(action.url())).append("</p>");
        }
        if (closing != null) {
            text.append(closing).append("\n\n");
            html.append("<p>").append(escape(closing)).append("</p>");
        }
        String footer = organizationName == null ? "Carebridge secure messaging"
                : "Carebridge secure messaging for " + organizationName;
        text.append("-- \n").append(footer).append('\n');
        html.append("<hr><p style=\"font-size:12px;color:#5b6b77\">").append(escape(footer)).append("</p></body></html>");
        return new MailMessage(recipient, subject, text.toString(), html.toString());
    }

    /**
     * "Nov 24, 2026, 1:00:00 PM (America/New_York)": a moment as the reader's clock shows it, with
     * the zone named, so a link's expiry means the same thing to every recipient.
     */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.US)
                .format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
