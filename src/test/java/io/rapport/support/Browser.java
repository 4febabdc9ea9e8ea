package io.rapport.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Debian Chromium driven by Playwright, started once per test class and closed after
 * it (DESIGN.md section 8). Every {@link #open} gives a fresh browser context (its own cookies,
 * as a separate person at a separate machine); contexts are closed after each test.
 *
 * <pre>
 * &#64;RegisterExtension
 * static Browser browser = new Browser();
 * ...
 * Page page = browser.open("http://localhost:" + port);
 * </pre>
 */
public class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        // Assertions on a page wait as long as actions do, for the same reason.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create();
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A new page at a desktop size, with {@code baseUrl} as the base of relative navigations. */
    public Page open(String baseUrl) {
        return open(baseUrl, 1280, 900);
    }

    /** A new page with the given viewport, e.g. 375 wide for a phone. */
    public Page open(String baseUrl, int width, int height) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(width, height)
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        // Generous: a page that renders a letter PDF can take seconds on a loaded two-core build machine.
        context.setDefaultTimeout(30_000);
        contexts.add(context);
        return context.newPage();
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
