package org.carebridge.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (never a downloaded browser), with
 * the flags that keep it off the network, plus the few helpers console tests need.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String cssSelector) {
        return waitFor(cssSelector);
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public WebElement waitFor(String cssSelector) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public void waitForText(String cssSelector, String text) {
        retryingWait().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
    }

    /**
     * Picks {@code label} in the PrimeFaces select menu {@code menu} as a person would: open the
     * list, click the entry. Tries again when a click lands while the list is still opening on a
     * busy machine, and returns once the menu shows the label.
     */
    public void choose(String menu, String label) {
        retryingWait().until(d -> {
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

    /**
     * Types {@code typed} into the PrimeFaces autocomplete {@code autocomplete} and picks the
     * suggestion {@code label}. On a busy machine a keystroke can land before the widget listens,
     * so the text is typed again when no suggestion has shown after a few seconds.
     */
    public void suggest(String autocomplete, String typed, String label) {
        long[] typedAt = {Long.MIN_VALUE / 2};
        WebDriverWait wait = retryingWait();
        wait.withTimeout(Duration.ofSeconds(60));
        wait.until(d -> {
            List<WebElement> items = d.findElements(By.cssSelector(autocomplete + "_panel li[data-item-label='"
                    + label + "']"));
            if (!items.isEmpty() && items.get(0).isDisplayed()) {
                items.get(0).click();
                return true;
            }
            if (System.nanoTime() - typedAt[0] > Duration.ofSeconds(6).toNanos()) {
                WebElement field = d.findElement(By.cssSelector(autocomplete + "_input"));
                field.clear();
                field.sendKeys(typed);
                typedAt[0] = System.nanoTime();
            }
            return false;
        });
    }

    /** The current value of an input field. */
    public String value(String cssSelector) {
        return retryingWait().until(d -> d.findElement(By.cssSelector(cssSelector)).getAttribute("value"));
    }

    public void waitForUrlContaining(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(part));
    }

    /**
     * Types into a field. Retries when an AJAX update replaced the element between finding and
     * typing (the page re-renders its form after every save).
     */
    public void type(String cssSelector, String text) {
        retryingWait().until(d -> {
            WebElement field = d.findElement(By.cssSelector(cssSelector));
            if (!field.isDisplayed()) {
                return false;
            }
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    public void click(String cssSelector) {
        retryingWait().until(d -> {
            WebElement element = d.findElement(By.cssSelector(cssSelector));
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private WebDriverWait retryingWait() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(NoSuchElementException.class);
        // Chromium reports an element replaced by an AJAX update while it was being read as
        // "Node with given id does not belong to the document", a plain WebDriverException rather
        // than a stale element; retry those too. A real error still ends the wait with its cause.
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** The element's text as written in the page, whatever CSS does to its case. */
    public String text(String cssSelector) {
        return retryingWait().until(d -> {
            WebElement element = d.findElement(By.cssSelector(cssSelector));
            return element.isDisplayed() ? element.getAttribute("textContent").strip() : null;
        });
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Saves a PNG under target/screenshots for people to look at. */
    public void screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    /**
     * Signs out through the menu and waits for the sign-in page to confirm it, so the sign-out's
     * redirect cannot land on top of whatever the test opens next.
     */
    public void signOut() {
        click("#signoutButton");
        waitForText("#notice", "You have signed out.");
    }

    /** Drops every cookie: the next page starts a new, signed-out session. */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Waits until PrimeFaces has no AJAX request queued or in flight. A banner text left over
     * from the previous save would otherwise let a test carry on before the page shows the answer
     * to the latest one, and type into fields that are about to be replaced.
     */
    public void waitForAjax() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Signs in through the real sign-in page. */
    public void signIn(String email, String password) {
        open("/login.xhtml");
        type("#signin\\:email", email);
        type("#signin\\:password", password);
        click("#signin\\:submit");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
