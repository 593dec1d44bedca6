package org.carebridge.messaging.outsider;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carebridge.messaging.outsider.OutsiderAccess.LinkCheck;
import org.carebridge.messaging.outsider.OutsiderAccess.LinkOutcome;
import org.carebridge.messaging.outsider.OutsiderAccess.Opened;
import org.carebridge.platform.PublicLinks;

/**
 * The link in a notice, {@code /m/<token>}. Opening it (GET) changes nothing: mail scanners and
 * link previews fetch links too, and must not spend them. The page offers one button, a POST to
 * the same address, which spends the link, sets the session cookie and sends the browser on to
 * the non-user's page ({@code /app/outsider.html}). A used, expired or unknown link gets a plain
 * page that says so and nothing about the message. No script: the pages are fixed HTML.
 */
@WebServlet(urlPatterns = "/m/*")
public class OutsiderLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'";

    @Inject
    transient OutsiderAccess access;

    @Inject
    transient PublicLinks links;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        LinkCheck check = token == null ? new LinkCheck(LinkOutcome.UNKNOWN, null) : access.check(token);
        if (check.outcome() != LinkOutcome.USABLE) {
            refused(request, response, check.outcome());
            return;
        }
        page(request, response, HttpServletResponse.SC_OK, "You have a secure message",
                "<p>" + escape(check.organizationName()) + " sent you a secure message through Carebridge.</p>"
                        + "<p>This link opens it once. After that you can read and reply on the page that opens, which"
                        + " closes after " + access.idleTimeout().toMinutes() + " minutes without activity.</p>"
                        + "<form method=\"post\" action=\"" + request.getContextPath() + "/m/" + token + "\">"
                        + "<button type=\"submit\" class=\"button primary\" id=\"open-message\">Open the message</button>"
                        + "</form>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = token(request);
        Opened opened = token == null ? new Opened(LinkOutcome.UNKNOWN, null) : access.open(token);
        if (opened.outcome() != LinkOutcome.USABLE) {
            refused(request, response, opened.outcome());
            return;
        }
        response.addHeader("Set-Cookie", OutsiderCookie.of(opened.sessionToken(), request.getContextPath(),
                links.isHttps() || request.isSecure()));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/app/outsider.html");
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, LinkOutcome outcome)
            throws IOException {
        switch (outcome) {
            case USED -> page(request, response, HttpServletResponse.SC_GONE, "This link was used already",
                    "<p>Each link opens once, and this one has been opened. If that was not you, or you closed the page,"
                            + " wait for the next message: it comes with a new link.</p>");
            case EXPIRED -> page(request, response, HttpServletResponse.SC_GONE, "This link has expired",
                    "<p>Links work for a limited time. There is nothing more to see here.</p>");
            case CLOSED -> page(request, response, HttpServletResponse.SC_GONE, "This link no longer works",
                    "<p>Messages through this link are no longer available.</p>");
            default -> page(request, response, HttpServletResponse.SC_NOT_FOUND, "This link does not work",
                    "<p>Check that the whole link was copied from the message you received.</p>");
        }
    }

    /** The token from {@code /m/<token>}, or null when the path holds none. */
    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return null;
        }
        String token = path.substring(1);
        return token.matches("[A-Za-z0-9_-]{1,100}") ? token : null;
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", POLICY);
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + escape(title) + " \u00b7 Carebridge</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/app/app.css\"></head>"
                + "<body><header class=\"top\"><span class=\"brand\">Carebridge</span></header>"
                + "<main id=\"main\"><section class=\"page outsider-link\"><h1>" + escape(title) + "</h1>" + body
                + "</section></main></body></html>");
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
