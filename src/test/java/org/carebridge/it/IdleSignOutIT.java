package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * Automatic sign-out after inactivity, on a server started with an 8-second idle timeout
 * (carebridge.console.idle-timeout; 20 minutes by default): the page warns, then signs out;
 * and the server forgets an idle session even when no page is left open to do so.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdleSignOutIT {

    private static final String PASSWORD = "Idle-Password-7";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    private static ItData data;

    @BeforeAll
    static void connect() {
        data = new ItData();
    }

    @AfterAll
    static void disconnect() {
        data.close();
    }

    private String newAdministrator() {
        Deployments.awaitReady(Deployments.loopback(deployed));
        Organization org = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Idle Hospital"), "(312) 555-0150");
        String email = ItData.uniqueEmail("idle");
        data.administrator(org, email, PASSWORD);
        return email;
    }

    @Test
    void thePageWarnsThenSignsOutAfterTheIdleTimeout() {
        try (Browser browser = new Browser(Deployments.loopback(deployed))) {
            browser.signIn(newAdministrator(), PASSWORD);
            browser.waitForUrlContaining("/console/organization/edit.xhtml");
            browser.waitFor("#idle\\:idleWarning");
            browser.screenshot("console-idle-warning");
            browser.waitForText("#notice", "You were signed out after a period without activity.");
            browser.open("/console/organization/edit.xhtml");
            browser.waitForUrlContaining("/login.xhtml");
        }
    }

    @Test
    void theServerEndsAnIdleSessionOnItsOwn() throws Exception {
        String base = Deployments.loopback(deployed);
        String sessionId;
        try (Browser browser = new Browser(base)) {
            browser.signIn(newAdministrator(), PASSWORD);
            browser.waitForUrlContaining("/console/organization/edit.xhtml");
            Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
            sessionId = cookie.getValue();
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest console = HttpRequest.newBuilder(URI.create(base + "/console/organization/edit.xhtml"))
                .header("Cookie", "JSESSIONID=" + sessionId).build();
        HttpResponse<String> active = http.send(console, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, active.statusCode(), "the session works while it is used");
        Thread.sleep(10_000);
        HttpResponse<String> idle = http.send(console, HttpResponse.BodyHandlers.ofString());
        assertEquals(302, idle.statusCode());
        assertTrue(idle.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
    }
}
