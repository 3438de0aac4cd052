package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestForms;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * A reviewer's day, in a browser: the declarations awaiting review with their dates as people write them; one
 * declaration read with labels, not codes, its fields in the field catalogue's order and its answers to the
 * campaign's form version questions (issue 26); corrections refused without a comment, then requested with a comment
 * on one initiative's field, one on the declaration's and one on its answer to a new question, which the
 * respondents' mail names by their labels; the resubmission accepted with a generic product name; another
 * declaration decided in Tasklist, where a missing comment gets a clear message and a decision is a real one.
 */
@IntegrationTest
class ReviewerJourneyTest extends BrowserJourney {

    private static final int YEAR = TestYears.take();
    private static final Pattern RAW_CODE = Pattern.compile("\\b(" + String.join("|", FieldCatalogue.coded().stream()
            .flatMap(field -> field.codes().stream()).toList()) + ")\\b");

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

    @Autowired
    FormVersions forms;

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void a_reviewer_reads_labels_requests_a_correction_accepts_and_decides_in_tasklist() throws Exception {
        List.of("JRN-V1", "JRN-V2").forEach(code -> TestOrganizations.create(organizations, code));
        // the year's version asks two questions beyond the catalogue: a yes/no, a choice from a list
        FormDefinition version = TestForms.next(forms, Map.of("reviewImpact", List.of(
                        TestForms.code("REALISEE", "Réalisée", "Completed"), TestForms.code("PLANIFIEE", "Planifiée", "Planned"))),
                List.of(TestForms.question("reviewGuidance", "YES_NO", GUIDANCE,
                                "Does the initiative follow the generative AI application guidance?", null, false),
                        TestForms.question("reviewImpact", "ONE_CHOICE", "État de l’évaluation d’impact algorithmique",
                                "State of the algorithmic impact assessment", "reviewImpact", true)));
        campaigns.create(YEAR, List.of("JRN-V1", "JRN-V2"), version.version());
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 1, 18, 31));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        declarations.submit(YEAR, "JRN-V1", List.of(answered(TestDeclarations.complete(null, "Prévision des crues", YEAR),
                Map.of("reviewGuidance", true, "reviewImpact", "PLANIFIEE"))));
        declarations.submit(YEAR, "JRN-V2", List.of());
        campaigns.runDueJobs(YEAR);

        browser.signInAs("analyste", "/");
        browser.submit(".card a[href='/revision']");
        assertThat(browser.url()).as("from the home page to the declarations to review").endsWith("/revision");
        assertThat(browser.pageText()).as("dates as people write them")
                .contains("1er octobre " + YEAR + " à 14 h 31").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        browser.assertAccessible("the declarations awaiting review");
        browser.submit("a[href='/revision/" + YEAR + "/JRN-V1']");

        assertThat(browser.text("p.lead")).as("the body, by its name").isEqualTo("Organisme de test JRN-V1");
        assertThat(browser.options("comment-field0")).as("fields in the order of the declaration's page")
                .startsWith("— Aucun champ en particulier —", "Nom de la personne-ressource", "Aucune initiative d’IA cette année", "Nom de l’actif, du projet ou de l’initiative");
        assertThat(browser.pageText()).contains("Projet", "Aide à la décision, planification et/ou prédiction",
                "Exploitation et suivi", "Acquisition auprès d’un fournisseur", "Humain dans la boucle", "Oui",
                "Système (étape automatique)");
        assertThat(browser.texts("tr.answer th")).as("the answers, under the questions of the year's version")
                .containsExactly(GUIDANCE, "État de l’évaluation d’impact algorithmique");
        assertThat(browser.texts("tr.answer td:nth-of-type(1)")).as("by their labels").containsExactly("Oui", "Planifiée");
        assertThat(browser.options("comment-field0")).as("an answer is commented on as a field")
                .endsWith(GUIDANCE, "État de l’évaluation d’impact algorithmique");
        assertThat(RAW_CODE.matcher(browser.text("main")).results().map(match -> match.group()).toList())
                .as("labels, not codes").isEmpty();
        browser.assertAccessible("a declaration under review");
        browser.screenshot("reviewer-declaration");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('tr.answer').scrollIntoView({block: 'center'})");
        browser.screenshot("reviewer-answers");
        String initiativeId = jdbc.queryForObject("select s.initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = 'JRN-V1'", String.class, YEAR);
        assertThat(browser.pageText()).as("the initiative by its id, new this year")
                .contains(initiativeId + " – Prévision des crues", "nouvelle cette année");
        assertThat(browser.text("form[action='/revision/" + YEAR + "/JRN-V1'] button[type=submit]"))
                .isEqualTo("Enregistrer la décision");
        // the field catalogue drives the page: a comment may name each field it says is commentable, in its order,
        // and the comparison shows each field of an initiative (but its id, the heading), in its order
        assertThat(optionValues("comment-field0")).as("the catalogue's fields, then the version's questions")
                .containsExactlyElementsOf(Stream.of(Stream.of(""),
                        FieldCatalogue.commentable().stream().map(FieldCatalogue.Field::name),
                        Stream.of("answers.reviewGuidance", "answers.reviewImpact")).flatMap(s -> s).toList());
        assertThat(browser.driver().findElement(By.cssSelector("table.data")).findElements(By.cssSelector("tbody th[scope=row]"))
                .stream().map(heading -> heading.getAttribute("textContent").strip()).toList())
                .as("the fields in the catalogue's order, before the version's questions")
                .startsWith(FieldCatalogue.initiative().stream()
                        .filter(field -> field.type() != FieldCatalogue.Type.ID)
                        .map(field -> messages.getMessage(field.labelKey(), null, Locale.CANADA_FRENCH))
                        .toArray(String[]::new));

        // corrections asked without a comment: refused, nothing decided
        browser.tick("decision-corrections");
        browser.tick("confirm");
        browser.submit("form[action='/revision/" + YEAR + "/JRN-V1'] button[type=submit]");
        assertThat(browser.pageText()).contains("au moins un commentaire");
        assertThat(status("JRN-V1")).isEqualTo("EN_REVISION");

        // an initiative's field commented on the whole declaration, in the second row, and an answer in the third:
        // refused, each said beside its row
        browser.choose("comment-field1", "benefits");
        browser.type("comment-message1", "Chiffrez les bénéfices.");
        browser.choose("comment-field2", "answers.reviewGuidance");
        browser.type("comment-message2", "Joignez l’avis du comité sur l’usage de l’IA générative.");
        browser.tick("decision-corrections");
        browser.tick("confirm");
        browser.submit("form[action='/revision/" + YEAR + "/JRN-V1'] button[type=submit]");
        assertThat(browser.text("#comment-field1-error"))
                .endsWith("ce champ est celui d’une initiative : choisissez l’initiative qu’il vise");
        assertThat(browser.text("#comment-field2-error"))
                .endsWith("cette question est posée pour chaque initiative : choisissez l’initiative qu’elle vise");
        assertThat(browser.chosen("comment-field2")).as("the question kept").isEqualTo("answers.reviewGuidance");
        assertThat(browser.has("#comment-field0-error")).as("the first row, left blank, is fine").isFalse();
        assertThat(status("JRN-V1")).isEqualTo("EN_REVISION");
        browser.assertAccessible("comments refused");
        browser.screenshot("reviewer-answer-comment-refused", "fieldset.card:has(#comment-field2)");
        browser.choose("comment-initiative2", initiativeId);
        // the second row on a field of the declaration itself, the first on the initiative's
        browser.choose("comment-initiative1", "");
        browser.choose("comment-field1", "contact");
        browser.type("comment-message1", "Nommez une personne.");

        browser.choose("comment-initiative0", initiativeId);
        browser.choose("comment-field0", "benefits");
        browser.type("comment-message0", "Chiffrez les bénéfices : combien d’alertes, combien plus tôt?");
        browser.tick("decision-corrections");
        assertThat(browser.text("#decision-consequence")).as("what the decision does, beside the button")
                .contains("définitive", "avisé par courriel");
        browser.tick("confirm");
        browser.submit("form[action='/revision/" + YEAR + "/JRN-V1'] button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Corrections demandées; l’organisme reçoit vos commentaires.");
        assertThat(status("JRN-V1")).isEqualTo("A_CORRIGER");
        assertThat(jdbc.queryForList("select coalesce(c.field, 'question ' || c.question) || ' ' "
                + "|| coalesce(nullif(c.initiative_id, ''), '–') from review_comment c join review_round r "
                + "on r.id = c.review_round_id join declaration d on d.id = r.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = 'JRN-V1'", String.class, YEAR))
                .containsExactlyInAnyOrder("benefits " + initiativeId, "contact –",
                        "question reviewGuidance " + initiativeId);
        assertThat(jdbc.queryForList("select body from mail_outbox where organization_code = 'JRN-V1' and campaign_year = ? "
                + "and kind = 'CORRECTIONS_REQUESTED'", String.class, YEAR))
                .as("the respondents' mail names each commented field and the question by its label")
                .isNotEmpty().allSatisfy(body -> assertThat(body)
                        .contains(initiativeId + ", Bénéfices : Chiffrez les bénéfices : combien d’alertes, combien plus tôt?",
                                "La déclaration entière, Nom de la personne-ressource : Nommez une personne.",
                                initiativeId + ", « " + GUIDANCE
                                        + " » : Joignez l’avis du comité sur l’usage de l’IA générative.")
                        .doesNotContain("??"));

        // resubmitted with the impact assessment's answer left out
        declarations.submit(YEAR, "JRN-V1", List.of(answered(new ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm(
                initiativeId, "Prévision des crues", "PROJET",
                "Prévoir les crues printanières à partir des relevés hydrométriques.", "AIDE_DECISION_PREDICTION", null,
                "Douze alertes par printemps, trois jours plus tôt", "EXPLOITATION_SUIVI", (YEAR - 2) + "-03",
                (YEAR - 1) + "-01", null, true, false, true, "ACQUISITION_FOURNISSEUR", "Hydro-Logiciels inc.", "Crue360",
                "NON", "REALISEE", "AIDE_A_LA_DECISION", "HUMAIN_DANS_LA_BOUCLE", "FAIBLE",
                "Prévision des crues printanières pour alerter les municipalités."), Map.of("reviewGuidance", true))));
        campaigns.runDueJobs(YEAR);
        browser.open("/revision/" + YEAR + "/JRN-V1");
        assertThat(browser.pageText()).as("what changed since the previous submission")
                .contains("modifié", "Alertes plus tôt", "Douze alertes par printemps");
        // the answer left out: said unanswered as the respondent's page says it, not with a dash
        assertThat(browser.texts("tr.answer td:nth-of-type(1)")).as("the answer left out")
                .containsExactly("Oui", "Sans réponse");
        assertThat(browser.texts("tr.answer td:nth-of-type(2)")).as("beside what the previous submission answered")
                .containsExactly("", "modifié Planifiée");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('tr.answer').scrollIntoView({block: 'center'})");
        browser.screenshot("reviewer-answers-left-out");
        browser.open("/revision/" + YEAR + "/JRN-V1?lang=en");
        assertThat(browser.texts("tr.answer td:nth-of-type(1)")).as("in English").containsExactly("Yes", "No answer");
        assertThat(browser.texts("tr.answer td:nth-of-type(2)")).containsExactly("", "changed Planned");
        browser.assertAccessible("a declaration under review, its answers left out, in English");
        browser.open("/revision/" + YEAR + "/JRN-V1?lang=fr");
        // a generic name that gives the product away, and no confirmation: both said at once, each beside its field
        browser.type("generic0", "Logiciel Crue360");
        browser.tick("decision-accept");
        browser.submit("form[action='/revision/" + YEAR + "/JRN-V1'] button[type=submit]");
        assertThat(browser.text("#generic0-error"))
                .isEqualTo("Nom générique du produit : le nom générique ne doit nommer ni le fournisseur ni le produit");
        assertThat(browser.element(By.id("generic0")).getAttribute("aria-describedby")).isEqualTo("generic0-error");
        assertThat(browser.text("#confirm-error")).endsWith("cochez la case pour confirmer votre décision");
        assertThat(browser.value("generic0")).isEqualTo("Logiciel Crue360");
        assertThat(status("JRN-V1")).isEqualTo("EN_REVISION");
        browser.assertAccessible("a review refused");
        browser.screenshot("reviewer-refused", "form[action='/revision/" + YEAR + "/JRN-V1'] fieldset.card");
        browser.screenshot("reviewer-comment-refused", "fieldset.card:has(#comment-field1)");
        browser.type("generic0", "Logiciel de prévision hydrologique");
        browser.tick("decision-accept");
        browser.tick("confirm");
        browser.submit("form[action='/revision/" + YEAR + "/JRN-V1'] button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Déclaration acceptée; l’organisme en est avisé.");
        campaigns.runDueJobs(YEAR);
        assertThat(status("JRN-V1")).isEqualTo("ACCEPTEE");
        assertThat(jdbc.queryForObject("select generic_product_name from initiative_snapshot where initiative_id = ?",
                String.class, initiativeId)).isEqualTo("Logiciel de prévision hydrologique");

        // the API takes a comment on an answer by the same rule: an initiative's, to a question the version asks
        mvc.perform(post("/api/campaigns/{year}/declarations/{code}/review", YEAR, "JRN-V2")
                        .with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"decision": "REQUEST_CORRECTIONS", "comments": [
                                  {"question": "reviewGuidance", "message": "Précisez."},
                                  {"initiativeId": "IA-JRN-V2-0001", "question": "nowhere", "message": "Précisez."}]}"""))
                .andExpect(MockMvcResultMatchers.status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.path == 'comments[0].question')].message",
                        hasItem(endsWith("choisissez l’initiative qu’elle vise"))))
                .andExpect(jsonPath("$.errors[?(@.path == 'comments[1].question')].message",
                        hasItem(containsString("ne pose pas la question nowhere"))));
        assertThat(status("JRN-V2")).as("nothing changed").isEqualTo("EN_REVISION");

        // Tasklist: the review task's form takes a real decision, and says clearly what is missing
        String task = tasks.createTaskQuery().processInstanceBusinessKey(YEAR + "-JRN-V2").singleResult().getId();
        browser.open("/camunda/app/tasklist/default/#/?task=" + task);
        browser.click("button.claim, [ng-click='claim()']");
        browser.waitUntil(page -> !page.findElements(By.cssSelector("input[type=radio]")).isEmpty()
                && page.findElements(By.cssSelector(".disabled-form")).isEmpty());
        browser.clickText("Demander des corrections / Request corrections");
        browser.clickText("Terminer");
        browser.waitUntil(page -> page.findElement(By.tagName("body")).getText().contains("au moins un commentaire"));
        assertThat(status("JRN-V2")).as("nothing changed").isEqualTo("EN_REVISION");
        browser.screenshot("reviewer-tasklist-refused");
        browser.clickText("Accepter la déclaration / Accept");
        browser.clickText("Terminer");
        browser.waitUntil(page -> tasks.createTaskQuery().taskId(task).count() == 0);
        browser.waitUntil(page -> page.findElements(By.cssSelector(".alert-danger")).stream().noneMatch(
                notice -> notice.isDisplayed()));
        campaigns.runDueJobs(YEAR);
        assertThat(status("JRN-V2")).as("a real decision").isEqualTo("ACCEPTEE");
        assertThat(jdbc.queryForObject("select actor from declaration_transition t join declaration d on d.id = "
                + "t.declaration_id where d.campaign_year = ? and d.organization_code = 'JRN-V2' and t.to_status = 'ACCEPTEE'",
                String.class, YEAR)).as("credited to the reviewer signed in").isEqualTo("analyste");
        browser.open("/");
        browser.logOut();
    }

    private static final String GUIDANCE = "L’initiative suit-elle le guide d’application sur l’IA générative?";

    private static DeclarationForm.InitiativeForm answered(DeclarationForm.InitiativeForm initiative,
            Map<String, Object> answers) {
        return new DeclarationForm.InitiativeForm(initiative.id(), initiative.name(), initiative.objectType(),
                initiative.description(), initiative.category(), initiative.subcategory(), initiative.benefits(),
                initiative.phase(), initiative.startDate(), initiative.productionDate(), initiative.retirementDate(),
                initiative.servicesToPopulation(), initiative.cybersecurity(), initiative.generativeAi(),
                initiative.acquisitionMode(), initiative.supplierName(), initiative.productName(),
                initiative.personalInformation(), initiative.privacyImpactAssessment(), initiative.decisionRole(),
                initiative.humanOversight(), initiative.riskLevel(), initiative.publicDescription(), answers);
    }

    /** The values a select offers, in order (what the server is sent, where {@code options} gives the labels). */
    private static List<String> optionValues(String selectId) {
        return new Select(browser.element(By.id(selectId))).getOptions().stream()
                .map(option -> option.getAttribute("value")).toList();
    }

    private String status(String organizationCode) {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, organizationCode);
    }
}
