package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.publication.PublicationApprovals;
import ca.gouv.qc.declarationsia.review.ReviewForm;
import ca.gouv.qc.declarationsia.review.ReviewService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import ca.gouv.qc.declarationsia.support.TestYears;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public, signed out, in a browser: from the home page (its skip link the keyboard's first stop, in French and in
 * English) to the year's Portrait, whose figures are those of {@code GET /api/portraits/{year}}, then the register
 * filtered by category, the coverage page, and the open data.
 */
@IntegrationTest
class PublicJourneyTest extends BrowserJourney {

    private static final int YEAR = TestYears.take();

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    CampaignService campaignService;

    @Autowired
    ReviewService reviews;

    @Autowired
    PublicationApprovals approvals;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void the_public_reads_the_portrait_whose_figures_are_the_apis_and_downloads_the_open_data() throws Exception {
        publishAYear();

        browser.open("/");
        browser.assertAccessible("the home page, signed out");
        browser.press(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                .as("the skip link, the keyboard's first stop").isEqualTo("skip-link");
        browser.open("/?lang=en");
        browser.assertAccessible("the home page, signed out, in English");
        browser.open("/?lang=fr");
        browser.submit("a[href='/portrait/" + YEAR + "']");
        JsonNode portrait = json.readTree(browser.download("/api/portraits/" + YEAR));
        assertThat(browser.text("#portrait-total")).isEqualTo(portrait.get("totalInitiatives").asText()).isEqualTo("3");
        assertThat(browser.text("#portrait-bodies")).isEqualTo(portrait.get("organizationsWithInitiatives").asText());
        assertThat(browser.text("#portrait-services")).isEqualTo(portrait.get("servicesToPopulation").asText());
        assertThat(browser.text("#portrait-generative")).isEqualTo(portrait.get("generativeAi").asText());
        assertThat(browser.text("#portrait-new")).isEqualTo(portrait.get("newOrganizations").asText());
        assertThat(browser.texts("#portrait-by-category td:last-child").stream().mapToInt(Integer::parseInt).sum())
                .isEqualTo(portrait.get("totalInitiatives").asInt());
        assertThat(browser.pageText()).doesNotContain("Hydro-Logiciels", "Crue360");
        browser.assertAccessible("the Portrait");
        browser.screenshot("public-portrait");

        browser.submit("a[href='/portrait/" + YEAR + "/registre']");
        browser.choose("category", "AUTOMATISATION");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.texts("table.data tbody tr")).hasSize(1).allMatch(row -> row.contains("Tri des courriels"));
        browser.assertAccessible("the register, filtered");
        browser.submit("table.data tbody a[href^='/portrait/initiatives/']");
        assertThat(browser.text("h1")).contains("Tri des courriels");
        assertThat(browser.pageText()).contains(String.valueOf(YEAR), "Automatisation");
        assertThat(browser.texts("table.data thead th")).containsExactly("Année", "Nom de l’actif, du projet ou de l’initiative", "Déclarée par", "Statut");
        assertThat(browser.texts("table.data tbody tr")).allMatch(row -> row.contains("Organisme de test JRN-P"),
                "names the body that declared it that year");
        browser.assertAccessible("an initiative over the years");
        browser.screenshot("public-initiative-history");

        browser.open("/portrait/1999");
        assertThat(browser.text("h1")).as("a year never published: a page that says so").isNotBlank();
        browser.assertAccessible("a Portrait that does not exist");

        browser.open("/portrait/" + YEAR + "/couverture");
        assertThat(browser.pageText()).contains("Organisme de test JRN-P1", "Organisme de test JRN-P2",
                "A déclaré des initiatives");
        browser.assertAccessible("the coverage page");

        // in English, the portfolios too (the edition keeps the French label; the open data and the JSON keep it)
        browser.open("/portrait/" + YEAR + "?lang=en");
        assertThat(browser.texts("#portrait-by-portfolio td:first-child")).containsExactly("Finance");
        assertThat(described("chart-portfolio")).as("the chart's text, English colon").isEqualTo("Finance: 3");
        assertThat(browser.pageText()).as("no French spacing before a colon in English").doesNotContainPattern("\\s:");
        browser.assertAccessible("the Portrait, in English");
        browser.screenshot("public-portrait-en");
        browser.open("/portrait/" + YEAR + "/registre?lang=en");
        assertThat(browser.options("portfolio")).contains("Finance");
        assertThat(browser.texts("table.data tbody td")).contains("Finance").doesNotContain("Finances");
        browser.assertAccessible("the register, in English");
        browser.open("/portrait/" + YEAR + "?lang=fr");
        assertThat(browser.texts("#portrait-by-portfolio td:first-child")).containsExactly("Finances");
        assertThat(described("chart-portfolio")).isEqualTo("Finances : 3");
        assertThat(portrait.get("byPortfolio").has("Finances")).isTrue();

        String csv = browser.download("/open-data/" + YEAR + "/initiatives.csv");
        assertThat(csv.lines().skip(1).count()).as("one row per published initiative")
                .isEqualTo(portrait.get("totalInitiatives").asLong());
        assertThat(csv).contains("Prévision des crues", "Tri des courriels").doesNotContain("Crue360");
        assertThat(csv).as("the open data keep the published French label, whatever the reader's language")
                .contains("Finances").doesNotContain(",Finance,");
    }

    /** What a chart says to whoever does not see it: its SVG description. */
    private static String described(String chartId) {
        return browser.element(org.openqa.selenium.By.id(chartId + "-desc")).getAttribute("textContent");
    }

    /** The whole cycle through the services: two bodies declare, a reviewer accepts, a coordinator publishes. */
    private void publishAYear() {
        List.of("JRN-P1", "JRN-P2").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(YEAR, List.of("JRN-P1", "JRN-P2"));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        declarations.submit(YEAR, "JRN-P1", List.of(TestDeclarations.complete(null, "Prévision des crues", YEAR),
                TestDeclarations.complete(null, "Agent des permis", YEAR)));
        declarations.submit(YEAR, "JRN-P2", List.of(new ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm(
                null, "Tri des courriels", "PROJET", "Classement des courriels entrants par sujet pour répondre plus vite.",
                "AUTOMATISATION", null, "Délais réduits", "EXPLORATION", (YEAR - 1) + "-01", null, null, false, false, false,
                "DEVELOPPEMENT_INTERNE", null, null, "NON", null, "SOUTIEN_OPERATIONNEL", "HUMAIN_DANS_LA_BOUCLE",
                "NON_EVALUE", "Tri des courriels entrants.")));
        campaigns.runDueJobs(YEAR);
        TestUsers.asReviewer(() -> {
            List.of("JRN-P1", "JRN-P2").forEach(code -> reviews.decide(YEAR, code,
                    new ReviewForm("ACCEPT", List.of(), List.of())));
            return null;
        });
        SystemAuthentication.runAsSystem(() -> campaignService.close(year()));
        campaigns.runDueJobs(YEAR);
        SystemAuthentication.runAsSystem(() -> {
            approvals.approve(YEAR, true, null);
            return null;
        });
        campaigns.runDueJobs(YEAR);
    }

    private static int year() {
        return YEAR;
    }
}
