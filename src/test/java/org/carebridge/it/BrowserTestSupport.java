package org.carebridge.it;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every console browser test shares: the real WAR on its own Payara Micro, database
 * access for arranging data ({@link ItData}), and a fresh headless Chromium per test, opened
 * once the application reports ready.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserTestSupport {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    protected static ItData data;
    protected Browser browser;

    @BeforeAll
    static void connect() {
        data = new ItData();
    }

    @AfterAll
    static void disconnect() {
        data.close();
    }

    @BeforeEach
    void openBrowser() {
        Deployments.awaitReady(baseUrl(), getClass());
        browser = new Browser(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** The application's address on loopback, without a trailing slash. */
    protected String baseUrl() {
        return Deployments.loopback(deployed);
    }
}
