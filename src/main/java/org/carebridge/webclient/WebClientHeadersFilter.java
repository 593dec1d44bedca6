package org.carebridge.webclient;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web client's own Content-Security-Policy. The client is static files under {@code /app/}
 * (ES modules and one style sheet, no inline script or style anywhere), so the policy allows
 * only this origin's files, and connections only to this origin: its REST API and its event
 * WebSocket. The console's policy comes from PrimeFaces and does not apply here.
 *
 * <p>Every other header (framing, sniffing, referrer) is set for all paths by
 * {@code platform.web.SecurityHeadersFilter}; it leaves {@code Cache-Control} of {@code /app/}
 * to this filter, which lets browsers keep the files but ask each time whether they changed.
 */
@WebFilter(urlPatterns = "/app/*")
public class WebClientHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(request.isSecure(), request.getHeader("Host")));
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }

    /**
     * The policy for a page served over {@code https} or not, to {@code host} (as the browser
     * named it). {@code 'self'} in {@code connect-src} covers the same-origin WebSocket in current
     * browsers; the explicit {@code ws:}/{@code wss:} origin is for those that read CSP Level 2
     * strictly. A missing or odd Host header simply leaves it out.
     */
    static String policy(boolean secure, String host) {
        String socket = host != null && host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")
                ? " " + (secure ? "wss://" : "ws://") + host
                : "";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'" + socket + "; manifest-src 'self'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'; object-src 'none'";
    }
}
