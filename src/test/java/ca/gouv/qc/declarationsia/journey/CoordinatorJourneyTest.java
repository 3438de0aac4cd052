package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.Browser;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator's campaign, in a browser: created and launched from the pages, followed on its dashboard, an
 * extension granted, a body exempted, closed, and its publication approved in Tasklist through the Camunda Form;
 * the Portrait is then public.
 */
@IntegrationTest
class CoordinatorJourneyTest {

    private static final int YEAR = 2047;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

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
    void a_coordinator_runs_a_campaign_from_the_pages_to_the_published_portrait() {
        List.of("JRN-C1", "JRN-C2", "JRN-C3").forEach(code -> TestOrganizations.create(organizations, code));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        browser.logIn("coordo", "demo");
        browser.open("/campagnes");
        browser.assertAccessible("the campaigns");
        browser.type("year", String.valueOf(YEAR));
        browser.type("referenceDate", YEAR + "-06-30");
        browser.type("openingDate", YEAR + "-09-01");
        browser.type("dueDate", YEAR + "-10-31");
        browser.type("closingDate", YEAR + "-11-30");
        browser.type("reminderOffsets", "30,14,7,1");
        browser.type("overdueReminderDays", "7");
        browser.element(By.cssSelector("input[name=allActiveOrganizations]")).click();
        browser.type("organizationCodes", "JRN-C1,JRN-C2,JRN-C3");
        browser.submit("form[action='/campagnes'] button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Campagne " + YEAR);
        assertThat(browser.text(".notice")).contains("La campagne " + YEAR + " est créée");
        assertThat(jdbc.queryForList("select organization_code from campaign_target where campaign_year = ? order by 1",
                String.class, YEAR)).containsExactly("JRN-C1", "JRN-C2", "JRN-C3");
        browser.assertAccessible("a planned campaign");

        browser.submit("form[action='/campagnes/" + YEAR + "/lancer'] button");
        campaigns.runDueJobs(YEAR);
        browser.open("/campagnes/" + YEAR);
        assertThat(browser.pageText()).contains("Ouverte", "Brouillon");
        assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ?", Integer.class, YEAR))
                .isEqualTo(3);

        browser.type("organizationCode", "JRN-C1");
        browser.type("extensionDueDate", YEAR + "-11-15");
        browser.type("reason", "Changement de direction informatique");
        browser.submit("form[action='/campagnes/" + YEAR + "/prolongation'] button");
        assertThat(browser.text(".notice")).isEqualTo("Délai accordé; les répondants en sont avisés par courriel.");
        assertThat(jdbc.queryForObject("select extended_due_date::text from declaration where campaign_year = ? "
                + "and organization_code = 'JRN-C1'", String.class, YEAR)).isEqualTo(YEAR + "-11-15");

        browser.type("exemptOrganization", "JRN-C2");
        browser.type("exemptionReason", "Aucun système d’information cette année : organisme en fusion");
        browser.submit("form[action='/campagnes/" + YEAR + "/exemption'] button");
        assertThat(browser.text(".notice")).isEqualTo("Organisme exempté; ses rappels cessent.");

        declarations.submit(YEAR, "JRN-C3", List.of());
        campaigns.runDueJobs(YEAR);
        browser.open("/campagnes/" + YEAR);
        assertThat(browser.pageText()).as("one of the two bodies asked has answered; the exempted one was not asked")
                .contains("50,0 %", "Exemptée", "prolongée");
        browser.assertAccessible("an open campaign's dashboard");
        browser.screenshot("coordinator-dashboard");

        browser.submit("form[action='/campagnes/" + YEAR + "/fermer'] button");
        assertThat(browser.text(".notice")).startsWith("Campagne fermée");
        campaigns.runDueJobs(YEAR);

        String approval = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(YEAR))
                .taskDefinitionKey("UserTask_ApprovePublication").singleResult().getId();
        browser.open("/camunda/app/tasklist/default/#/?task=" + approval);
        browser.click("button.claim, [ng-click='claim()']");
        browser.waitUntil(page -> !page.findElements(By.cssSelector("input[type=checkbox]")).isEmpty()
                && page.findElements(By.cssSelector(".disabled-form")).isEmpty());
        browser.assertAccessible("Tasklist, the approval task");
        browser.clickText("J’approuve la publication / I approve the publication");
        browser.element(By.cssSelector("textarea")).sendKeys("Portrait relu par la DPI.");
        browser.clickText("Terminer");
        browser.waitUntil(page -> tasks.createTaskQuery().taskId(approval).count() == 0);
        assertThat(jdbc.queryForObject("select approved_by from publication_approval where campaign_year = ?", String.class,
                YEAR)).as("recorded with the coordinator signed in").isEqualTo("coordo");

        browser.open("/campagnes/" + YEAR);
        assertThat(browser.pageText()).as("the approval returns at once; the publication follows")
                .contains("Publication approuvée : le Portrait est en cours de publication");
        campaigns.runDueJobs(YEAR);
        browser.open("/campagnes/" + YEAR);
        assertThat(browser.pageText()).contains("Publiée");
        browser.open("/portrait/" + YEAR);
        assertThat(browser.text("h1")).contains(String.valueOf(YEAR));
        browser.logOut();
    }
}
