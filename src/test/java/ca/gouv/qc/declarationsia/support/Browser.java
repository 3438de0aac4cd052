package ca.gouv.qc.declarationsia.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser for the journeys: headless Chromium (Debian's chromium and chromium-driver) driven by Selenium,
 * doing what the person does on the page — typing, choosing, ticking, clicking — and checking each page it visits
 * with axe-core (WCAG 2.1 AA: no serious or critical violation). Where no browser is installed, the journey is
 * skipped with a message saying what to install; {@code .ci/run} installs it.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    /** A new browser in French (the product's first language), or the journey is skipped if none is installed. */
    public static Browser start(int port) {
        return start(port, "fr-CA");
    }

    public static Browser start(int port, String language) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser journeys skipped: no browser here. Install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), as .ci/run does.");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1280,1024", "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("chromium-journey"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new Browser(new ChromeDriver(service, options), port);
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** Goes to a path of the application (or a full URL of it) and waits for the page. */
    public void open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        waitForPage();
    }

    /** Signs in on our login page, from wherever the browser is. */
    public void logIn(String user, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            open("/login");
        }
        type("username", user);
        type("password", password);
        submit("form.form button[type=submit]");
        waitUntil(page -> !page.getCurrentUrl().contains("/login"));
    }

    /** {@link #signInAs(String, String, String)} with the demo users' password. */
    public void signInAs(String user, String page) {
        signInAs(user, "demo", page);
    }

    /**
     * Opens a page as this user, whoever was signed in before: signs out if someone is, opens the page, signs in where
     * the application sends the person, and checks it brings them back to the page (a page anyone may read: signs in
     * on the login page, then opens it).
     */
    public void signInAs(String user, String password, String page) {
        open(page);
        if (has("form[action='/logout'] button")) {
            logOut();
            open(page);
        }
        if (url().contains("/login")) {
            logIn(user, password);
            assertThat(url()).as("signed in, back on the page asked for").endsWith(page);
        } else {
            logIn(user, password);
            open(page);
        }
    }

    /** Tries to sign in on the login page, whatever comes of it (a wrong password, a throttled attempt). */
    public void attemptLogIn(String user, String password) {
        open("/login");
        type("username", user);
        type("password", password);
        submit("form.form button[type=submit]");
        waitForPage();
    }

    public void logOut() {
        open("/");
        submit("form[action='/logout'] button");
        waitUntil(page -> page.getCurrentUrl().contains("deconnexion"));
    }

    /**
     * Types into a field as a person would: what was there is replaced. A date field takes the date as the browser's
     * own date picker gives it (ISO), since each browser lays its typed segments out in its own locale's order.
     */
    public void type(String id, String text) {
        WebElement field = element(By.id(id));
        if ("date".equals(field.getAttribute("type"))) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, text);
            return;
        }
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses an option of a select by its value. */
    public void choose(String selectId, String value) {
        new Select(element(By.id(selectId))).selectByValue(value);
    }

    /** The labels a select offers, in order. */
    public List<String> options(String selectId) {
        return new Select(element(By.id(selectId))).getOptions().stream().map(WebElement::getText).toList();
    }

    public String chosen(String selectId) {
        return new Select(element(By.id(selectId))).getFirstSelectedOption().getAttribute("value");
    }

    /** Ticks a checkbox or a radio button by clicking its label, as a person does. */
    public void tick(String id) {
        WebElement input = element(By.id(id));
        if (!input.isSelected()) {
            element(By.cssSelector("label[for='" + id + "']")).click();
        }
        assertThat(input.isSelected()).as(id + " ticked").isTrue();
    }

    public boolean isTicked(String id) {
        return element(By.id(id)).isSelected();
    }

    public String value(String id) {
        return element(By.id(id)).getAttribute("value");
    }

    /** Clicks something that sends the page (a button, a link) and waits for the next page. */
    public void submit(String css) {
        WebElement html = driver.findElement(By.tagName("html"));
        element(By.cssSelector(css)).click();
        new WebDriverWait(driver, PATIENCE).until(page -> isGone(html));
        waitForPage();
    }

    /**
     * Whether the page this element belonged to was replaced. Chromium may answer a question about an element of the
     * page it is leaving with "node does not belong to the document" rather than "stale": both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException leaving) {
            return String.valueOf(leaving.getMessage()).contains("does not belong to the document");
        }
    }

    /** Clicks something that stays on the page (a single-page application's button, which it may redraw meanwhile). */
    public void click(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    public void clickText(String text) {
        new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=" + quote(text) + "]")))
                .click();
    }

    /** Presses keys in a field of a single-page application, which may redraw it meanwhile (then it is found again). */
    public void keys(String css, CharSequence... keys) {
        for (int attempt = 1; ; attempt++) {
            try {
                element(By.cssSelector(css)).sendKeys(keys);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    /** Presses keys where the focus is, as a person goes on typing. */
    public void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    public String text(String css) {
        return element(By.cssSelector(css)).getText();
    }

    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** What the person reads on the page (the rendered text, not the markup). */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Uploads a file through a file input. */
    public void attach(String inputId, Path file) {
        element(By.id(inputId)).sendKeys(file.toAbsolutePath().toString());
    }

    /** What a link of the page downloads, fetched with the person's session, as text. */
    public String download(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));
                """, path);
    }

    /** Waits for what the person waits for; if it never comes, the failure says what the page showed (and keeps it). */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException notThere) {
            String name = "timeout-" + System.currentTimeMillis();
            screenshot(name);
            String shown = pageText();
            throw new AssertionError("Waited in vain on " + url() + " (target/journeys/" + name + ".png). The page showed:\n"
                    + shown.substring(0, Math.min(3000, shown.length())), notThere);
        }
    }

    public WebElement element(By by) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** WCAG 2.1 AA: no serious or critical violation on the page as it is now, and no missing message key. */
    public void assertAccessible(String page) {
        assertThat(driver.getPageSource()).as(page + " shows a missing message key").doesNotContain("??");
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as(() -> page + " has accessibility violations:\n" + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
        if (!driver.getCurrentUrl().contains("/camunda/")) { // Camunda's webapps lay themselves out
            assertReflows(page);
        }
    }

    /** WCAG 1.4.10: 320 px wide, the page scrolls only up and down (a wide data table scrolls within its region). */
    private void assertReflows(String page) {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        resize(320, size.getHeight());
        try {
            @SuppressWarnings("unchecked")
            List<String> overflowing = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                    const width = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= width + 1) return [];
                    const scrollsWithin = element => {
                      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
                        if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
                      }
                      return false;
                    };
                    return Array.from(document.body.querySelectorAll('*'))
                      .filter(element => element.getBoundingClientRect().right > width + 1 && !scrollsWithin(element))
                      .slice(0, 8).map(element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                        + (element.className ? '.' + element.className : '') + ' (to ' + Math.round(element.getBoundingClientRect().right) + ' px)');
                    """);
            assertThat(overflowing).as(page + ", 320 px wide (WCAG 1.4.10 reflow), scrolls sideways because of").isEmpty();
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** A picture of the page, under target/journeys/, to look at what the person saw. */
    public void screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "journeys"));
            ((JavascriptExecutor) driver).executeScript("document.body.style.zoom='1'");
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture of one part of the page, scrolled into view, under target/journeys/: what the person sees there. */
    public void screenshot(String name, String css) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "journeys"));
            WebElement part = element(By.cssSelector(css));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", part);
            Files.write(directory.resolve(name + ".png"), part.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On how many lines the browser lays out the text of each element found (1: it does not wrap). */
    public List<Long> lines(String css) {
        @SuppressWarnings("unchecked")
        List<Long> lines = (List<Long>) ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll(arguments[0])).map(element => {
                  const range = document.createRange();
                  range.selectNodeContents(element);
                  const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                  return tops.size;
                });""", css);
        return lines;
    }

    /** The browser window's size, as a person narrows or widens it. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    public void quit() {
        driver.quit();
    }

    private void waitForPage() {
        new WebDriverWait(driver, PATIENCE).until(page -> "complete".equals(
                ((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    private static String quote(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }
}
