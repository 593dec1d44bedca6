package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.carebridge.device.Device;
import org.carebridge.device.WipeState;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.LoginState;
import org.carebridge.user.User;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The client access API over real HTTP against the WAR on Payara Micro (PostgreSQL): PIN login,
 * temporary PIN, the lockout sequence, sign-out, an administrator's Login Disabled (in the
 * console, in Chromium), remote wipe on next contact, problem answers for bad input, and
 * another user's device key refused. The server's clock cannot move, so long waits and the
 * lock are reached by arranging the stored counters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientAccessIT {

    private static final String PIN = "4821";
    private static final String ADMIN_PASSWORD = "Correct-Horse-9";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.carebridge();
    }

    @ArquillianResource
    URL deployed;

    private static ItData data;
    private static final Pbkdf2PasswordHashImpl PINS = new Pbkdf2PasswordHashImpl();
    private final HttpClient http = HttpClient.newHttpClient();
    private Organization hospital;

    @BeforeAll
    static void connect() {
        data = new ItData();
        // PBKDF2's stored form names its iterations: few here keep arranging fast, the server verifies either way.
        PINS.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "1024"));
    }

    @AfterAll
    static void disconnect() {
        data.close();
    }

    @BeforeEach
    void arrange() {
        Deployments.awaitReady(baseUrl());
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Client Hospital"), "(408) 882-5830");
    }

    private String baseUrl() {
        return Deployments.loopback(deployed);
    }

    /** A clinician who can sign in to the app with {@code pin}. */
    private User clinician(Organization org, String pin, boolean temporary) {
        User user = data.member(org, ItData.uniqueEmail("clinician"));
        return data.transaction(em -> {
            User managed = em.find(User.class, user.getId());
            managed.changePinHash(PINS.generate(pin.toCharArray()), temporary);
            managed.setCellPhone("(212) 555-0142");
            return managed;
        });
    }

    private HttpResponse<String> call(String method, String path, String token, String contentType, String body)
            throws Exception {
        return new ClientApi(http, baseUrl()).call(method, path, token, contentType, body);
    }

    private HttpResponse<String> login(String email, String pin, String deviceKey) throws Exception {
        String body = Json.createObjectBuilder().add("email", email).add("pin", pin)
                .add("device", Json.createObjectBuilder().add("deviceKey", deviceKey).add("platform", "android")
                        .add("name", "Ward phone").add("pushProvider", "fcm").add("pushToken", "fcm-" + deviceKey))
                .build().toString();
        return call("POST", "/api/v1/session", null, "application/json", body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return ClientApi.json(response.body());
    }

    /** A problem answer: status, media type, type URI; never a stack trace. */
    private static JsonObject problem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON),
                response.headers().toString());
        JsonObject problem = json(response);
        assertEquals("/problems/" + type, problem.getString("type"), response.body());
        assertEquals(status, problem.getInt("status"));
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), response.body());
        return problem;
    }

    private String signedIn(User user, String deviceKey) throws Exception {
        HttpResponse<String> response = login(user.getEmail(), PIN, deviceKey);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getString("accessToken");
    }

    @Test
    void aClinicianSignsInUsesTheTokenAndSignsOut() throws Exception {
        User user = clinician(hospital, PIN, false);
        HttpResponse<String> response = login(user.getEmail(), PIN, "ward-phone-1");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject session = json(response);
        String token = session.getString("accessToken");
        assertEquals(43, token.length());
        assertFalse(session.getBoolean("pinTemporary"));
        assertTrue(Instant.parse(session.getString("expiresAt")).isAfter(Instant.now().plusSeconds(11 * 3600)));
        assertEquals(user.getId().longValue(), session.getJsonObject("user").getJsonNumber("id").longValue());
        assertFalse(response.body().contains("555-0142"), "the private cell number never leaves the server");
        JsonObject org = session.getJsonObject("organization");
        assertEquals(hospital.getId().longValue(), org.getJsonNumber("id").longValue());
        assertEquals(10080, org.getInt("messageExpirationMinutes"));
        assertEquals(30, org.getInt("highPrioritySoundSeconds"));
        assertFalse(org.getBoolean("nonUserMessaging"));

        HttpResponse<String> current = call("GET", "/api/v1/session", token, null, null);
        assertEquals(200, current.statusCode(), current.body());
        assertFalse(json(current).containsKey("accessToken"), "the token is shown once");
        Device device = data.transaction(em -> em.createNamedQuery(Device.BY_KEY, Device.class)
                .setParameter("userId", user.getId()).setParameter("deviceKey", "ward-phone-1").getSingleResult());
        assertEquals("Ward phone", device.getName());
        assertEquals(Device.STATUS_PUSH_ACTIVE, device.statusText());
        assertNotNull(device.getLastActivityAt());
        assertNotNull(data.reload(user).getLastClientLoginAt());

        assertEquals(204, call("DELETE", "/api/v1/session", token, null, null).statusCode());
        HttpResponse<String> after = call("GET", "/api/v1/session", token, null, null);
        problem(after, 401, "invalid-token");
        assertEquals("Bearer", after.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aTemporaryPinAllowsNothingButChangingIt() throws Exception {
        User user = clinician(hospital, PIN, true);
        HttpResponse<String> response = login(user.getEmail(), PIN, "temp-phone");
        assertTrue(json(response).getBoolean("pinTemporary"));
        String token = json(response).getString("accessToken");

        problem(call("GET", "/api/v1/session", token, null, null), 403, "pin-change-required");
        JsonObject sameDigits = problem(call("PUT", "/api/v1/session/pin", token, "application/json",
                "{\"currentPin\": \"4821\", \"newPin\": \"5555\"}"), 400, "invalid-pin");
        assertTrue(sameDigits.getString("detail").contains("same digit"), sameDigits.toString());
        problem(call("PUT", "/api/v1/session/pin", token, "application/json",
                "{\"currentPin\": \"1111\", \"newPin\": \"7305\"}"), 403, "wrong-pin");
        assertEquals(204, call("PUT", "/api/v1/session/pin", token, "application/json",
                "{\"currentPin\": \"4821\", \"newPin\": \"7305\"}").statusCode());

        assertEquals(200, call("GET", "/api/v1/session", token, null, null).statusCode());
        User changed = data.reload(user);
        assertFalse(changed.isPinTemporary());
        assertTrue(data.verifies("7305", changed.getPinHash()));
        assertEquals(0, changed.getFailedPinAttempts(), "the right current PIN reset the count");
    }

    @Test
    void fiveWrongPinsStartTheWaitsAndTheTenthLocksForKnownAndUnknownAddressesAlike() throws Exception {
        User user = clinician(hospital, PIN, false);
        String nobody = ItData.uniqueEmail("nobody");
        for (int i = 1; i <= 5; i++) {
            JsonObject known = problem(login(user.getEmail(), "0000", "k"), 401, "login-failed");
            JsonObject unknown = problem(login(nobody, "0000", "k"), 401, "login-failed");
            assertEquals(known, unknown, "an unknown address is answered exactly like a wrong PIN");
        }
        for (String email : new String[] {user.getEmail(), nobody}) {
            HttpResponse<String> wait = login(email, PIN, "k");
            problem(wait, 429, "too-many-attempts");
            long retryAfter = Long.parseLong(wait.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 180, "Retry-After " + retryAfter);
        }
        assertEquals(5, data.reload(user).getFailedPinAttempts(), "waiting attempts, even with the right PIN, are not counted");

        // Nine failures with the last wait over, as after half an hour of tries.
        data.transaction(em -> {
            em.find(User.class, user.getId()).pinFailed(9, Instant.now().minusSeconds(600), null, false);
            return null;
        });
        problem(login(user.getEmail(), "0000", "k"), 401, "login-failed");
        User locked = data.reload(user);
        assertEquals(LoginState.LOCKED, locked.getLoginState());
        assertEquals("Invalid login hard limit reached", locked.getLoginState().label());
        problem(login(user.getEmail(), PIN, "k"), 401, "login-failed");
        assertEquals(10, data.reload(user).getFailedPinAttempts(), "a locked account checks and counts nothing");

        data.transaction(em -> {
            em.find(User.class, user.getId()).unlock(PINS.generate("2468".toCharArray()), false);
            return null;
        });
        assertEquals(200, login(user.getEmail(), "2468", "k").statusCode(), "after the administrator's unlock");
    }

    @Test
    void loginDisabledInTheConsoleEndsTheClientsSessionAtOnce() throws Exception {
        User user = clinician(hospital, PIN, false);
        String token = signedIn(user, "disabled-phone");
        String adminEmail = ItData.uniqueEmail("admin");
        data.administrator(hospital, adminEmail, ADMIN_PASSWORD);
        try (Browser browser = new Browser(baseUrl())) {
            browser.signIn(adminEmail, ADMIN_PASSWORD);
            browser.waitForUrlContaining("/console/");
            browser.open("/console/user/edit.xhtml?id=" + user.getId());
            browser.waitForText("#profile\\:loginState", "Login Enabled");
            choose(browser, "#profile\\:loginState", "Login Disabled");
            browser.click("#profile\\:save");
            new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> data.reload(user).getLoginState() == LoginState.DISABLED);
        }
        problem(call("GET", "/api/v1/session", token, null, null), 401, "invalid-token");
        problem(login(user.getEmail(), PIN, "disabled-phone"), 401, "login-failed");
    }

    @Test
    void aRequestedWipeReachesTheDeviceOnItsNextContactUntilItConfirms() throws Exception {
        User user = clinician(hospital, PIN, false);
        String token = signedIn(user, "lost-phone");
        Long deviceId = data.transaction(em -> {
            Device device = em.createNamedQuery(Device.BY_KEY, Device.class).setParameter("userId", user.getId())
                    .setParameter("deviceKey", "lost-phone").getSingleResult();
            device.requestWipe(Instant.now());
            return device.getId();
        });

        JsonObject wipe = problem(call("GET", "/api/v1/session", token, null, null), 410, "device-wipe");
        assertEquals("lost-phone", wipe.getString("deviceKey"));
        assertEquals(Device.STATUS_WIPE_REQUESTED, data.transaction(em -> em.find(Device.class, deviceId)).statusText());
        JsonObject again = problem(call("GET", "/api/v1/session", token, null, null), 410, "device-wipe");
        JsonObject onLogin = problem(login(user.getEmail(), "0000", "lost-phone"), 410, "device-wipe");

        problem(call("POST", "/api/v1/devices/lost-phone/wiped", null, "application/json",
                "{\"confirmation\": \"" + again.getString("wipeConfirmation") + "\"}"), 404, "not-found");
        assertEquals(204, call("POST", "/api/v1/devices/lost-phone/wiped", null, "application/json",
                "{\"confirmation\": \"" + onLogin.getString("wipeConfirmation") + "\"}").statusCode());
        Device wiped = data.transaction(em -> em.find(Device.class, deviceId));
        assertEquals(WipeState.WIPED, wiped.getWipeState());
        assertEquals(Device.STATUS_WIPED, wiped.statusText());
        problem(call("GET", "/api/v1/session", token, null, null), 401, "invalid-token");
        assertEquals(0, data.reload(user).getFailedPinAttempts(), "the wipe answer counted no PIN");
    }

    @Test
    void anotherUsersDeviceKeyIsNeitherWipedNorConfirmedThroughMine() throws Exception {
        Organization other = data.organization(OrganizationKind.PRACTICE, ItData.unique("Other Practice"), "(503) 555-0100");
        User theirs = clinician(other, PIN, false);
        String sharedKey = "key-" + UUID.randomUUID();
        signedIn(theirs, sharedKey);
        data.transaction(em -> {
            em.createNamedQuery(Device.BY_KEY, Device.class).setParameter("userId", theirs.getId())
                    .setParameter("deviceKey", sharedKey).getSingleResult().requestWipe(Instant.now());
            return null;
        });
        User mine = clinician(hospital, PIN, false);
        HttpResponse<String> myLogin = login(mine.getEmail(), PIN, sharedKey);
        assertEquals(200, myLogin.statusCode(), "my login is not answered with their wipe");
        problem(call("POST", "/api/v1/devices/" + sharedKey + "/wiped", null, "application/json",
                "{\"confirmation\": \"" + json(myLogin).getString("accessToken") + "\"}"), 404, "not-found");
        Device theirDevice = data.transaction(em -> em.createNamedQuery(Device.BY_KEY, Device.class)
                .setParameter("userId", theirs.getId()).setParameter("deviceKey", sharedKey).getSingleResult());
        assertEquals(WipeState.REQUESTED, theirDevice.getWipeState());
    }

    @Test
    void badInputIsAnsweredAsProblemJsonNeverAsAStackTrace() throws Exception {
        problem(call("POST", "/api/v1/session", null, "application/json", "{\"email\": \"a@b.test\", \"pin\": "),
                400, "malformed-body");
        problem(call("POST", "/api/v1/session", null, "application/json",
                "{\"email\": \"a@b.test\", \"pin\": \"4821\", \"device\": \"phone\"}"), 400, "malformed-body");
        problem(call("POST", "/api/v1/session", null, "application/json",
                "{\"email\": \"a@b.test\", \"pin\": \"4821\", \"admin\": true, \"device\": {\"deviceKey\": \"k\", \"platform\": \"ios\"}}"),
                400, "malformed-body");
        JsonObject invalid = problem(call("POST", "/api/v1/session", null, "application/json",
                "{\"email\": \"a@b.test\", \"pin\": \"12\", \"device\": {\"deviceKey\": \"k\", \"platform\": \"pager\"}}"),
                400, "invalid-request");
        assertEquals("device.platform", invalid.getJsonArray("errors").getJsonObject(0).getString("field"), invalid.toString());
        assertEquals("pin", invalid.getJsonArray("errors").getJsonObject(1).getString("field"), invalid.toString());
        problem(call("POST", "/api/v1/session", null, "application/json", null), 400, "invalid-request");
        problem(call("POST", "/api/v1/session", null, "application/json", "{\"email\": \"" + "x".repeat(70_000) + "\"}"),
                413, "body-too-large");
        problem(call("POST", "/api/v1/session", null, "text/plain", "hello"), 415, "unsupported-media-type");
        problem(call("PATCH", "/api/v1/session", null, "application/json", "{}"), 405, "method-not-allowed");
        problem(call("GET", "/api/v1/no-such-thing", null, null, null), 404, "not-found");
    }

    @Test
    void theOpenApiDocumentDescribesTheSessionApiWithExamples() throws Exception {
        HttpResponse<String> openapi = call("GET", "/openapi", null, null, null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/session/pin"), openapi.body());
        assertTrue(openapi.body().contains("/api/v1/devices/{deviceKey}/wiped"));
        assertTrue(openapi.body().contains("too-many-attempts") && openapi.body().contains("wipeConfirmation"));
    }

    private static void choose(Browser browser, String menu, String label) {
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(d -> {
            if (label.equals(d.findElement(By.cssSelector(menu + "_label")).getText().strip())) {
                return true;
            }
            WebElement panel = d.findElement(By.cssSelector(menu + "_panel"));
            if (!panel.isDisplayed()) {
                d.findElement(By.cssSelector(menu + " .ui-selectonemenu-trigger")).click();
                return false;
            }
            WebElement item = d.findElement(By.cssSelector(menu + "_items li[data-label='" + label + "']"));
            if (item.isDisplayed()) {
                item.click();
            }
            return false;
        });
    }
}
