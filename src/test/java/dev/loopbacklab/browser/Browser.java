package dev.loopbacklab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, at fixed paths, so Selenium Manager never runs) with a fresh
 * profile, plus the DevTools commands the scenarios need: viewport width, dark mode, print media,
 * full-page screenshots, the console and the network log.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /**
     * Starts a browser, or skips the calling test class when Chromium or chromedriver is missing
     * (fails instead when {@code LAB_REQUIRE_BROWSER=1}, as in CI).
     */
    static Browser startOrSkip() {
        if (!BrowserAvailable.present()) {
            String message = BrowserAvailable.missingMessage();
            if (BrowserAvailable.required()) {
                Assertions.fail(message + " LAB_REQUIRE_BROWSER=1 makes this a failure.");
            }
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("lab-chromium-");
            Path downloads = Files.createTempDirectory("lab-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=1024,900",
                    "--disable-dev-shm-usage");
            options.setCapability(
                    "goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "download.default_directory",
                            downloads.toString(),
                            "download.prompt_for_download",
                            false));
            ChromeDriverService service =
                    new ChromeDriverService.Builder()
                            .usingDriverExecutable(CHROMEDRIVER.toFile())
                            .usingAnyFreePort()
                            .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            driver.executeCdpCommand(
                    "Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            return new Browser(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Runs JavaScript in the page; see {@link JavascriptExecutor#executeScript}. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    Map<String, Object> cdp(String command, Map<String, Object> params) {
        return driver.executeCdpCommand(command, params);
    }

    /**
     * Waits for {@code condition} to give something other than null or false, and returns as soon
     * as it holds. Only JUnit's default timeout limits the wait (its interrupt ends the sleep
     * between polls): a loaded machine makes the test slower, never red.
     */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofHours(1)).until(condition);
    }

    /**
     * Starts recording whether {@code element}'s text ever reads {@code text}, and returns the
     * condition "it did". For labels that show briefly ("Copied" for 1.5 s): a slow machine can
     * miss that window when polling, but not the change.
     */
    Function<WebDriver, Boolean> watchText(WebElement element, String text) {
        js(
                "const el = arguments[0], text = arguments[1]; el.labTextSeen = false;"
                        + " new MutationObserver(function () {"
                        + "   if (el.textContent === text) el.labTextSeen = true;"
                        + " }).observe(el, {childList: true, characterData: true, subtree: true});",
                element,
                text);
        return d -> Boolean.TRUE.equals(js("return arguments[0].labTextSeen;", element));
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** Lays the page out as on a phone {@code width} CSS pixels wide (0 undoes it). */
    void viewportWidth(int width) {
        if (width == 0) {
            cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            cdp(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Emulates {@code prefers-color-scheme} (null undoes it). */
    void colorScheme(String scheme) {
        cdp(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        List.of(
                                Map.of(
                                        "name",
                                        "prefers-color-scheme",
                                        "value",
                                        scheme == null ? "" : scheme))));
    }

    /** Emulates print media ({@code "print"}) or undoes it ({@code ""}). */
    void media(String media) {
        cdp("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    /** Saves a full-page PNG as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> size =
                    (Map<String, Object>)
                            cdp("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            Map<String, Object> clip =
                    Map.of(
                            "x",
                            0,
                            "y",
                            0,
                            "width",
                            ((Number) size.get("width")).doubleValue(),
                            "height",
                            Math.min(8000, ((Number) size.get("height")).doubleValue()),
                            "scale",
                            1);
            String png =
                    (String)
                            cdp(
                                            "Page.captureScreenshot",
                                            Map.of(
                                                    "format",
                                                    "png",
                                                    "captureBeyondViewport",
                                                    true,
                                                    "clip",
                                                    clip))
                                    .get("data");
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode(png));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a PNG of one element as {@code target/screenshots/<name>.png}. */
    Path screenshot(WebElement element, String name) {
        try {
            js("arguments[0].scrollIntoView({block: 'start'});", element);
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console messages at level SEVERE since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The URLs of every request the browser was about to send since the last call. */
    List<String> requestedUrls() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage)
                .map(NetworkLog::requestUrl)
                .filter(url -> url != null)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
