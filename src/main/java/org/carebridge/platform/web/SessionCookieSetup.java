package org.carebridge.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

import org.carebridge.platform.PublicLinks;

/**
 * Sets the session cookie's flags: HttpOnly, and Secure whenever the public address is HTTPS
 * (over plain HTTP on a developer's loopback a Secure cookie would never come back).
 * SameSite=Lax is a Payara listener setting (payara/*.asadmin): Lax, not Strict, so an
 * administrator following a mailed link arrives signed in; every state-changing request is a
 * POST guarded by the Faces view state.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    PublicLinks links;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(links.isHttps());
        cookie.setHttpOnly(true);
    }
}
