package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.Browser;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager, in Cockpit (in French): finds the year's campaign and one body's declaration by their business keys,
 * reads them, and is offered no action that would change them.
 */
@IntegrationTest
class ManagerJourneyTest {

    private static final int YEAR = 2048;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void a_manager_finds_the_campaign_and_a_declaration_in_cockpit_by_business_key_read_only() {
        List.of("JRN-M1", "JRN-M2").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(YEAR, List.of("JRN-M1", "JRN-M2"));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);

        browser.logIn("gestion", "demo");
        findInCockpit("Campagne annuelle de déclaration", String.valueOf(YEAR));
        assertThat(browser.pageText()).contains("Attendre la clôture");

        findInCockpit("Déclaration d’un organisme", YEAR + "-JRN-M1");
        assertThat(browser.pageText()).contains("Préparer et soumettre la déclaration", "JRN-M1");
        browser.assertAccessible("Cockpit, a declaration's process");
        browser.screenshot("manager-cockpit-declaration");
        assertThat(browser.driver().findElements(By.cssSelector(".btn-toolbar")).stream()
                .filter(WebElement::isDisplayed).map(button -> button.getAttribute("aria-label")).toList())
                .as("read-only: no action that changes the instance").doesNotContain(
                        "Supprimer l’instance de processus en cours", "Suspendre l’instance de processus",
                        "Ajouter une variable à l’instance de processus");
        browser.open("/");
        browser.logOut();
    }

    /** Processes → the definition → a search on the business key → the one instance found, opened. */
    private void findInCockpit(String processName, String businessKey) {
        browser.open("/camunda/app/cockpit/default/#/processes");
        browser.clickText(processName);
        browser.waitUntil(page -> !page.findElements(By.cssSelector("[cam-widget-search] input.main-field")).isEmpty());
        // with the keyboard, as a person searching: the criterion's name, Enter, then its value, Enter
        browser.click("[cam-widget-search] input.main-field");
        browser.press("Clé d’aff");
        browser.waitUntil(page -> !page.findElements(By.xpath("//ul[contains(@class,'dropdown-menu')]//a[normalize-space(.)='Clé d’affaires']")).isEmpty());
        browser.press(Keys.ENTER);
        browser.waitUntil(page -> "formData.editValue".equals(page.switchTo().activeElement().getAttribute("ng-model")));
        browser.press(businessKey, Keys.ENTER);
        String instanceLink = "tbody tr td a[href*='process-instance']:not([href*='incidents-tab'])";
        browser.waitUntil(page -> page.findElements(By.xpath("//td[normalize-space(.)='" + businessKey + "']")).size() == 1
                && page.findElements(By.cssSelector(instanceLink)).size() == 1);
        browser.element(By.cssSelector(instanceLink)).click();
        browser.waitUntil(page -> page.getCurrentUrl().contains("/process-instance/"));
        browser.waitUntil(page -> page.findElement(By.tagName("body")).getText().contains(businessKey));
    }
}
