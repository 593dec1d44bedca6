package org.carebridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.carebridge.group.ContactGroup;
import org.carebridge.organization.Organization;
import org.carebridge.organization.OrganizationKind;
import org.carebridge.user.User;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client (/app/) in two headless Chromium browsers at once, against the real WAR on
 * Payara Micro and PostgreSQL: two clinicians of affiliated organizations sign in, find each
 * other in the directory, see each other's status change live over the event socket, and catch
 * up after the connection drops; a user of an unrelated hospital is never listed; the lockout
 * wait and a wrong PIN are explained; a temporary PIN must be changed first; the inactivity lock
 * asks for the PIN again. Screenshots of the main screens go to target/screenshots.
 */
class WebClientIT extends BrowserTestSupport {

    private static final String PIN = "4821";
    private static final Pbkdf2PasswordHashImpl PINS = new Pbkdf2PasswordHashImpl();

    private Organization hospital;
    private Organization practice;
    private Organization stranger;

    @BeforeAll
    static void fastPins() {
        // PBKDF2's stored form names its iterations: few here keep arranging fast, the server verifies either way.
        PINS.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "1024"));
    }

    @BeforeEach
    void arrange() {
        hospital = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Lakeside Hospital"), "(312) 555-0160");
        practice = data.organization(OrganizationKind.PRACTICE, ItData.unique("Birch Family Practice"), "(312) 555-0161");
        stranger = data.organization(OrganizationKind.HOSPITAL, ItData.unique("Distant Hospital"), "(312) 555-0162");
        data.affiliate(hospital, practice);
    }

    /** A clinician with a name of their own who signs in to the app with {@code pin}. */
    private User clinician(Organization org, String first, String last, String pin, boolean temporary) {
        User user = data.member(org, ItData.uniqueEmail(first.toLowerCase()));
        return data.transaction(em -> {
            User managed = em.find(User.class, user.getId());
            managed.rename(first, null, last);
            managed.changePinHash(PINS.generate(pin.toCharArray()), temporary);
            return managed;
        });
    }

    private static void signIn(Browser browser, String email, String pin) {
        browser.open("/app/");
        browser.type("#email", email);
        browser.type("#pin", pin);
        browser.click("#signin");
    }

    private static String entry(User user) {
        return "#entry-native-" + user.getId();
    }

    private static void waitForStatus(Browser browser, User user, String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> !d.findElements(
                org.openqa.selenium.By.cssSelector(entry(user) + " .presence[data-status='" + status + "']")).isEmpty());
    }

    private static Object script(Browser browser, String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    /**
     * Ada writes to an e-mail address from "Message by e-mail or text"; the person without an
     * account opens the mailed link in a browser of their own, reads and replies there; Ada sees
     * the read receipt and the reply live. A second opening of the link shows nothing.
     */
    @Test
    void aClinicianWritesToAnEMailAddressAndTheNonUserReadsAndRepliesInTheirOwnBrowser() throws Exception {
        data.transaction(em -> {
            em.find(Organization.class, hospital.getId()).changeMessaging(false, true);
            return null;
        });
        User ada = clinician(hospital, "Ada", ItData.unique("Mensah").replace(' ', 'x'), PIN, false);
        String address = ItData.uniqueEmail("pat").replace("@", ".outside@");

        signIn(browser, ada.getEmail(), PIN);
        browser.waitFor("#conversations-title");
        browser.click("#new-non-user-conversation");
        browser.type("#new-non-user-to", address);
        browser.type("#new-text", "Please call the ward about your results.");
        browser.click("#new-send");
        browser.waitForText("#conversation-title", address);
        browser.waitFor(".receipt[data-non-user-id]");

        // The mail is in the outbox (this class runs no SMTP server): its link is what Pat receives.
        long deadline = System.currentTimeMillis() + 30_000;
        while (data.mailsTo(address).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        String text = data.mailsTo(address).get(0).message().text();
        assertFalse(text.contains("results"), "the mail carries no message");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+?/m/[A-Za-z0-9_-]+").matcher(text);
        assertTrue(link.find(), text);

        try (Browser pat = new Browser(baseUrl())) {
            pat.driver().get(link.group());
            pat.click("#open-message");
            pat.waitForText("#outsider-messages", "Please call the ward about your results.");
            assertTrue(pat.text("#outsider-title").contains(hospital.getName()));
            pat.screenshot("webclient-non-user-page");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(
                            ".receipt[data-non-user-id][data-state='READ']")).isEmpty());

            pat.type("#outsider-reply-text", "Thank you, I will call at 3.");
            pat.click("#outsider-send");
            pat.waitForText("#outsider-messages", "Thank you, I will call at 3.");
            browser.waitForText("#messages", "Thank you, I will call at 3.");
            assertTrue(browser.text("#messages").contains(address), "the reply shows who wrote it");
            browser.screenshot("webclient-non-user-conversation");

            pat.driver().get(link.group());
            pat.waitForText("h1", "This link was used already");
            assertFalse(pat.pageText().contains("Please call"));
        }
    }

    @Test
    void twoCliniciansOfAffiliatedOrganizationsFindEachOtherAndSeePresenceLive() throws Exception {
        String lastA = ItData.unique("Okafor").replace(' ', 'x');
        String lastB = ItData.unique("Lindqvist").replace(' ', 'x');
        User ada = clinician(hospital, "Ada", lastA, PIN, false);
        User ben = clinician(practice, "Ben", lastB, "7305", false);
        User cleo = clinician(stranger, "Cleo", ItData.unique("Faraway").replace(' ', 'x'), PIN, false);

        ContactGroup cardiology = data.group(hospital, ItData.unique("Cardiology"), ada);
        data.transaction(em -> {
            em.find(ContactGroup.class, cardiology.getId()).changeWholeGroupMessaging(true);
            em.find(Organization.class, hospital.getId()).changeMessaging(true, false);
            return null;
        });

        signIn(browser, ada.getEmail(), PIN);
        browser.waitFor("#conversations-title");
        browser.click("#nav-directory");
        browser.waitFor(entry(ben));
        assertTrue(browser.text("#entry-group-" + cardiology.getId()).contains(cardiology.getName()), "a group entry");
        assertTrue(browser.text("#entry-organization-" + hospital.getId()).contains("Whole organization"),
                "the whole-organization entry");
        assertTrue(browser.text(entry(ben)).contains(practice.getName()), "the directory names the organization");
        assertTrue(browser.pageText().contains(hospital.getName()), "the header names the user's organization");
        assertTrue(browser.findAll("#entry-native-" + cleo.getId()).isEmpty(), "an unrelated hospital's user is never listed");

        try (Browser second = new Browser(baseUrl())) {
            signIn(second, ben.getEmail(), "7305");
            second.click("#nav-directory");
            second.waitFor("#directory-search");
            second.type("#directory-search", lastA);
            second.waitFor(entry(ada));
            second.waitForText("#directory-count", "1 person");
            second.type("#directory-search", cleo.getLastName());
            second.waitForText("#directory-count", "Nobody in your directory matches");

            // Ben sets his status; Ada's directory shows it without reloading.
            waitForStatus(browser, ben, "Available");
            second.click("#nav-profile");
            second.waitFor("#status");
            new org.openqa.selenium.support.ui.Select(second.find("#status")).selectByValue("Busy");
            second.click("#status-save");
            second.waitForText("#status-message", "Your status is now Busy.");
            waitForStatus(browser, ben, "Busy");

            // Ada favours Ben: he moves to Favorites.
            browser.click(entry(ben) + " .favorite");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(
                    org.openqa.selenium.By.cssSelector("#directory-list h2")).stream()
                    .anyMatch(h -> "Favorites".equals(h.getAttribute("textContent"))));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                    "true".equals(d.findElement(org.openqa.selenium.By.cssSelector(entry(ben) + " .favorite"))
                            .getAttribute("aria-pressed")));
            browser.screenshot("webclient-directory");

            // Ada asks to call Ben; her profile has no cell number, which the server refuses and the client explains.
            browser.click(entry(ben) + " .call-button");
            browser.waitForText(entry(ben) + " .call-result", "your profile has no cell number");

            // The network goes away: Ada's client says so, misses Ben's next change, and catches up once back.
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            ((HasNetworkConditions) browser.driver()).setNetworkConditions(offline);
            browser.waitForText("#connection", "Reconnecting");
            assertEquals("reconnecting", browser.find("#connection").getAttribute("data-state"));
            browser.screenshot("webclient-reconnecting");
            new org.openqa.selenium.support.ui.Select(second.find("#status")).selectByValue("Unavailable");
            second.click("#status-save");
            second.waitForText("#status-message", "Your status is now Unavailable.");
            Thread.sleep(1500);
            assertTrue(browser.findAll(entry(ben) + " .presence[data-status='Busy']").size() == 1,
                    "nothing reaches a client without a network");
            ((HasNetworkConditions) browser.driver()).deleteNetworkConditions();
            browser.waitForText("#connection", "Connected again.");
            waitForStatus(browser, ben, "Unavailable");

            // Ben's profile lists this browser among his devices.
            second.waitForText("#devices", "this browser");
            second.screenshot("webclient-profile");
            second.driver().manage().window().setSize(new Dimension(390, 844));
            second.click("#nav-directory");
            second.waitFor(entry(ada));
            second.screenshot("webclient-directory-phone");
            second.driver().manage().window().setSize(new Dimension(1280, 900));

            second.click("#signout");
            second.waitForText("#notice", "You have signed out.");
            assertEquals("[]", String.valueOf(script(second, "return JSON.stringify(Object.keys(sessionStorage)"
                    + ".filter(k => k === 'carebridge.session'))")), "nothing of the session is left in the tab");
        }
    }

    @Test
    void theOwnDeviceListHoldsOnlyTheCallersDevices() throws Exception {
        User ada = clinician(hospital, "Ada", "Devicelist", PIN, false);
        User ben = clinician(practice, "Ben", "Devicelist", PIN, false);
        String adaToken = data.clientToken(ada);
        long bensDevice = data.device(ben, "Ben's phone").getId();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/devices"))
                .header("Authorization", "Bearer " + adaToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(mine.body().contains("\"current\":true") && mine.body().contains("\"signedIn\":true"), mine.body());
        assertFalse(mine.body().contains("\"id\":" + bensDevice + ","), "another user's device is never listed");
        assertFalse(mine.body().contains("deviceKey") || mine.body().contains("key-"), "no device keys: " + mine.body());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/devices"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/app/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
    }

    @Test
    void lockoutWaitsAndWrongPinsAreExplainedAndATemporaryPinMustBeChangedFirst() throws Exception {
        User waiting = clinician(hospital, "Dana", "Waiting", PIN, false);
        data.transaction(em -> {
            Instant now = Instant.now();
            em.find(User.class, waiting.getId()).pinFailed(5, now, now.plusSeconds(180), false);
            return null;
        });
        signIn(browser, waiting.getEmail(), PIN);
        browser.waitForText("#signin-error", "Too many wrong PINs in a row.");
        assertTrue(browser.text("#signin-error").contains("10th wrong PIN"), browser.text("#signin-error"));
        assertFalse(browser.find("#signin").isEnabled(), "no try is possible before the wait ends");
        String countdown = browser.text("#countdown");
        assertTrue(countdown.startsWith("2 min") || countdown.startsWith("3 min"), countdown);
        browser.screenshot("webclient-signin-wait");

        User wrong = clinician(hospital, "Eli", "Wrong", PIN, false);
        browser.open("/app/");
        script(browser, "sessionStorage.clear()");
        signIn(browser, wrong.getEmail(), "1111");
        browser.waitForText("#signin-error", "The e-mail address or PIN is not right.");
        assertTrue(browser.text("#signin-error").contains("administrator"), "the locked case is explained too");

        User temporary = clinician(hospital, "Fay", "Temporary", "2580", true);
        signIn(browser, temporary.getEmail(), "2580");
        browser.waitForText("h1", "Choose your own PIN");
        assertTrue(browser.findAll("#top:not([hidden])").isEmpty(), "nothing else is offered before the change");
        browser.type("#temp-new", "5555");
        browser.type("#temp-repeat", "5555");
        browser.click("#temp-save");
        browser.waitForText("#temp-error", "one digit four times");
        browser.type("#temp-new", "1357");
        browser.type("#temp-repeat", "1357");
        browser.screenshot("webclient-temporary-pin");
        browser.click("#temp-save");
        browser.waitFor("#conversations-title");
        User changed = data.reload(temporary);
        assertFalse(changed.isPinTemporary());
        assertTrue(PINS.verify("1357".toCharArray(), changed.getPinHash()), "the new PIN is the one stored");
    }

    @Test
    void inactivityLocksTheClientAndThePinUnlocksIt() {
        User gil = clinician(hospital, "Gil", "Idle", PIN, false);
        browser.open("/app/");
        script(browser, "localStorage.setItem('carebridge.lockAfterSeconds', '6')");
        signIn(browser, gil.getEmail(), PIN);
        browser.waitFor("#conversations-title");
        String token = String.valueOf(script(browser, "return JSON.parse(sessionStorage.getItem('carebridge.session')).accessToken"));
        browser.waitForText("h1", "Carebridge is locked");
        assertTrue(browser.findAll("#conversation-list").isEmpty(), "the messages are gone from the page");
        assertTrue(browser.findAll("#top:not([hidden])").isEmpty());
        browser.screenshot("webclient-locked");
        browser.type("#lock-pin", "9999");
        browser.click("#unlock");
        browser.waitForText("#lock-error", "not right");
        browser.type("#lock-pin", PIN);
        browser.click("#unlock");
        browser.waitFor("#conversations-title");
        String newToken = String.valueOf(script(browser, "return JSON.parse(sessionStorage.getItem('carebridge.session')).accessToken"));
        assertFalse(token.equals(newToken), "unlocking is a fresh sign-in");
        script(browser, "localStorage.removeItem('carebridge.lockAfterSeconds')");
    }

    private static void goOffline(Browser browser, boolean offline) {
        if (offline) {
            ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
            conditions.setOffline(true);
            ((HasNetworkConditions) browser.driver()).setNetworkConditions(conditions);
        } else {
            ((HasNetworkConditions) browser.driver()).deleteNetworkConditions();
        }
    }

    private long messageId(String text) {
        return data.transaction(em -> ((Number) em.createNativeQuery("select id from message where body = ?")
                .setParameter(1, text).getSingleResult()).longValue());
    }

    private static void waitUntil(Browser browser, int seconds, org.openqa.selenium.support.ui.ExpectedCondition<Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(condition);
    }

    @Test
    void twoCliniciansExchangeMessagesWithReadStatesAnswersHighPriorityReconnectAndExpiry() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        User ada = clinician(hospital, "Ada", "Messenger" + tag, PIN, false);
        User ben = clinician(practice, "Ben", "Receiver" + tag, "7305", false);
        User cleo = clinician(stranger, "Cleo", "Outsider" + tag, PIN, false);
        String question = "Is bed 12 ready for the transfer? " + tag;

        try (Browser second = new Browser(baseUrl())) {
            signIn(second, ben.getEmail(), "7305");
            second.waitFor("#conversations-empty");
            // Ben's event socket is open before Ada writes, so his client receives and acknowledges the message live.
            waitUntil(second, 30, d -> !d.findElements(org.openqa.selenium.By.cssSelector("#connection[data-state='open']")).isEmpty());

            signIn(browser, ada.getEmail(), PIN);
            browser.waitFor("#conversations-title");
            browser.click("#nav-directory");
            browser.type("#directory-search", "Receiver" + tag);
            browser.click(entry(ben) + " .message-button");
            browser.waitForText("#new-title", "New message to");
            browser.type("#new-text", question);
            browser.click("#new-high");
            browser.click("#new-with-choices");
            browser.type("#new-choice-1", "Yes");
            browser.type("#new-choice-2", "Not yet");
            browser.click("#new-send");
            browser.waitFor("#messages .message.mine.high");
            browser.waitForText("#messages", question);
            String conversationUrl = browser.currentUrl();
            long conversationId = Long.parseLong(conversationUrl.substring(conversationUrl.lastIndexOf('/') + 1));
            long questionId = messageId(question);

            String row = "#conversation-" + conversationId;
            second.waitFor(row);
            assertEquals("1", second.find(row + " .badge").getAttribute("data-unread"), "one unread message");
            assertTrue(second.text(row + " .tag.high").contains("High priority"));
            assertTrue(second.text("#unread-count").equals("1"), "the navigation counts unread messages");
            second.screenshot("webclient-conversations");

            // Ada's copy says delivered once Ben's client acknowledged the event.
            waitUntil(browser, 30, d -> !d.findElements(org.openqa.selenium.By.cssSelector("#message-" + questionId
                    + " .receipt[data-state='DELIVERED'], #message-" + questionId + " .receipt[data-state='READ']")).isEmpty());

            second.click(row + " a");
            second.waitForText("#messages", question);
            second.click("#message-" + questionId + " .answer-buttons button[data-choice='0']");
            second.waitForText("#answered-" + questionId, "You answered “Yes”.");

            // Ada sees Ben read and answer, live.
            waitUntil(browser, 30, d -> !d.findElements(org.openqa.selenium.By.cssSelector("#message-" + questionId
                    + " .receipt[data-state='READ']")).isEmpty());
            browser.waitForText("#message-" + questionId + " .receipts", "answered “Yes”");

            // Ben replies with a normal message; it appears in Ada's open conversation.
            second.type("#reply-text", "On my way " + tag);
            second.click("#reply-send");
            browser.waitForText("#messages", "On my way " + tag);
            second.screenshot("webclient-conversation-recipient");
            browser.screenshot("webclient-conversation");

            // Ada's network goes away; Ben writes meanwhile; it arrives once Ada is back (replay after the last sequence).
            goOffline(browser, true);
            browser.waitForText("#connection", "Reconnecting");
            second.type("#reply-text", "Bring the chart " + tag);
            second.click("#reply-send");
            second.waitForText("#messages", "Bring the chart " + tag);
            Thread.sleep(1500);
            assertFalse(browser.text("#messages").contains("Bring the chart"), "nothing arrives without a network");
            goOffline(browser, false);
            browser.waitForText("#connection", "Connected again.");
            browser.waitForText("#messages", "Bring the chart " + tag);

            // The server drops Ada's socket: her next acknowledgement names a sequence never sent, which
            // the server answers by closing with 1003. Her client reconnects on its own, acknowledges
            // again what the lost frame covered, and goes on receiving live; nothing shows twice.
            script(browser, "window.__serverClose = null;"
                    + "const original = WebSocket.prototype.send;"
                    + "WebSocket.prototype.send = function (data) {"
                    + "  if (typeof data === 'string' && data.indexOf('\"ack\"') >= 0) {"
                    + "    WebSocket.prototype.send = original;"
                    + "    this.addEventListener('close', e => { window.__serverClose = e.code + ' ' + e.reason; });"
                    + "    return original.call(this, JSON.stringify({type: 'ack', sequence: 2147483647}));"
                    + "  }"
                    + "  return original.call(this, data);"
                    + "};");
            second.type("#reply-text", "Across the drop " + tag);
            second.click("#reply-send");
            browser.waitForText("#messages", "Across the drop " + tag);
            waitUntil(browser, 30, d -> script(browser, "return window.__serverClose") != null);
            assertTrue(String.valueOf(script(browser, "return window.__serverClose")).startsWith("1003 Sequence 2147483647 was never sent"),
                    "the server closed the socket: " + script(browser, "return window.__serverClose"));
            browser.waitForText("#connection", "Connected again.");
            waitUntil(browser, 30, d -> data.transaction(em -> ((Number) em.createNativeQuery(
                    "select last_sequence - acked_sequence from client_event_cursor where user_id = ?")
                    .setParameter(1, ada.getId()).getSingleResult()).longValue()) == 0);
            second.type("#reply-text", "After the drop " + tag);
            second.click("#reply-send");
            browser.waitForText("#messages", "After the drop " + tag);
            assertEquals(1, browser.findAll("#messages .message").stream()
                    .filter(m -> m.getText().contains("Across the drop " + tag)).count(), "the message across the drop shows once");

            // A socket that opens but is never served (no ready event, nothing after it): the client
            // gives up on it after 10 s and opens another, well before its 25-second ping would notice.
            script(browser, "const Original = window.WebSocket;"
                    + "window.__silentSockets = 0;"
                    + "const Silent = function (url, protocols) {"
                    + "  window.WebSocket = Original;"
                    + "  const socket = new Original(url, protocols);"
                    + "  const add = socket.addEventListener.bind(socket);"
                    + "  socket.addEventListener = (type, listener, options) =>"
                    + "      add(type, type === 'message' ? () => {} : listener, options);"
                    + "  window.__silentSockets++;"
                    + "  return socket;"
                    + "};"
                    + "Object.assign(Silent, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});"
                    + "window.WebSocket = Silent;");
            goOffline(browser, true);
            browser.waitForText("#connection", "Reconnecting");
            goOffline(browser, false);
            waitUntil(browser, 30, d -> ((Number) script(browser, "return window.__silentSockets")).intValue() == 1);
            second.type("#reply-text", "Past a silent socket " + tag);
            second.click("#reply-send");
            second.waitForText("#messages", "Past a silent socket " + tag);
            long silentSince = System.nanoTime();
            browser.waitForText("#messages", "Past a silent socket " + tag);
            assertTrue(System.nanoTime() - silentSince < TimeUnit.SECONDS.toNanos(25),
                    "the silent socket was replaced before the keep-alive ping would have found it");

            // With the tab in the background (headless Chromium has no notification centre, so the page's
            // Notification is one that records, and the page is told it is hidden), a high-priority message
            // raises one notification that says only that something is waiting: no text, no sender.
            script(browser, "window.__notifications = [];"
                    + "window.Notification = class {"
                    + "  static get permission() { return 'granted'; }"
                    + "  constructor(title, options) { window.__notifications.push(title + ' | ' + options.body); }"
                    + "  addEventListener() {}"
                    + "  close() {}"
                    + "};"
                    + "Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});");
            second.click("#reply-high");
            second.type("#reply-text", "Hidden tab " + tag);
            second.click("#reply-send");
            browser.waitForText("#messages", "Hidden tab " + tag);
            waitUntil(browser, 30, d -> ((Number) script(browser, "return window.__notifications.length")).intValue() == 1);
            assertEquals("Carebridge | New high-priority secure message", script(browser, "return window.__notifications[0]"));
            script(browser, "delete document.visibilityState; document.dispatchEvent(new Event('visibilitychange'));");
            second.click("#reply-normal");

            // A message past its expiry leaves both pages (the server announces expiries every minute).
            second.type("#reply-text", "Short-lived " + tag);
            second.click("#reply-send");
            browser.waitForText("#messages", "Short-lived " + tag);
            long shortLived = messageId("Short-lived " + tag);
            data.transaction(em -> em.createNativeQuery("update message set sent_at = sent_at - interval '2 days',"
                    + " expires_at = now() - interval '1 second' where id = ?").setParameter(1, shortLived).executeUpdate());
            waitUntil(browser, 100, d -> d.findElements(org.openqa.selenium.By.cssSelector("#message-" + shortLived)).isEmpty());
            waitUntil(second, 30, d -> d.findElements(org.openqa.selenium.By.cssSelector("#message-" + shortLived)).isEmpty());
            assertTrue(browser.text("#messages").contains("On my way " + tag), "other messages stay");

            // Someone of an unrelated hospital cannot open the conversation by its address.
            second.click("#signout");
            second.waitForText("#notice", "You have signed out.");
            signIn(second, cleo.getEmail(), PIN);
            second.waitFor("#conversations-title");
            second.open("/app/#/conversations/" + conversationId);
            second.waitForText("h1", "Conversation not found");
            assertFalse(second.pageText().contains(question));
        }
    }
}
