package ca.gouv.qc.declarationsia.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * WCAG 2.1 AA: axe-core finds no serious or critical violation on the pages we ship, in a real Chromium.
 * Skipped, with a message, on a machine without Debian's chromium and chromium-driver (.ci/run installs them).
 */
@IntegrationTest
class AccessibilityTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    ca.gouv.qc.declarationsia.support.TestCampaigns campaigns;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @org.springframework.beans.factory.annotation.Autowired
    ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle opening;

    @org.springframework.beans.factory.annotation.Autowired
    ca.gouv.qc.declarationsia.declaration.DeclarationService declarations;

    @org.springframework.beans.factory.annotation.Autowired
    ca.gouv.qc.declarationsia.publication.Editions editions;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Accessibility tests skipped: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1024", "--user-data-dir=" + Files.createTempDirectory("chromium-axe"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void public_pages_in_both_languages() {
        check("/");
        check("/?lang=en");
        check("/login");
        check("/login?error");
        check("/?lang=fr");
    }

    @Test
    void the_published_portrait() {
        if (jdbc.queryForObject("select count(*) from published_edition where campaign_year = 2074", Integer.class) == 0) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (2074, '2074-06-30', '2074-09-01', '2074-10-31', '2074-11-30', 'FERMEE') on conflict do nothing");
            editions.publish(2074, "coordo", null);
        }
        check("/portrait/2074");
        check("/portrait/2074?lang=en");
        check("/portrait/2074/registre");
        check("/portrait/2074/couverture");
        check("/portrait/2073");
    }

    @Test
    void the_skip_link_is_the_first_stop_of_the_keyboard() {
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip-link");
    }

    @Test
    void coordinator_pages() throws IOException {
        logIn("coordo");
        check("/");
        check("/organisations");
        check("/organisations?q=sant&category=RESEAU_SANTE");
        check("/dev/mail");

        Path csv = Files.createTempFile("organismes", ".csv");
        Files.writeString(csv, "code,nameFr,nameEn,acronym,lggriCategory,portfolio,network,respondentEmails,escalationEmail\n"
                + "AXE-1,Organisme axe,Axe body,,AUTRE,FINANCES,,a@axe.example.qc.ca,d@axe.example.qc.ca\n"
                + "AXE-2,,Axe body two,,INCONNU,FINANCES,,b@axe.example.qc.ca,d@axe.example.qc.ca\n", StandardCharsets.UTF_8);
        open("/organisations");
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.cssSelector("form[action='/organisations/import'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(page -> page.getPageSource().contains("1 créé(s), 0 mis à jour, 1 refusé(s)."));
        assertThat(browser.getCurrentUrl()).as("redirected after the post").endsWith("/organisations");
        assertNoSeriousViolation("/organisations after an import");
        logOut();
    }

    @Test
    void campaign_pages() {
        if (jdbc.queryForObject("select count(*) from campaign where year = 2095", Integer.class) == 0) {
            campaigns.create(2095, List.of("MRNF", "MSSS"));
        }
        logIn("coordo");
        check("/campagnes");
        check("/campagnes/2095");
        check("/campagnes/2095?status=BROUILLON&sort=due");

        open("/campagnes");
        // a year already taken: the server refuses it and the page shows why
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                document.getElementById('year').value = '2095';
                document.getElementById('referenceDate').value = '2095-06-30';
                document.getElementById('openingDate').value = '2095-09-01';
                document.getElementById('dueDate').value = '2095-10-31';
                document.getElementById('closingDate').value = '2095-11-30';""");
        browser.findElement(By.cssSelector("form[action='/campagnes'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(page -> page.findElements(By.cssSelector(".error-summary")).size() == 1);
        assertThat(browser.getPageSource()).contains("une campagne existe déjà pour 2095");
        assertNoSeriousViolation("/campagnes with errors");
        logOut();
    }

    @Test
    void declaration_and_review_pages() {
        if (jdbc.queryForObject("select count(*) from campaign where year = 2094", Integer.class) == 0) {
            campaigns.create(2094, List.of("MRNF", "MSSS"));
            transactions.executeWithoutResult(status -> List.of("MRNF", "MSSS").forEach(code -> opening.open(2094, code)));
            campaigns.runDueJobs(2094);
            ca.gouv.qc.declarationsia.security.SystemAuthentication.runAsSystem(() -> {
                declarations.saveDraft(2094, "MSSS", new ca.gouv.qc.declarationsia.declaration.DeclarationForm(true,
                        new ca.gouv.qc.declarationsia.declaration.DeclarationForm.Person("Rita", "ia.msss@example.qc.ca"),
                        null, List.of()));
                return declarations.submit(2094, "MSSS", new ca.gouv.qc.declarationsia.declaration.SubmitForm(true,
                        new ca.gouv.qc.declarationsia.declaration.SubmitForm.Signatory("Denise", "DPI", "dri.msss@example.qc.ca")));
            });
            campaigns.runDueJobs(2094);
        }
        logIn("ia.mrnf@example.qc.ca");
        check("/mes-declarations/2094/MRNF");
        browser.findElement(By.cssSelector("button[value=add]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.findElements(By.id("i0-name")).size() == 1);
        browser.findElement(By.id("i0-name")).sendKeys("Prévision des crues");
        browser.findElement(By.cssSelector("button[value=check]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(page -> page.findElements(By.cssSelector(".error-summary")).size() == 1);
        assertNoSeriousViolation("/mes-declarations/2094/MRNF with errors");
        logOut();

        logIn("analyste");
        check("/revision");
        check("/revision/2094/MSSS");
        logOut();
    }

    @Test
    void respondent_and_error_pages() {
        logIn("ia.mrnf@example.qc.ca");
        check("/");
        check("/mes-declarations");
        check("/organisations");
        check("/nulle-part");
        logOut();
    }

    private void logIn(String user) {
        open("/login?lang=fr");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(page -> page.findElements(By.cssSelector("form[action='/logout']")).size() == 1);
    }

    private void logOut() {
        open("/");
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getCurrentUrl().contains("deconnexion"));
    }

    private void check(String path) {
        open(path);
        assertNoSeriousViolation(path);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void assertNoSeriousViolation(String page) {
        assertThat(browser.getPageSource()).as(page + " shows a missing message key").doesNotContain("??");
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as(() -> page + " has accessibility violations:\n" + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
    }
}
