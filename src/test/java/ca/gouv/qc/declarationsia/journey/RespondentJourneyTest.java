package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.review.ReviewForm;
import ca.gouv.qc.declarationsia.review.ReviewService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestFormVersions;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * A respondent's season, in a browser: it follows the link of its invitation, signs in, lands on its declaration,
 * declares an initiative field by field, saves, reloads and finds it, sends a spreadsheet of initiatives, checks,
 * submits with the attestation and the signatory; later it reads the reviewer's comment on one field, corrects that
 * field alone and submits again. On a campaign whose form version asks more questions, it answers each kind of
 * question, one of them asked only for generative AI. What the person sees, and what got stored, are checked at each
 * step.
 */
@IntegrationTest
class RespondentJourneyTest extends BrowserJourney {

    private static final int YEAR = 2045;
    private static final String ORG = "JRN-R";
    private static final String RESPONDENT = "ia.jrn-r@example.qc.ca";
    /** The campaign on a form version with questions (2072: only the database layer's schema test names it). */
    private static final int QUESTIONS_YEAR = 2072;
    private static final String QUESTIONS_ORG = "JRN-Q";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/mes-declarations/\\S+)");

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    IdentityService identity;

    @Autowired
    ReviewService reviews;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(QUESTIONS_YEAR);
    }

    @Test
    void a_respondent_follows_its_invitation_declares_submits_and_corrects_one_field_only() throws Exception {
        TestOrganizations.createWithLogin(organizations, identity, ORG);
        campaigns.create(YEAR, List.of(ORG));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);

        MimeMessage invitation = CaughtMail.to(mailCatcher, RESPONDENT).stream()
                .filter(mail -> subject(mail).startsWith("Campagne " + YEAR)).findFirst().orElseThrow();
        Matcher link = LINK.matcher(invitation.getContent().toString());
        assertThat(link.find()).as("the invitation links to the declaration").isTrue();
        String page = "/mes-declarations/" + YEAR + "/" + ORG;
        assertThat(link.group(1)).isEqualTo(page);

        browser.open(link.group(1));
        assertThat(browser.url()).as("asked to sign in first").contains("/login");
        browser.logIn(RESPONDENT, "demo");
        assertThat(browser.url()).as("lands on its declaration").endsWith(page);
        assertThat(browser.text("h1")).isEqualTo("Déclaration " + YEAR + " – " + ORG);
        assertThat(browser.pageText()).contains("Brouillon", "à soumettre d’ici le 31 octobre " + YEAR);
        browser.assertAccessible("the declaration, new");
        assertThat(browser.has("script[src$='questions.js']")).as("version 1: no question, no script").isFalse();

        browser.submit("button[value=add]");
        assertThat(browser.text("#initiative-0 > legend")).as("a new initiative's heading, before it has a name or an id")
                .isEqualTo("Nouvelle initiative n° 1");
        assertThat(browser.has(".question")).as("version 1 asks no more than the catalogue").isFalse();
        assertEachRadioBesideItsLabel("i0-cybersecurity");
        assertEachRadioBesideItsLabel("i0-generativeAi");
        browser.screenshot("respondent-yes-no", "fieldset.radios:has(#i0-servicesToPopulation-oui)");
        assertThat(browser.options("i0-category")).as("every code list offers its labels")
                .contains("Aide à la décision, planification et/ou prédiction", "Traitement d’image/Imagerie médicale");
        assertThat(browser.options("i0-riskLevel")).contains("Faible", "Non évalué");
        browser.type("contactName", "Rita Répondante");
        browser.type("contactEmail", RESPONDENT);
        fillInitiative();
        browser.submit("button[value=save]");
        assertThat(browser.text(".notice")).isEqualTo("Brouillon enregistré.");

        browser.open(page);
        assertInitiativeShown();
        Map<String, Object> stored = initiative("Prévision des crues");
        assertThat(stored).containsEntry("object_type", "PROJET").containsEntry("category", "AIDE_DECISION_PREDICTION")
                .containsEntry("phase", "EXPLOITATION_SUIVI").containsEntry("start_date", (YEAR - 2) + "-03")
                .containsEntry("production_date", (YEAR - 1) + "-01").containsEntry("services_to_population", true)
                .containsEntry("cybersecurity", false).containsEntry("generative_ai", true)
                .containsEntry("acquisition_mode", "ACQUISITION_FOURNISSEUR").containsEntry("supplier_name", "Hydro-Logiciels inc.")
                .containsEntry("personal_information", "NON").containsEntry("privacy_impact_assessment", "REALISEE")
                .containsEntry("decision_role", "AIDE_A_LA_DECISION").containsEntry("human_oversight", "HUMAIN_DANS_LA_BOUCLE")
                .containsEntry("risk_level", "FAIBLE");
        browser.screenshot("respondent-declaration-saved");

        // many initiatives come by spreadsheet: the template holds what is declared; one row more adds one
        String template = browser.download(page + "/modele.csv");
        assertThat(template).contains("Prévision des crues", "EXPLOITATION_SUIVI");
        Path spreadsheet = Files.createTempFile("initiatives", ".csv");
        Files.writeString(spreadsheet, template.strip() + "\n,Tri des courriels,PROJET,Classement des courriels entrants "
                + "par sujet,AUTOMATISATION,,Délais réduits,EXPLORATION," + (YEAR - 1) + "-01,,,non,non,non,DEVELOPPEMENT_INTERNE,,,NON,,"
                + "SOUTIEN_OPERATIONNEL,HUMAIN_DANS_LA_BOUCLE,NON_EVALUE,Tri des courriels\n", StandardCharsets.UTF_8);
        browser.attach("initiativesFile", spreadsheet);
        browser.submit("form[action$='/import'] button[type=submit]");
        assertThat(browser.text(".notice")).contains("Initiatives importées");
        assertThat(browser.text("#initiatives")).isEqualTo("Initiatives (2)");
        assertThat(initiative("Prévision des crues")).as("the spreadsheet sent back changes nothing it held")
                .isEqualTo(stored);

        // the same page in English: English spacing before colons, a new initiative's heading in English
        browser.open(page + "?lang=en");
        assertThat(browser.pageText()).contains("Status: Draft").doesNotContainPattern("\\s:");
        browser.submit("button[value=add]");
        assertThat(browser.text("#initiative-2 > legend")).isEqualTo("New initiative no. 3");
        assertThat(browser.texts("#initiative-2 fieldset.radios legend"))
                .containsExactly("Services to the population", "Cybersecurity initiative", "Generative AI");
        assertEachRadioBesideItsLabel("i2-servicesToPopulation");
        browser.assertAccessible("the declaration, in English, an initiative added");
        browser.screenshot("respondent-new-initiative-en", "#initiative-2 > legend");
        // a new initiative taken out again by the button beside it: the draft saved without it
        browser.submit("#initiative-2 button[name=remove]");
        assertThat(browser.text(".notice")).isEqualTo("Initiative removed; the draft is saved.");
        assertThat(browser.has("#initiative-2")).as("taken out").isFalse();
        assertThat(browser.text("#initiatives")).isEqualTo("Initiatives (2)");
        browser.open(page + "?lang=fr");

        // a month that does not exist: the page says nothing was saved, keeps what was typed, and says why beside it
        browser.type("i0-startDate", (YEAR - 2) + "-13");
        browser.submit("button[value=save]");
        assertThat(browser.text(".error-summary h2")).isEqualTo("1 point(s) à corriger : rien n’est encore enregistré. "
                + "Ce que vous avez saisi reste sur cette page; corrigez-le, puis enregistrez.");
        assertThat(browser.text("#i0-startDate-error")).isEqualTo("Début (AAAA-MM) : doit être un mois au format AAAA-MM");
        assertThat(browser.element(org.openqa.selenium.By.id("i0-startDate")).getAttribute("aria-describedby"))
                .isEqualTo("i0-startDate-error");
        assertThat(browser.value("i0-startDate")).isEqualTo((YEAR - 2) + "-13");
        assertThat(initiative("Prévision des crues")).as("nothing saved").isEqualTo(stored);
        browser.assertAccessible("the declaration, a save refused");
        browser.screenshot("respondent-save-refused", "#initiative-0");
        browser.submit("button[value=submit]");
        assertThat(browser.texts(".error-summary li")).as("submitted so: what the signature lacks is said at once")
                .containsSubsequence("Début (AAAA-MM) : doit être un mois au format AAAA-MM", "Nom du signataire : obligatoire");
        assertThat(status()).isEqualTo("BROUILLON");
        browser.type("i0-startDate", (YEAR - 2) + "-03");
        // a sub-category of another category: saved as chosen, and named beside its field by the check
        browser.choose("i0-subcategory", "IMAGERIE_MEDICALE");
        browser.submit("button[value=check]");
        assertThat(browser.text(".error-summary h2")).isEqualTo("1 point(s) à corriger; le brouillon est enregistré.");
        assertThat(browser.text("#i0-subcategory-error"))
                .endsWith("— Sous-catégorie : seulement avec la catégorie « Traitement d’image/Imagerie médicale »");
        assertThat(initiative("Prévision des crues")).containsEntry("subcategory", "IMAGERIE_MEDICALE");
        browser.choose("i0-subcategory", "");
        browser.submit("button[value=save]");
        assertThat(initiative("Prévision des crues")).isEqualTo(stored);

        browser.submit("button[value=check]");
        assertThat(browser.text(".notice")).isEqualTo("Vérification réussie : la déclaration peut être soumise.");

        browser.submit("button[value=submit]");
        assertThat(browser.text(".error-summary")).contains("cochez l’attestation pour soumettre",
                "Nom du signataire : obligatoire");
        assertThat(browser.text("#signatoryName-error")).isEqualTo("Nom du signataire : obligatoire");
        browser.assertAccessible("the declaration, submission refused");
        assertThat(status()).isEqualTo("BROUILLON");
        signAndSubmit();
        assertThat(browser.text(".notice")).isEqualTo("Déclaration soumise : elle passe maintenant à la révision du Ministère.");
        assertThat(browser.pageText()).contains("Déclaration soumise le 1er septembre " + YEAR + " à 9 h 00");
        assertThat(browser.has("button[value=save]")).as("locked once submitted").isFalse();
        browser.assertAccessible("the declaration, submitted");
        browser.open("/");
        assertThat(browser.pageText()).contains("Organisme de test " + ORG);
        browser.assertAccessible("the respondent's home page");
        browser.open("/mes-declarations");
        browser.assertAccessible("the respondent's declarations");
        browser.open(page);
        campaigns.runDueJobs(YEAR);
        assertThat(status()).isEqualTo("EN_REVISION");

        String initiativeId = (String) stored.get("initiative_id");
        TestUsers.asReviewer(() -> {
            reviews.decide(YEAR, ORG, new ReviewForm("REQUEST_CORRECTIONS",
                    List.of(new ReviewComment(initiativeId, "benefits", "Chiffrez les bénéfices.")), List.of()));
            return null;
        });
        campaigns.runDueJobs(YEAR);

        browser.open(page);
        assertThat(browser.pageText()).contains("À corriger", "Commentaires de l’analyste", "Chiffrez les bénéfices.");
        assertThat(browser.element(org.openqa.selenium.By.cssSelector("#commentaires a")).getAttribute("href"))
                .as("the comment leads to its field").endsWith("#i0-benefits");
        assertThat(browser.text("#commentaires li")).isEqualTo(initiativeId + " – Bénéfices : Chiffrez les bénéfices.");
        assertThat(browser.text("#i0-benefits-remark")).as("and it sits beside its field")
                .isEqualTo("Commentaire de l’analyste : Chiffrez les bénéfices.");
        assertThat(browser.element(org.openqa.selenium.By.id("i0-benefits")).getAttribute("aria-describedby"))
                .isEqualTo("i0-benefits-remark");
        browser.screenshot("respondent-remark", "#i0-benefits-remark");
        browser.assertAccessible("the declaration, corrections requested");
        browser.open(page + "?lang=en");
        assertThat(browser.text("#commentaires li")).isEqualTo(initiativeId + " – Benefits: Chiffrez les bénéfices.");
        assertThat(browser.pageText()).contains("Status: Corrections requested").doesNotContainPattern("\\s:");
        browser.open(page + "?lang=fr");
        browser.screenshot("respondent-corrections");
        Map<String, Object> before = initiative("Prévision des crues");
        Map<String, Object> other = initiative("Tri des courriels");
        browser.type("i0-benefits", "Alertes 3 jours plus tôt; 40 % de sinistres en moins");
        signAndSubmit();
        assertThat(browser.text(".notice")).startsWith("Déclaration soumise");

        Map<String, Object> after = initiative("Prévision des crues");
        assertThat(after).containsEntry("benefits", "Alertes 3 jours plus tôt; 40 % de sinistres en moins");
        before.remove("benefits");
        after.remove("benefits");
        assertThat(after).as("every other value unchanged").isEqualTo(before);
        assertThat(initiative("Tri des courriels")).isEqualTo(other);
        browser.logOut();
    }

    /**
     * A campaign on a version with a question of every kind: the page asks them under the initiative's fields, in
     * French and in English, the one for generative AI only while generative AI is ticked; the answers are saved and
     * shown again, a malformed one is refused beside its question, and a submission needs the required one.
     */
    @Test
    void a_respondent_answers_every_kind_of_question_its_campaigns_form_version_asks() throws Exception {
        String respondent = TestOrganizations.createWithLogin(organizations, identity, QUESTIONS_ORG);
        int version = TestFormVersions.withEveryKindOfQuestion(mvc, json);
        campaigns.create(QUESTIONS_YEAR, List.of(QUESTIONS_ORG), version);
        TestCampaigns.clockAt(LocalDateTime.of(QUESTIONS_YEAR, 9, 1, 13, 0));
        campaigns.launch(QUESTIONS_YEAR);
        campaigns.runDueJobs(QUESTIONS_YEAR);
        String page = "/mes-declarations/" + QUESTIONS_YEAR + "/" + QUESTIONS_ORG;
        String month = (QUESTIONS_YEAR - 1) + "-05";

        if (browser.has("form[action='/logout'] button")) {
            browser.logOut();
        }
        browser.open(page);
        browser.logIn(respondent, "demo");
        assertThat(browser.url()).endsWith(page);
        browser.submit("button[value=add]");
        assertThat(browser.text("#i0-questions h3")).isEqualTo("Questions propres à cette campagne");
        assertThat(shown("guidanceFollowed")).as("asked only for generative AI, not chosen yet").isFalse();
        assertThat(browser.text("label[for='i0-answers-impactAssessment']")).isEqualTo("État de l’évaluation d’impact");
        assertThat(browser.options("i0-answers-impactAssessment"))
                .containsExactly("— Choisir —", "Réalisée", "En cours", "Prévue");
        assertThat(browser.text("#i0-answers-dataSources-question legend")).isEqualTo("Sources de données");
        assertThat(browser.text("#i0-answers-dataSources-help")).isEqualTo("Cochez toutes celles qui s’appliquent.");
        assertThat(browser.text("label[for='i0-answers-assessmentMonth']")).isEqualTo("Mois de l’évaluation (AAAA-MM)");

        browser.type("contactName", "Rita Répondante");
        browser.type("contactEmail", respondent);
        fillInitiative();
        // generative AI ticked: the question shows at once, required, with its help
        assertThat(shown("guidanceFollowed")).as("shown as generative AI is ticked").isTrue();
        assertThat(browser.text("#i0-answers-guidanceFollowed-question legend"))
                .isEqualTo("L’initiative suit-elle les lignes directrices sur l’IA générative? (obligatoire)");
        assertThat(browser.text("#i0-answers-guidanceFollowed-help")).isEqualTo("Guide d’application de décembre 2025.");
        assertEachRadioBesideItsLabel("i0-answers-guidanceFollowed");
        browser.tick("i0-generativeAi-non");
        assertThat(shown("guidanceFollowed")).as("hidden again as generative AI is not").isFalse();
        browser.tick("i0-generativeAi-oui");
        assertThat(shown("guidanceFollowed")).isTrue();
        browser.choose("i0-answers-impactAssessment", "EN_COURS");
        browser.tick("i0-answers-dataSources-DONNEES_INTERNES");
        browser.tick("i0-answers-dataSources-DONNEES_OUVERTES");
        browser.type("i0-answers-publicContact", "ia@mrnf.gouv.qc.ca");
        browser.type("i0-answers-withheldReason", "Secret industriel du fournisseur.\nLe modèle reste privé.");
        browser.type("i0-answers-assessmentMonth", month);
        browser.screenshot("respondent-questions", "#i0-questions");
        browser.screenshot("respondent-questions-csv", "div.card:has(.csv-questions)");
        browser.resize(320, 1024);
        browser.screenshot("respondent-questions-320", "#i0-answers-guidanceFollowed-question");
        browser.resize(1280, 1024);
        browser.assertAccessible("the declaration, the questions of its form version");
        browser.submit("button[value=save]");
        assertThat(browser.text(".notice")).isEqualTo("Brouillon enregistré.");

        browser.open(page);
        assertThat(browser.chosen("i0-answers-impactAssessment")).isEqualTo("EN_COURS");
        assertThat(browser.isTicked("i0-answers-dataSources-DONNEES_INTERNES")).isTrue();
        assertThat(browser.isTicked("i0-answers-dataSources-DONNEES_OUVERTES")).isTrue();
        assertThat(browser.isTicked("i0-answers-dataSources-DONNEES_FOURNISSEUR")).isFalse();
        assertThat(browser.value("i0-answers-publicContact")).isEqualTo("ia@mrnf.gouv.qc.ca");
        assertThat(browser.value("i0-answers-withheldReason")).matches("Secret industriel du fournisseur\\.\\r?\\nLe modèle reste privé\\.");
        assertThat(browser.value("i0-answers-assessmentMonth")).isEqualTo(month);
        assertThat(shown("guidanceFollowed")).as("generative AI saved: asked without the script's help").isTrue();
        assertThat(browser.isTicked("i0-answers-guidanceFollowed-oui") || browser.isTicked("i0-answers-guidanceFollowed-non"))
                .as("not answered yet").isFalse();
        JsonNode answers = storedAnswers(respondent);
        assertThat(answers.get("impactAssessment").asText()).isEqualTo("EN_COURS");
        assertThat(answers.get("dataSources")).extracting(JsonNode::asText)
                .containsExactly("DONNEES_INTERNES", "DONNEES_OUVERTES");
        assertThat(answers.get("publicContact").asText()).isEqualTo("ia@mrnf.gouv.qc.ca");
        assertThat(answers.get("withheldReason").asText()).startsWith("Secret industriel").endsWith("reste privé.");
        assertThat(answers.get("assessmentMonth").asText()).isEqualTo(month);
        assertThat(answers.has("guidanceFollowed")).isFalse();

        // a month that does not exist: nothing saved, the error beside the question, naming it
        browser.type("i0-answers-assessmentMonth", (QUESTIONS_YEAR - 1) + "-13");
        browser.submit("button[value=save]");
        assertThat(browser.text(".error-summary h2")).startsWith("1 point(s) à corriger : rien n’est encore enregistré.");
        String monthError = "« Mois de l’évaluation » (assessmentMonth) : doit être un mois au format AAAA-MM";
        assertThat(browser.text("#i0-answers-assessmentMonth-error")).isEqualTo(monthError);
        assertThat(browser.element(By.id("i0-answers-assessmentMonth")).getAttribute("aria-describedby"))
                .isEqualTo("i0-answers-assessmentMonth-error");
        assertThat(browser.element(By.cssSelector(".error-summary a")).getAttribute("href"))
                .endsWith("#i0-answers-assessmentMonth");
        assertThat(browser.value("i0-answers-assessmentMonth")).isEqualTo((QUESTIONS_YEAR - 1) + "-13");
        assertThat(storedAnswers(respondent)).as("nothing saved").isEqualTo(answers);
        browser.type("i0-answers-assessmentMonth", month);

        // the required answer missing: the draft is saved, the submission refused, the error beside the question
        signAndSubmit();
        String required = "« L’initiative suit-elle les lignes directrices sur l’IA générative? » (guidanceFollowed) : "
                + "obligatoire";
        assertThat(browser.texts(".error-summary li")).containsExactly(required);
        assertThat(browser.element(By.cssSelector(".error-summary a")).getAttribute("href"))
                .endsWith("#i0-answers-guidanceFollowed-oui");
        assertThat(browser.text("#i0-answers-guidanceFollowed-error")).isEqualTo(required);
        assertThat(browser.element(By.cssSelector("#i0-answers-guidanceFollowed-question fieldset"))
                .getAttribute("aria-describedby"))
                .isEqualTo("i0-answers-guidanceFollowed-help i0-answers-guidanceFollowed-error");
        assertThat(statusOf(QUESTIONS_YEAR, QUESTIONS_ORG)).isEqualTo("BROUILLON");
        browser.assertAccessible("the declaration, refused without the required answer");
        browser.screenshot("respondent-question-required", "#i0-answers-guidanceFollowed-question");

        // in English: the questions' labels, help and choices in English
        browser.open(page + "?lang=en");
        assertThat(browser.text("#i0-questions h3")).isEqualTo("Questions for this campaign");
        assertThat(browser.text("#i0-answers-guidanceFollowed-question legend"))
                .isEqualTo("Does the initiative follow the generative AI guidance? (required)");
        assertThat(browser.text("#i0-answers-guidanceFollowed-help")).isEqualTo("December 2025 guidance.");
        assertThat(browser.text("label[for='i0-answers-guidanceFollowed-oui']")).isEqualTo("Yes");
        assertThat(browser.options("i0-answers-impactAssessment")).contains("Done", "Under way", "Planned");
        assertThat(browser.text("label[for='i0-answers-dataSources-DONNEES_OUVERTES']")).isEqualTo("Open data");
        assertThat(browser.text("label[for='i0-answers-assessmentMonth']")).isEqualTo("Month of the assessment (YYYY-MM)");
        assertThat(browser.pageText()).doesNotContainPattern("\\s:");
        browser.assertAccessible("the declaration's questions, in English");
        browser.screenshot("respondent-questions-en", "#i0-questions");
        browser.open(page + "?lang=fr");

        // an answer to a question whose condition no longer holds is not kept
        browser.tick("i0-answers-guidanceFollowed-oui");
        browser.tick("i0-generativeAi-non");
        assertThat(shown("guidanceFollowed")).isFalse();
        browser.submit("button[value=save]");
        assertThat(browser.text(".notice")).isEqualTo("Brouillon enregistré.");
        assertThat(storedAnswers(respondent).has("guidanceFollowed")).as("hidden, so not saved").isFalse();
        assertThat(shown("guidanceFollowed")).isFalse();

        browser.tick("i0-generativeAi-oui");
        assertThat(shown("guidanceFollowed")).isTrue();
        browser.tick("i0-answers-guidanceFollowed-oui");
        signAndSubmit();
        assertThat(browser.text(".notice")).startsWith("Déclaration soumise");
        JsonNode submitted = storedAnswers(respondent);
        assertThat(submitted.get("guidanceFollowed").asBoolean()).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) submitted).remove("guidanceFollowed");
        assertThat(submitted).as("the other answers as saved").isEqualTo(answers);
        assertThat(statusOf(QUESTIONS_YEAR, QUESTIONS_ORG)).isEqualTo("SOUMISE");
        browser.logOut();
    }

    /** Whether the person sees the question (its condition holds), on the first initiative. */
    private static boolean shown(String question) {
        return browser.element(By.id("i0-answers-" + question + "-question")).isDisplayed();
    }

    /** The first initiative's answers as the API gives them back. */
    private JsonNode storedAnswers(String respondent) throws Exception {
        return json.readTree(mvc.perform(get("/api/campaigns/{year}/declarations/{org}", QUESTIONS_YEAR, QUESTIONS_ORG)
                .with(httpBasic(respondent, "demo"))).andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse()
                .getContentAsString()).at("/initiatives/0/answers");
    }

    private String statusOf(int year, String organization) {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, year, organization);
    }

    private static void fillInitiative() {
        browser.type("i0-name", "Prévision des crues");
        browser.choose("i0-objectType", "PROJET");
        browser.type("i0-description", "Prévoir les crues printanières à partir des relevés hydrométriques.");
        browser.choose("i0-category", "AIDE_DECISION_PREDICTION");
        browser.type("i0-benefits", "Alertes plus tôt");
        browser.choose("i0-phase", "EXPLOITATION_SUIVI");
        browser.type("i0-startDate", (YEAR - 2) + "-03");
        browser.type("i0-productionDate", (YEAR - 1) + "-01");
        browser.tick("i0-servicesToPopulation-oui");
        browser.tick("i0-cybersecurity-non");
        browser.tick("i0-generativeAi-oui");
        browser.choose("i0-acquisitionMode", "ACQUISITION_FOURNISSEUR");
        browser.type("i0-supplierName", "Hydro-Logiciels inc.");
        browser.type("i0-productName", "Crue360");
        browser.choose("i0-personalInformation", "NON");
        browser.choose("i0-privacyImpactAssessment", "REALISEE");
        browser.choose("i0-decisionRole", "AIDE_A_LA_DECISION");
        browser.choose("i0-humanOversight", "HUMAIN_DANS_LA_BOUCLE");
        browser.choose("i0-riskLevel", "FAIBLE");
        browser.type("i0-publicDescription", "Prévision des crues printanières pour alerter les municipalités.");
    }

    private static void assertInitiativeShown() {
        assertThat(browser.value("i0-name")).isEqualTo("Prévision des crues");
        assertThat(browser.chosen("i0-objectType")).isEqualTo("PROJET");
        assertThat(browser.chosen("i0-category")).isEqualTo("AIDE_DECISION_PREDICTION");
        assertThat(browser.chosen("i0-phase")).isEqualTo("EXPLOITATION_SUIVI");
        assertThat(browser.value("i0-startDate")).isEqualTo((YEAR - 2) + "-03");
        assertThat(browser.isTicked("i0-servicesToPopulation-oui")).isTrue();
        assertThat(browser.isTicked("i0-cybersecurity-non")).isTrue();
        assertThat(browser.isTicked("i0-generativeAi-oui")).isTrue();
        assertThat(browser.chosen("i0-acquisitionMode")).isEqualTo("ACQUISITION_FOURNISSEUR");
        assertThat(browser.value("i0-productName")).isEqualTo("Crue360");
        assertThat(browser.chosen("i0-privacyImpactAssessment")).isEqualTo("REALISEE");
        assertThat(browser.chosen("i0-riskLevel")).isEqualTo("FAIBLE");
        assertThat(browser.value("i0-publicDescription")).startsWith("Prévision des crues printanières");
    }

    /**
     * Oui and Non each sit right beside their own label, on one line under the question (its legend), and the two
     * pairs stand apart: nobody can take the label of one for the other's.
     */
    private static void assertEachRadioBesideItsLabel(String field) {
        Rectangle yes = rect("#" + field + "-oui");
        Rectangle yesLabel = rect("label[for='" + field + "-oui']");
        Rectangle no = rect("#" + field + "-non");
        Rectangle noLabel = rect("label[for='" + field + "-non']");
        Rectangle question = rect("fieldset.radios:has(#" + field + "-oui) > legend");
        int yesGap = yesLabel.getX() - (yes.getX() + yes.getWidth());
        int noGap = noLabel.getX() - (no.getX() + no.getWidth());
        assertThat(yesGap).as(field + ": Oui's label right after its radio").isBetween(0, 12);
        assertThat(noGap).as(field + ": Non's label right after its radio").isBetween(0, 12);
        assertThat(Math.abs(middle(yes) - middle(yesLabel))).as(field + ": Oui on its label's line").isLessThanOrEqualTo(4);
        assertThat(Math.abs(middle(no) - middle(noLabel))).as(field + ": Non on its label's line").isLessThanOrEqualTo(4);
        assertThat(Math.abs(middle(yes) - middle(no))).as(field + ": both choices on one line").isLessThanOrEqualTo(4);
        assertThat(no.getX() - (yesLabel.getX() + yesLabel.getWidth())).as(field + ": the pairs apart")
                .isGreaterThanOrEqualTo(3 * Math.max(yesGap, noGap)).isGreaterThanOrEqualTo(16);
        assertThat(question.getY() + question.getHeight()).as(field + ": the question above its choices")
                .isLessThanOrEqualTo(yes.getY());
        assertThat(yes.getX() - question.getX()).as(field + ": the choices under the question").isBetween(-2, 16);
    }

    private static Rectangle rect(String css) {
        return browser.element(By.cssSelector(css)).getRect();
    }

    private static int middle(Rectangle rectangle) {
        return rectangle.getY() + rectangle.getHeight() / 2;
    }

    private static void signAndSubmit() {
        browser.tick("attestation");
        browser.type("signatoryName", "Denise Directrice");
        browser.type("signatoryRole", "Dirigeante de l’information");
        browser.type("signatoryEmail", "dri.jrn-r@example.qc.ca");
        browser.submit("button[value=submit]");
    }

    private String status() {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, ORG);
    }

    private Map<String, Object> initiative(String name) {
        return jdbc.queryForMap("""
                select s.* from initiative_snapshot s join declaration d on d.id = s.declaration_id
                 where d.campaign_year = ? and d.organization_code = ? and s.name = ?""", YEAR, ORG, name);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
