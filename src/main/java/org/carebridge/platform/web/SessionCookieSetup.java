package org.carebridge.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.carebridge.platform.PublicLinks;

/**
 * Marks the session cookie Secure whenever the public address is HTTPS. (Over plain HTTP on a
 * developer's loopback a Secure cookie would never come back.) HttpOnly and SameSite are set in
 * web.xml.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    PublicLinks links;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setSecure(links.isHttps());
    }
}
