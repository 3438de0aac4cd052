package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.campaign.ExtensionForm;
import ca.gouv.qc.declarationsia.campaign.ExtensionService;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.publication.PublicationApprovals;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.review.ReviewForm;
import ca.gouv.qc.declarationsia.review.ReviewService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager, in French: in Cockpit, finds the year's campaign and one body's declaration by their business keys,
 * reads them, is offered no action that would change them, and follows Cockpit's link to the declaration's history;
 * on our pages, reads the whole history of a completed declaration (from its invitation to the publication, which
 * Cockpit no longer shows) from the dashboard, and finds another by its business key.
 */
@IntegrationTest
class ManagerJourneyTest extends BrowserJourney {

    private static final int YEAR = TestYears.take();
    private static final int COMPLETED_YEAR = TestYears.take();

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    ExtensionService extensions;

    @Autowired
    ReviewService reviews;

    @Autowired
    CampaignService campaignService;

    @Autowired
    PublicationApprovals approvals;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(COMPLETED_YEAR);
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
        // Cockpit draws the instance's diagram and tasks after its header: wait for them, not for a fixed time
        browser.waitUntil(page -> page.findElement(By.tagName("body")).getText()
                .contains("Préparer et soumettre la déclaration"));
        assertThat(browser.pageText()).contains("Préparer et soumettre la déclaration", "JRN-M1");
        browser.waitUntil(page -> !page.findElements(By.cssSelector(".dia-history-link")).isEmpty());
        browser.assertAccessible("Cockpit, a declaration's process");
        browser.screenshot("manager-cockpit-declaration");
        assertThat(browser.driver().findElements(By.cssSelector(".btn-toolbar")).stream()
                .filter(WebElement::isDisplayed).map(button -> button.getAttribute("aria-label")).toList())
                .as("read-only: no action that changes the instance, and the link to its history").doesNotContain(
                        "Supprimer l’instance de processus en cours", "Suspendre l’instance de processus",
                        "Ajouter une variable à l’instance de processus")
                .contains("Historique de " + YEAR + "-JRN-M1 (chronologie de la campagne ou de la déclaration)");

        browser.submit(".dia-history-link");
        assertThat(browser.text("h1")).isEqualTo("Historique de la déclaration " + YEAR + "-JRN-M1");
        assertThat(browser.texts("table.timeline tbody tr"))
                .anySatisfy(line -> assertThat(line).contains("Courriel « Invitation » : envoyé"))
                .anySatisfy(line -> assertThat(line).contains("Tâche « Préparer et soumettre la déclaration » ouverte"));
        assertThat(browser.text("dl.summary")).contains("Brouillon", "en cours");
        browser.open("/");
        browser.logOut();
    }

    @Test
    void a_manager_reads_the_whole_history_of_a_completed_declaration_from_the_dashboard() {
        int year = COMPLETED_YEAR;
        List.of("JRN-H1", "JRN-H2").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(year, List.of("JRN-H1", "JRN-H2"));
        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 13, 0));
        campaigns.launch(year);
        campaigns.runDueJobs(year);
        TestCampaigns.clockAt(LocalDateTime.of(year, 10, 2, 14, 0));
        SystemAuthentication.runAsSystem(() -> extensions.grant(year, "JRN-H1",
                new ExtensionForm(LocalDate.of(year, 11, 15), "Changement de direction informatique")));
        campaigns.runDueJobs(year);
        TestCampaigns.clockAt(LocalDateTime.of(year, 10, 20, 15, 0));
        declarations.submit(year, "JRN-H1", List.of(TestDeclarations.complete(null, "Prévision des crues", year)));
        campaigns.runDueJobs(year);
        String initiative = jdbc.queryForObject("select s.initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = 'JRN-H1'", String.class, year);
        TestCampaigns.clockAt(LocalDateTime.of(year, 10, 22, 16, 0));
        TestUsers.asReviewer(() -> {
            reviews.decide(year, "JRN-H1", new ReviewForm("REQUEST_CORRECTIONS",
                    List.of(new ReviewComment(initiative, "benefits", "Chiffrez les bénéfices.")), List.of()));
            return null;
        });
        campaigns.runDueJobs(year);
        TestCampaigns.clockAt(LocalDateTime.of(year, 10, 27, 17, 0));
        declarations.submit(year, "JRN-H1", List.of(TestDeclarations.complete(initiative, "Prévision des crues", year)));
        campaigns.runDueJobs(year);
        TestCampaigns.clockAt(LocalDateTime.of(year, 10, 29, 18, 0));
        TestUsers.asReviewer(() -> {
            reviews.decide(year, "JRN-H1", new ReviewForm("ACCEPT", List.of(), List.of()));
            return null;
        });
        campaigns.runDueJobs(year);
        TestCampaigns.clockAt(LocalDateTime.of(year, 12, 1, 14, 0));
        campaigns.runDueJobs(year);
        SystemAuthentication.runAsSystem(() -> {
            approvals.approve(year, true, "Portrait relu");
            return null;
        });
        campaigns.runDueJobs(year);
        assertThat(jdbc.queryForObject("select status from campaign where year = ?", String.class, year)).isEqualTo("PUBLIEE");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(year + "-JRN-H1").count())
                .as("ended: Cockpit shows it no more").isZero();

        browser.signInAs("gestion", "/campagnes/" + year);
        browser.submit("a[href='/campagnes/" + year + "/declarations/JRN-H1/historique']");
        assertThat(browser.text("h1")).isEqualTo("Historique de la déclaration " + year + "-JRN-H1");
        assertThat(browser.text("dl.summary")).contains("Acceptée", "terminé", "27 octobre " + year);
        List<String> lines = browser.texts("table.timeline tbody tr");
        // every step of the story, each once where it happens once
        List<String> story = List.of(
                "Déclaration ouverte à l’organisme; son invitation est préparée",
                "Courriel « Invitation » : envoyé",
                "Délai accordé : nouvelle date limite le 15 novembre " + year + " (au lieu du 31 octobre " + year + ")",
                "Courriel « Avis de prolongation » : envoyé",
                "Brouillon → Soumise",
                "Révision n° 1 : corrections demandées (soumission n° 1)",
                "En révision → À corriger",
                "Courriel « Demande de corrections » : envoyé",
                "À corriger → Soumise",
                "Révision n° 2 : déclaration acceptée (soumission n° 2)",
                "En révision → Acceptée",
                "Courriel « Acceptation » : envoyé",
                "Portrait " + year + " publié");
        assertThat(story.stream().map(step -> indexOf(lines, step)).toList()).as("in the order it happened: " + lines)
                .doesNotContain(-1).isSorted();
        assertThat(lines.get(indexOf(lines, "Courriel « Invitation »")))
                .contains("1er septembre " + year + " à 9 h 00", "À : ia.jrn-h1@example.qc.ca", "Envoyé le 1er septembre " + year);
        assertThat(lines.get(indexOf(lines, "Délai accordé"))).contains("2 octobre " + year,
                "Motif : Changement de direction informatique");
        assertThat(lines.get(indexOf(lines, "Révision n° 1"))).contains(initiative + " – Bénéfices : Chiffrez les bénéfices.",
                "analyste");
        assertThat(lines.get(indexOf(lines, "Brouillon → Soumise"))).contains("20 octobre " + year + " à 11 h 00");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Tâche « Réviser la déclaration » terminée"))
                .anySatisfy(line -> assertThat(line).contains("Tâche « Corriger la déclaration » ouverte"))
                .anySatisfy(line -> assertThat(line).contains("Déclaration acceptée : son processus est terminé"));
        browser.assertAccessible("a completed declaration's history");
        browser.screenshot("manager-declaration-history");

        browser.type("cle", year + "-jrn-h2");
        browser.submit("form[action='/campagnes/historique'] button");
        assertThat(browser.text("h1")).as("found by its business key, typed in lower case")
                .isEqualTo("Historique de la déclaration " + year + "-JRN-H2");
        assertThat(browser.texts("table.timeline tbody tr"))
                .anySatisfy(line -> assertThat(line).contains("Portrait publié : la déclaration est close"))
                .anySatisfy(line -> assertThat(line).contains("Processus terminé à la publication"));
        assertThat(browser.text("dl.summary")).contains("Brouillon", "pas encore soumise", "terminé");

        browser.open("/campagnes/historique?cle=" + year + "-NOPE");
        assertThat(browser.text("#cle-error")).isEqualTo("Clé d’affaires : aucune campagne ni déclaration pour « "
                + year + "-NOPE »");
        browser.assertAccessible("the history search, nothing found");

        browser.open("/campagnes/" + year + "/declarations/JRN-H1/historique?lang=en");
        assertThat(browser.text("h1")).isEqualTo("History of the declaration " + year + "-JRN-H1");
        assertThat(browser.pageText()).contains("Email “Invitation”: sent", "Draft → Submitted",
                "Review no. 2: declaration accepted (submission no. 2)", "September 1, " + year);
        browser.open("/?lang=fr");
        browser.logOut();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
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
        enterSearchValue(businessKey);
        String instanceLink = "tbody tr td a[href*='process-instance']:not([href*='incidents-tab'])";
        browser.waitUntil(page -> page.findElements(By.xpath("//td[normalize-space(.)='" + businessKey + "']")).size() == 1
                && page.findElements(By.cssSelector(instanceLink)).size() == 1);
        browser.element(By.cssSelector(instanceLink)).click();
        browser.waitUntil(page -> page.getCurrentUrl().contains("/process-instance/"));
        browser.waitUntil(page -> page.findElement(By.tagName("body")).getText().contains(businessKey));
    }

    /**
     * Types the criterion's value and confirms it, as a person would again when Cockpit's search loses it: its
     * editor may be redrawn (or not yet typable) while typing, and an Enter taken before the value leaves the criterion
     * at "??".
     */
    private void enterSearchValue(String value) {
        By editor = By.cssSelector("[cam-widget-search] input[ng-model='formData.editValue']");
        By valueMissing = By.xpath("//*[@cam-widget-search]//*[contains(@class,'value-field')][normalize-space(.)='??']");
        browser.waitUntil(page -> {
            try {
                List<WebElement> editing = page.findElements(editor);
                if (!editing.isEmpty()) {
                    WebElement field = editing.get(0);
                    if (value.equals(field.getAttribute("value"))) {
                        field.sendKeys(Keys.ENTER);
                    } else {
                        field.clear();
                        field.sendKeys(value);
                    }
                    return false;
                }
                List<WebElement> missing = page.findElements(valueMissing);
                if (!missing.isEmpty()) {
                    missing.get(0).click();
                    return false;
                }
                return URLDecoder.decode(page.getCurrentUrl(), StandardCharsets.UTF_8).contains("\"" + value + "\"");
            } catch (StaleElementReferenceException | org.openqa.selenium.ElementNotInteractableException redrawn) {
                // redrawn, or still appearing: as a person would, try again once it can be typed in
                return false;
            }
        });
    }
}
