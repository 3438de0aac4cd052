package ca.gouv.qc.declarationsia.journey;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.valid;
import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.publication.Editions;
import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.notification.MailDispatcher;
import ca.gouv.qc.declarationsia.notification.PersonalLinks;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.organization.SuccessionForm;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.review.ReviewForm;
import ca.gouv.qc.declarationsia.review.ReviewService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.Http;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestFormVersions;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import ca.gouv.qc.declarationsia.support.TestYears;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A respondent's journeys, in a browser. {@link ItsSeason}: it follows the link of its invitation, signs in, lands on
 * its declaration, declares an initiative field by field, saves, reloads and finds it, sends a spreadsheet of
 * initiatives, checks, submits with the attestation and the signatory; later it reads the reviewer's comment on one
 * field, corrects that field alone and submits again. {@link FirstSignIn}: a respondent who never signed in chooses
 * its password from its invitation's personal link, which serves once and expires, and a forgotten password gets the
 * same answer whether or not the address has an account. What the person sees, and
 * what got stored, are checked at each step.
 */
@IntegrationTest
class RespondentJourneyTest extends BrowserJourney {

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
    MailDispatcher dispatcher;

    @Autowired
    Successions successions;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    DeclarationLifecycle lifecycle;

    @Autowired
    InitiativeIds initiativeIds;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Editions editions;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    /** Each journey starts signed out. */
    @AfterEach
    void signOut() {
        if (browser != null) {
            browser.driver().manage().deleteAllCookies();
        }
    }

    /** Its season: invited, declares, submits, corrects one field. */
    @Nested
    class ItsSeason {

        private static final int YEAR = TestYears.take();
        private static final String ORG = "JRN-R";
        private static final String RESPONDENT = "ia.jrn-r@example.qc.ca";
        private static final Pattern LINK = Pattern.compile("https?://[^\\s/]+(/mes-declarations/\\S+)");
        /** The campaign on a form version with questions. */
        private static final int QUESTIONS_YEAR = TestYears.take();
        private static final String QUESTIONS_ORG = "JRN-Q";

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

            browser.submit("button[value=add]");
            assertThat(browser.text("#initiative-0 > legend")).as("a new initiative's heading, before it has a name or an id")
                    .isEqualTo("Nouvelle initiative n° 1");
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
            browser.open("/organisations");
            assertThat(browser.text("h1")).as("the registry is the ministry staff's").isEqualTo("Accès refusé");
            browser.assertAccessible("a page refused to a respondent (403)");
            browser.open("/nulle-part");
            assertThat(browser.text("h1")).isEqualTo("Introuvable");
            browser.assertAccessible("a page that does not exist (404)");
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

            browser.signInAs(respondent, page);
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

            // the reviewer asks for a correction on an answer: the respondent reads it beside the question
            campaigns.runDueJobs(QUESTIONS_YEAR);
            String initiativeId = jdbc.queryForObject("select s.initiative_id from initiative_snapshot s join declaration d "
                    + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ? limit 1",
                    String.class, QUESTIONS_YEAR, QUESTIONS_ORG);
            TestUsers.asReviewer(() -> {
                reviews.decide(QUESTIONS_YEAR, QUESTIONS_ORG, new ReviewForm("REQUEST_CORRECTIONS", List.of(
                        new ReviewComment(initiativeId, null, "guidanceFollowed", "Joignez l’avis du comité.")), List.of()));
                return null;
            });
            campaigns.runDueJobs(QUESTIONS_YEAR);
            browser.open(page);
            assertThat(browser.text("#i0-answers-guidanceFollowed-remark"))
                    .isEqualTo("Commentaire de l’analyste : Joignez l’avis du comité.");
            assertThat(browser.text("#commentaires li")).startsWith(initiativeId + " – ")
                    .endsWith(" : Joignez l’avis du comité.").doesNotContain("answers.", "??");
            assertThat(browser.element(By.cssSelector("#commentaires a")).getAttribute("href"))
                    .as("the comment leads to its question").contains("#i0-answers-guidanceFollowed");
            browser.assertAccessible("the declaration, a correction asked on an answer");
            browser.screenshot("respondent-question-remark", "#i0-answers-guidanceFollowed-question");
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
    }

    /** Its first sign-in, from its invitation's personal link; a forgotten password. */
    @Nested
    class FirstSignIn {

        private static final int YEAR = TestYears.take();
        private static final String ORG = "JRN-N";
        private static final String LATE_ORG = "JRN-NX";
        private static final String RESPONDENT = "ia.jrn-n@example.qc.ca";
        private static final String LATE_RESPONDENT = "ia.jrn-nx@example.qc.ca";
        private static final String PASSWORD = "Trois chats gris dorment au soleil";
        private static final Pattern PERSONAL_LINK = Pattern.compile("https?://[^\\s/]+(/acces\\?jeton=([A-Za-z0-9_-]+))");

        private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

        @BeforeEach
        void start() {
            logs.start();
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        }

        @AfterEach
        void cleanUp() {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            campaigns.cleanUp(YEAR);
            browser.driver().manage().deleteAllCookies();
        }

        @Test
        void a_respondent_who_never_signed_in_chooses_its_password_from_its_invitation_and_lands_on_its_declaration()
                throws Exception {
            TestOrganizations.create(organizations, ORG);
            TestOrganizations.create(organizations, LATE_ORG);
            campaigns.create(YEAR, List.of(ORG, LATE_ORG));
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
            campaigns.launch(YEAR);
            campaigns.runDueJobs(YEAR);

            String invitation = body(lastMailTo(RESPONDENT, "Campagne " + YEAR));
            assertThat(invitation).contains("Première connexion : votre identifiant est " + RESPONDENT,
                    "Remplir la déclaration de votre organisme : ", "/mes-declarations/" + YEAR + "/" + ORG);
            Matcher link = PERSONAL_LINK.matcher(invitation);
            assertThat(link.find()).as("the invitation carries a personal link").isTrue();
            String token = link.group(2);
            assertThat(jdbc.queryForObject("select body from mail_outbox where recipients = ? and kind = 'INVITATION'"
                    + " and campaign_year = ?", String.class, RESPONDENT, YEAR))
                    .as("the outbox keeps a placeholder, never the token").contains(PersonalLinks.PLACEHOLDER).doesNotContain(token);
            assertThat(jdbc.queryForObject("select count(*) from sign_in_link where user_id = ? and token_hash = encode(sha256(?::bytea), 'hex')",
                    Integer.class, RESPONDENT, token)).as("stored hashed").isEqualTo(1);

            browser.open(link.group(1));
            assertThat(browser.url()).as("the token leaves the address bar").endsWith("/acces");
            assertThat(browser.text("h1")).isEqualTo("Choisir votre mot de passe");
            assertThat(browser.value("account")).isEqualTo(RESPONDENT);
            browser.assertAccessible("choosing a password");

            browser.type("password", "motdepasse2053!");
            browser.type("confirmation", "motdepasse2053?");
            browser.submit("form.form button[type=submit]");
            assertThat(browser.text("#password-error")).isEqualTo("Mot de passe : est trop facile à deviner; choisissez plutôt une phrase de plusieurs mots");
            assertThat(browser.text("#confirmation-error")).isEqualTo("Confirmation du mot de passe : ne correspond pas au mot de passe");
            assertThat(browser.element(org.openqa.selenium.By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
            browser.assertAccessible("choosing a password, refused");
            browser.screenshot("onboarding-password-refused");

            browser.type("password", PASSWORD);
            browser.type("confirmation", PASSWORD);
            browser.submit("form.form button[type=submit]");
            assertThat(browser.url()).as("signed in, on its declaration").endsWith("/mes-declarations/" + YEAR + "/" + ORG);
            assertThat(browser.text("h1")).isEqualTo("Déclaration " + YEAR + " – " + ORG);

            browser.logOut();
            browser.logIn(RESPONDENT, PASSWORD);
            assertThat(browser.url()).doesNotContain("/login");
            browser.logOut();

            browser.open(link.group(1));
            assertThat(browser.text("h1")).isEqualTo("Lien déjà utilisé");
            browser.assertAccessible("a link used twice");
            assertThat(Http.at(port).get("/acces").status()).as("no link in this session").isEqualTo(404);
            browser.submit("form[action='/acces/nouveau-lien'] button");
            assertThat(browser.pageText()).contains("Un nouveau lien personnel vient d’être envoyé à l’adresse de votre compte.");
            dispatcher.dispatchDue();
            assertThat(body(lastMailTo(RESPONDENT, "Déclarations IA : choisir un nouveau mot de passe")))
                    .contains("/acces?jeton=", "expire dans 2 heure(s)");

            // a month later, the other body's respondent has not used its link: it expired, a new one is one click away
            Matcher late = PERSONAL_LINK.matcher(body(lastMailTo(LATE_RESPONDENT, "Campagne " + YEAR)));
            assertThat(late.find()).isTrue();
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 2, 13, 0));
            browser.open(late.group(1));
            assertThat(browser.text("h1")).isEqualTo("Lien expiré");
            browser.submit("form[action='/acces/nouveau-lien'] button");
            dispatcher.dispatchDue();
            assertThat(CaughtMail.to(mailCatcher, LATE_RESPONDENT)).hasSize(2);

            // its reminder comes with a fresh link; the respondent who chose its password gets none
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 24, 13, 0));
            campaigns.runDueJobs(YEAR);
            assertThat(body(lastMailTo(LATE_RESPONDENT, "Rappel"))).contains("Première connexion", "/acces?jeton=");
            assertThat(body(lastMailTo(RESPONDENT, "Rappel"))).doesNotContain("Première connexion", "jeton")
                    .contains("Mot de passe oublié ? ", "/mot-de-passe-oublie");

            browser.open("/acces?jeton=pas-un-vrai-jeton");
            assertThat(browser.text("h1")).isEqualTo("Lien inconnu");
            assertThat(browser.has("#email")).as("asks for the address to send a new one").isTrue();
            browser.assertAccessible("an unknown link");

            assertThat(logs.list).as("no token in the logs")
                    .noneMatch(event -> event.getFormattedMessage().contains(token) || event.getFormattedMessage().contains("jeton="));
        }

        @Test
        void a_forgotten_password_gets_the_same_answer_whether_or_not_the_address_has_an_account() throws Exception {
            String known = TestOrganizations.createWithLogin(organizations, identity, "JRN-NF");
            browser.open("/login");
            browser.assertAccessible("the login page");
            browser.clickText("Mot de passe oublié ?");
            assertThat(browser.text("h1")).isEqualTo("Mot de passe oublié");
            browser.assertAccessible("forgotten password");
            browser.type("email", known.toUpperCase(java.util.Locale.ROOT));
            browser.submit("form.form button[type=submit]");
            String answer = browser.text("[role=status]");
            browser.open("/mot-de-passe-oublie");
            browser.type("email", "personne.inconnue@example.qc.ca");
            browser.submit("form.form button[type=submit]");
            assertThat(browser.text("[role=status]")).as("no account enumeration").isEqualTo(answer)
                    .startsWith("Si un compte correspond à cette adresse");
            dispatcher.dispatchDue();
            assertThat(CaughtMail.to(mailCatcher, "personne.inconnue@example.qc.ca")).isEmpty();

            Matcher link = PERSONAL_LINK.matcher(body(lastMailTo(known, "Déclarations IA : choisir un nouveau mot de passe")));
            assertThat(link.find()).isTrue();
            browser.open(link.group(1));
            assertThat(browser.pageText()).contains("Choisissez votre nouveau mot de passe");
            browser.type("password", PASSWORD);
            browser.type("confirmation", PASSWORD);
            browser.submit("form.form button[type=submit]");
            assertThat(browser.url()).endsWith("/mes-declarations");
            browser.logOut();
            browser.attemptLogIn(known, "demo");
            assertThat(browser.url()).as("the old password no longer works").contains("/login?error");
            browser.assertAccessible("the login page, a wrong password");

            // asked again and again: a few links an hour at most, and the answer never changes
            Http http = Http.visitor(port);
            for (int i = 0; i < 6; i++) {
                Http.Response response = http.submit("/mot-de-passe-oublie", Map.of("email", known));
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).contains("Si un compte correspond à cette adresse");
            }
            dispatcher.dispatchDue();
            assertThat(CaughtMail.to(mailCatcher, known).stream().filter(mail -> subject(mail).startsWith("Déclarations IA"))
                    .count()).as("throttled").isLessThanOrEqualTo(3);
        }

        private MimeMessage lastMailTo(String address, String subjectStart) {
            List<MimeMessage> mails = CaughtMail.to(mailCatcher, address).stream()
                    .filter(mail -> subject(mail).startsWith(subjectStart)).toList();
            assertThat(mails).as("a mail to %s starting %s", address, subjectStart).isNotEmpty();
            return mails.get(mails.size() - 1);
        }

        private static String body(MimeMessage mail) throws Exception {
            return mail.getContent().toString();
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Year two after a merge: the successor's declaration holds the initiatives of the bodies it replaces, and the
     * public reads on the Portrait who succeeded whom. */
    @Nested
    class AfterAMerge {

        /** Years named on purpose (TestYears.NAMED), shared with SuccessionApiTest: only its own bodies are asserted. */
        private static final int BEFORE = 2026;
        private static final int YEAR = 2027;

        @Test
        void the_successor_updates_one_initiative_of_a_merged_body_and_retires_another() {
            campaigns();
            TestOrganizations.create(organizations, "JS-CHUM");
            TestOrganizations.create(organizations, "JS-CUSM");
            String respondent = TestOrganizations.createWithLogin(organizations, identity, "JS-SQ");
            String chum = declare("JS-CHUM", "Triage des urgences");
            String cusm = declare("JS-CUSM", "Lecture des radiographies");
            SystemAuthentication.runAsSystem(() -> successions.record(new SuccessionForm(List.of("JS-CHUM", "JS-CUSM"),
                    "JS-SQ", LocalDate.of(BEFORE, 12, 1), "Création de Santé Québec", null)));
            transactions.executeWithoutResult(tx -> lifecycle.createDraft(YEAR, "JS-SQ"));

            browser.signInAs(respondent, "/mes-declarations/" + YEAR + "/JS-SQ");
            assertThat(browser.text("#initiative-0 > legend")).isEqualTo(chum + " – Triage des urgences");
            assertThat(browser.text("#initiative-1 > legend")).isEqualTo(cusm + " – Lecture des radiographies");
            assertThat(browser.text("#initiative-0 .carried-from")).startsWith("Reprise de : Organisme de test JS-CHUM (JS-CHUM)");
            assertThat(browser.text("#initiative-1 .carried-from")).contains("(JS-CUSM)");
            assertThat(browser.has("#initiative-0 button[value^=remove]")).as("a carried initiative is not deleted").isFalse();
            browser.assertAccessible("the successor's declaration, carried initiatives");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('#initiative-0').scrollIntoView()");
            browser.screenshot("succession-carried-initiatives");

            browser.type("i0-name", "Triage des urgences (Santé Québec)");
            browser.choose("i1-phase", "MISE_HORS_SERVICE");
            browser.type("i1-retirementDate", YEAR + "-03");
            browser.submit("button[value=save]");
            assertThat(browser.text(".notice")).isEqualTo("Brouillon enregistré.");

            List<Map<String, Object>> stored = jdbc.queryForList("""
                    select s.initiative_id, s.name, s.phase from initiative_snapshot s join declaration d on d.id = s.declaration_id
                     where d.campaign_year = ? and d.organization_code = 'JS-SQ' order by s.position
                    """, YEAR);
            assertThat(stored).hasSize(2);
            assertThat(stored.get(0)).containsEntry("initiative_id", chum).containsEntry("name", "Triage des urgences (Santé Québec)");
            assertThat(stored.get(1)).containsEntry("initiative_id", cusm).containsEntry("phase", "MISE_HORS_SERVICE");
            browser.screenshot("succession-after-save");

            // the coordinator's dashboard of the year says who succeeded whom among the campaign's bodies
            jdbc.update("insert into campaign_target (campaign_year, organization_code) values (?, 'JS-SQ') on conflict do nothing",
                    YEAR);
            browser.signInAs("coordo", "/campagnes/" + YEAR);
            assertThat(browser.pageText()).contains("Successions parmi les organismes de la campagne");
            assertThat(browser.text("#campaign-successions li")).isEqualTo("Organisme de test JS-SQ (JS-SQ) remplace depuis le "
                    + "1er décembre " + BEFORE + " (Fusion) : Organisme de test JS-CHUM (JS-CHUM), Organisme de test JS-CUSM (JS-CUSM)");
            browser.assertAccessible("the campaign dashboard, successions among its bodies");
            browser.screenshot("succession-dashboard", "#campaign-successions");

            // both years published: the public reads on the Portrait who succeeded whom, and what it did to the figures
            jdbc.update("update declaration set status = 'ACCEPTEE', submitted_at = now() where campaign_year = ? "
                    + "and organization_code = 'JS-SQ'", YEAR);
            editions.publish(BEFORE, "coordo", null);
            editions.publish(YEAR, "coordo", null);
            browser.logOut();
            browser.open("/portrait/" + YEAR + "?lang=fr");
            assertThat(browser.text("#portrait-change-note")).contains("La variation et les chiffres par organisme comptent "
                    + "la nouvelle structure", "Voir les successions d’organismes");
            assertThat(browser.text("#portrait-successions")).isEqualTo("Successions d’organismes depuis " + BEFORE);
            assertThat(note("JS-SQ")).isEqualTo("Organisme de test JS-CHUM et Organisme de test JS-CUSM intégrés à "
                    + "Organisme de test JS-SQ le 1er décembre " + BEFORE + "\nInitiatives publiées : 2 en " + BEFORE
                    + " sous l’ancienne structure, 1 en " + YEAR + " sous la nouvelle.");
            assertThat(browser.texts("#portrait-top td:first-child")).as("the successor's figure says whom it replaces")
                    .contains("Organisme de test JS-SQ\nremplace depuis le 1er décembre " + BEFORE
                            + " : Organisme de test JS-CHUM et Organisme de test JS-CUSM");
            browser.assertAccessible("the Portrait, successions of bodies");
            browser.screenshot("succession-portrait", "#portrait-succession-notes");
            browser.screenshot("succession-portrait-change", "#portrait-change-note");
            browser.screenshot("succession-portrait-top", "#portrait-top");

            browser.open("/portrait/" + YEAR + "?lang=en");
            assertThat(browser.text("#portrait-successions")).isEqualTo("Successions of bodies since " + BEFORE);
            assertThat(note("JS-SQ")).isEqualTo("Organisme de test JS-CHUM and Organisme de test JS-CUSM merged into "
                    + "Organisme de test JS-SQ on December 1, " + BEFORE + "\nPublished initiatives: 2 in " + BEFORE
                    + " under the former structure, 1 in " + YEAR + " under the new one.");
            assertThat(browser.texts("#portrait-top td:first-child")).contains("Organisme de test JS-SQ\nreplaces since "
                    + "December 1, " + BEFORE + ": Organisme de test JS-CHUM and Organisme de test JS-CUSM");
            browser.assertAccessible("the Portrait in English, successions of bodies");
            browser.screenshot("succession-portrait-en", "#portrait-succession-notes");
            browser.open("/portrait/" + YEAR + "?lang=fr");
        }

        /** The Portrait's note of the succession whose successor has this code. */
        private static String note(String successorCode) {
            return browser.texts("#portrait-succession-notes > li").stream()
                    .filter(note -> note.contains("intégrés à Organisme de test " + successorCode)
                            || note.contains("merged into Organisme de test " + successorCode))
                    .findFirst().orElseThrow(() -> new AssertionError("no note of " + successorCode + " among "
                            + browser.texts("#portrait-succession-notes > li")));
        }

        private void campaigns() {
            for (int year : new int[] {BEFORE, YEAR}) {
                jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                        + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, java.sql.Date.valueOf(year + "-06-30"),
                        java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                        java.sql.Date.valueOf(year + "-11-30"));
            }
        }

        private String declare(String code, String name) {
            List<String> ids = new ArrayList<>();
            transactions.executeWithoutResult(tx -> {
                String id = initiativeIds.next(code);
                ids.add(id);
                InitiativeSnapshot snapshot = with(with(valid(), "initiativeId", id), "name", name);
                declarations.save(new Declaration(null, BEFORE, code, "FINANCES", false, DeclarationStatus.ACCEPTEE, false,
                        null, new Declaration.Person("Rita", "ia@example.qc.ca"), true,
                        new Declaration.Signatory("D", "DPI", "d@example.qc.ca"), Instant.parse(BEFORE + "-10-15T12:00:00Z"),
                        false, null, 0, null, List.of(snapshot), null));
            });
            return ids.get(0);
        }
    }

    // readview (issue 26): past years stay readable, with the questions they were asked
    /**
     * Its declaration once sent, and a past year's: the read-only page shows, under each initiative, each question of
     * the declaration's own campaign version with its answer as the person reads it (a choice by its label, a retired
     * one said to be retired, several choices listed, a month in words, "Sans réponse" for none), and not a question
     * whose condition does not hold; in French and in English.
     */
    @Nested
    class ItsAnswersOnceSent {

        /** This year's campaign, and the past year's, on an older version of the form. */
        private static final int PAST_YEAR = TestYears.take(2);
        private static final int YEAR = PAST_YEAR + 1;
        private static final String ORG = "JRN-RV";

        @Autowired
        ca.gouv.qc.declarationsia.form.FormVersions forms;

        @AfterEach
        void cleanUp() {
            campaigns.cleanUp(YEAR);
            campaigns.cleanUp(PAST_YEAR);
        }

        @Test
        void the_respondent_reads_its_answers_with_the_questions_of_its_campaigns_own_form_version() throws Exception {
            String respondent = TestOrganizations.createWithLogin(organizations, identity, ORG);
            int older = olderVersion();
            int version = TestFormVersions.withEveryKindOfQuestion(mvc, json);
            campaigns.create(YEAR, List.of(ORG), version);
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
            campaigns.launch(YEAR);
            campaigns.runDueJobs(YEAR);
            String page = "/mes-declarations/" + YEAR + "/" + ORG;

            // two initiatives: the first for generative AI, every kind of answer but one; the second not
            browser.signInAs(respondent, page);
            browser.submit("button[value=add]");
            browser.submit("button[value=add]");
            browser.type("contactName", "Rita Répondante");
            browser.type("contactEmail", respondent);
            fill(0, "Prévision des crues", true);
            fill(1, "Tri des courriels", false);
            browser.tick("i0-answers-guidanceFollowed-oui");
            browser.choose("i0-answers-impactAssessment", "EN_COURS");
            browser.tick("i0-answers-dataSources-DONNEES_INTERNES");
            browser.tick("i0-answers-dataSources-DONNEES_OUVERTES");
            browser.type("i0-answers-publicContact", "ia@jrn-rv.gouv.qc.ca");
            browser.type("i0-answers-assessmentMonth", (YEAR - 1) + "-05");
            browser.choose("i1-answers-impactAssessment", "PREVUE");
            browser.type("i1-answers-withheldReason", "Secret industriel du fournisseur.\nLe modèle reste privé.");
            browser.tick("attestation");
            browser.type("signatoryName", "Denise Directrice");
            browser.type("signatoryRole", "Dirigeante de l’information");
            browser.type("signatoryEmail", "dri.jrn-rv@example.qc.ca");
            browser.submit("button[value=submit]");
            assertThat(browser.text(".notice")).startsWith("Déclaration soumise");
            assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                    String.class, YEAR, ORG)).isEqualTo("SOUMISE");

            // sent: read only, each initiative's answers under it, as labels
            assertThat(browser.has("form.declaration")).as("nothing left to edit").isFalse();
            assertThat(browser.text("#reponses")).isEqualTo("Réponses aux questions propres à la campagne");
            assertThat(browser.text("#reponses + p")).isEqualTo("Les questions telles que la version " + version
                    + " du formulaire les a posées à chaque initiative.");
            assertThat(browser.text("#reponses-0 h3")).matches("IA-\\S+ – Prévision des crues");
            assertThat(answers(0)).containsExactly(
                    Map.entry("L’initiative suit-elle les lignes directrices sur l’IA générative?", "Oui"),
                    Map.entry("État de l’évaluation d’impact", "En cours"),
                    Map.entry("Sources de données", "Données de l’organisme\nDonnées ouvertes"),
                    Map.entry("Personne-ressource publique", "ia@jrn-rv.gouv.qc.ca"),
                    Map.entry("Pourquoi certains renseignements ne sont-ils pas publiés?", "Sans réponse"),
                    Map.entry("Mois de l’évaluation", "mai " + (YEAR - 1)));
            assertThat(browser.texts("#reponses-0 dd[data-question=dataSources] li")).as("several choices, listed")
                    .containsExactly("Données de l’organisme", "Données ouvertes");
            assertThat(answers(1)).as("not generative AI: its question not shown").containsExactly(
                    Map.entry("État de l’évaluation d’impact", "Prévue"),
                    Map.entry("Sources de données", "Sans réponse"),
                    Map.entry("Personne-ressource publique", "Sans réponse"),
                    Map.entry("Pourquoi certains renseignements ne sont-ils pas publiés?",
                            "Secret industriel du fournisseur.\nLe modèle reste privé."),
                    Map.entry("Mois de l’évaluation", "Sans réponse"));
            browser.assertAccessible("the declaration once sent, its answers");
            browser.screenshot("respondent-read-answers", "#reponses-0");
            browser.screenshot("respondent-read-answers-page");

            browser.open(page + "?lang=en");
            assertThat(browser.text("#reponses")).isEqualTo("Answers to this campaign’s own questions");
            assertThat(answers(0)).containsExactly(
                    Map.entry("Does the initiative follow the generative AI guidance?", "Yes"),
                    Map.entry("State of the impact assessment", "Under way"),
                    Map.entry("Data sources", "The body's own data\nOpen data"),
                    Map.entry("Public contact", "ia@jrn-rv.gouv.qc.ca"),
                    Map.entry("Why is some information withheld?", "No answer"),
                    Map.entry("Month of the assessment", "May " + (YEAR - 1)));
            assertThat(answers(1).get("State of the impact assessment")).isEqualTo("Planned");
            browser.assertAccessible("the declaration once sent, its answers, in English");
            browser.screenshot("respondent-read-answers-en", "#reponses-0");
            browser.open(page + "?lang=fr");

            // the past year, on the older version: its questions as it worded them, a choice it retired still labelled
            List<String> past = declarePastYear(older);
            browser.open("/mes-declarations");
            assertThat(browser.has("a[href='/mes-declarations/" + PAST_YEAR + "/" + ORG + "']")).isTrue();
            browser.open("/mes-declarations/" + PAST_YEAR + "/" + ORG);
            assertThat(browser.text("#reponses + p")).isEqualTo("Les questions telles que la version " + older
                    + " du formulaire les a posées à chaque initiative.");
            assertThat(browser.text("#reponses-0 h3")).isEqualTo(past.get(0) + " – Agent des permis");
            assertThat(answers(0)).containsExactly(
                    Map.entry("Adresse de contact du public", "permis@jrn-rv.gouv.qc.ca"),
                    Map.entry("Canal de contact du public", "Télécopieur (choix retiré)"),
                    Map.entry("Précisions sur l’IA générative", "Un modèle de langue hébergé au Québec.\nAucune donnée personnelle."));
            assertThat(answers(1)).as("not generative AI: what the row holds for that question is not shown")
                    .containsExactly(Map.entry("Adresse de contact du public", "Sans réponse"),
                            Map.entry("Canal de contact du public", "Courriel"));
            assertThat(browser.pageText()).as("this year's questions are not the past year's")
                    .doesNotContain("Personne-ressource publique", "lignes directrices", "Sources de données");
            browser.assertAccessible("a past year's declaration, on an older version of the form");
            browser.screenshot("respondent-read-answers-past-year", "#reponses-0");
            browser.screenshot("respondent-read-answers-past-year-2", "#reponses-1");

            browser.open("/mes-declarations/" + PAST_YEAR + "/" + ORG + "?lang=en");
            assertThat(answers(0)).containsExactly(
                    Map.entry("Public contact address", "permis@jrn-rv.gouv.qc.ca"),
                    Map.entry("Public contact channel", "Fax (retired choice)"),
                    Map.entry("Notes on generative AI", "Un modèle de langue hébergé au Québec.\nAucune donnée personnelle."));
            assertThat(answers(1)).containsExactly(Map.entry("Public contact address", "No answer"),
                    Map.entry("Public contact channel", "Email"));
            browser.assertAccessible("a past year's declaration, on an older version of the form, in English");
            browser.open("/mes-declarations/" + PAST_YEAR + "/" + ORG + "?lang=fr");
            browser.logOut();
        }

        /**
         * A version before this year's: its own wording of a question asked again later ({@code publicContact}), a
         * choice it offers no more, and a question asked only for generative AI.
         */
        private int olderVersion() {
            return ca.gouv.qc.declarationsia.support.TestForms.next(forms, Map.of("readviewChannels", List.of(
                    ca.gouv.qc.declarationsia.support.TestForms.code("COURRIEL", "Courriel", "Email"),
                    ca.gouv.qc.declarationsia.support.TestForms.retiredCode("TELECOPIEUR", "Télécopieur", "Fax"))),
                    List.of(ca.gouv.qc.declarationsia.support.TestForms.question("publicContact", "SHORT_TEXT",
                                    "Adresse de contact du public", "Public contact address", null, true),
                            ca.gouv.qc.declarationsia.support.TestForms.question("readviewChannel", "ONE_CHOICE",
                                    "Canal de contact du public", "Public contact channel", "readviewChannels", false),
                            new ca.gouv.qc.declarationsia.form.FormDefinition.Question("readviewGenAiNote", "LONG_TEXT",
                                    "Précisions sur l’IA générative", "Notes on generative AI", null, null, null, false,
                                    false, false, new ca.gouv.qc.declarationsia.form.FormDefinition.When("generativeAi",
                                            null, "true")))).version();
        }

        /**
         * The past year's accepted declaration, as that campaign left it: one initiative for generative AI, answering
         * with a choice since retired; one not, whose row still holds an answer to the generative AI question (and one
         * to this year's question).
         */
        private List<String> declarePastYear(int formVersion) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status, "
                    + "form_version) values (?, ?, ?, ?, ?, 'FERMEE', ?)", PAST_YEAR,
                    java.sql.Date.valueOf(PAST_YEAR + "-06-30"), java.sql.Date.valueOf(PAST_YEAR + "-09-01"),
                    java.sql.Date.valueOf(PAST_YEAR + "-10-31"), java.sql.Date.valueOf(PAST_YEAR + "-11-30"), formVersion);
            List<String> ids = new ArrayList<>();
            transactions.executeWithoutResult(tx -> {
                ids.add(initiativeIds.next(ORG));
                ids.add(initiativeIds.next(ORG));
                InitiativeSnapshot first = with(with(with(valid(), "initiativeId", ids.get(0)), "name", "Agent des permis"),
                        "answers", new ca.gouv.qc.declarationsia.shared.Answers(Map.of(
                                "publicContact", "permis@jrn-rv.gouv.qc.ca", "readviewChannel", "TELECOPIEUR",
                                "readviewGenAiNote", "Un modèle de langue hébergé au Québec.\nAucune donnée personnelle.",
                                "guidanceFollowed", true)));
                InitiativeSnapshot second = with(with(with(with(valid(), "initiativeId", ids.get(1)), "name",
                        "Tri des demandes"), "generativeAi", false), "answers", new ca.gouv.qc.declarationsia.shared.Answers(
                                Map.of("readviewChannel", "COURRIEL", "readviewGenAiNote", "Ne devrait pas paraître.")));
                declarations.save(new Declaration(null, PAST_YEAR, ORG, "FINANCES", false, DeclarationStatus.ACCEPTEE,
                        false, null, new Declaration.Person("Rita", "ia@example.qc.ca"), true,
                        new Declaration.Signatory("D", "DPI", "d@example.qc.ca"),
                        Instant.parse(PAST_YEAR + "-10-15T12:00:00Z"), false, null, 0, null, List.of(first, second),
                        null));
            });
            return ids;
        }

        /** An initiative's fields, complete, as the respondent types them. */
        private static void fill(int index, String name, boolean generativeAi) {
            String i = "i" + index + "-";
            browser.type(i + "name", name);
            browser.choose(i + "objectType", "PROJET");
            browser.type(i + "description", "Prévoir les crues printanières à partir des relevés hydrométriques.");
            browser.choose(i + "category", "AIDE_DECISION_PREDICTION");
            browser.type(i + "benefits", "Alertes plus tôt");
            browser.choose(i + "phase", "EXPLOITATION_SUIVI");
            browser.type(i + "startDate", (YEAR - 2) + "-03");
            browser.type(i + "productionDate", (YEAR - 1) + "-01");
            browser.tick(i + "servicesToPopulation-oui");
            browser.tick(i + "cybersecurity-non");
            browser.tick(i + "generativeAi-" + (generativeAi ? "oui" : "non"));
            browser.choose(i + "acquisitionMode", "ACQUISITION_FOURNISSEUR");
            browser.type(i + "supplierName", "Hydro-Logiciels inc.");
            browser.type(i + "productName", "Crue360");
            browser.choose(i + "personalInformation", "NON");
            browser.choose(i + "privacyImpactAssessment", "REALISEE");
            browser.choose(i + "decisionRole", "AIDE_A_LA_DECISION");
            browser.choose(i + "humanOversight", "HUMAIN_DANS_LA_BOUCLE");
            browser.choose(i + "riskLevel", "FAIBLE");
            browser.type(i + "publicDescription", "Prévision des crues printanières pour alerter les municipalités.");
        }

        /** An initiative's questions and answers on the read-only page, question by question, as the person reads them. */
        private static Map<String, String> answers(int index) {
            List<String> questions = browser.texts("#reponses-" + index + " dt");
            List<String> answers = browser.texts("#reponses-" + index + " dd");
            assertThat(answers).as("one answer per question").hasSameSizeAs(questions);
            Map<String, String> read = new java.util.LinkedHashMap<>();
            for (int n = 0; n < questions.size(); n++) {
                read.put(questions.get(n), answers.get(n));
            }
            return read;
        }
    }
    // end readview

    /**
     * (csvrule) A choice answered last year that this year's version retired: carry-over drops it, and the respondent
     * reads so under the initiative's questions, in its language, until it answers the question again.
     */
    @Nested
    class AfterARetiredChoice {

        /** Last year's declaration, and this year's campaign on the next version. */
        private static final int LAST_YEAR = TestYears.take(2);
        private static final int YEAR = LAST_YEAR + 1;
        private static final String ORG = "JRN-DC";

        @AfterEach
        void cleanUp() {
            campaigns.cleanUp(YEAR);
        }

        @Test
        void the_respondent_reads_that_last_years_choice_is_no_longer_offered_and_chooses_again() throws Exception {
            String respondent = TestOrganizations.createWithLogin(organizations, identity, ORG);
            int lastYearsVersion = TestFormVersions.withEveryKindOfQuestion(mvc, json);
            int thisYearsVersion = retiringUnderWay(lastYearsVersion);
            String initiativeId = declaredLastYear(lastYearsVersion, Map.of("impactAssessment", "EN_COURS",
                    "publicContact", "ia@jrn-dc.gouv.qc.ca"));
            campaigns.create(YEAR, List.of(ORG), thisYearsVersion);
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
            campaigns.launch(YEAR);
            campaigns.runDueJobs(YEAR);
            String page = "/mes-declarations/" + YEAR + "/" + ORG;

            browser.signInAs(respondent, page);
            assertThat(browser.text("#initiative-0 > legend")).startsWith(initiativeId + " – ");
            String notice = "L’an dernier, la réponse à « État de l’évaluation d’impact » était « En cours (choix retiré) » : "
                    + "ce choix n’est plus offert cette année, choisissez de nouveau.";
            assertThat(browser.texts("#i0-questions .dropped-choice")).as("told under the initiative's questions")
                    .containsExactly(notice);
            assertThat(browser.element(By.id("i0-answers-impactAssessment")).getDomAttribute("aria-describedby"))
                    .as("a screen reader on the select hears the notice").isEqualTo("i0-answers-impactAssessment-dropped");
            assertThat(browser.text("#i0-answers-impactAssessment-dropped")).isEqualTo(notice);
            assertThat(browser.chosen("i0-answers-impactAssessment")).as("nothing chosen in its place").isEmpty();
            assertThat(browser.options("i0-answers-impactAssessment")).as("the retired choice is not offered")
                    .containsExactly("— Choisir —", "Réalisée", "Prévue");
            assertThat(browser.value("i0-answers-publicContact")).as("what still holds came over")
                    .isEqualTo("ia@jrn-dc.gouv.qc.ca");
            assertThat(storedAnswers()).isEqualTo(Map.of("publicContact", "ia@jrn-dc.gouv.qc.ca"));
            browser.assertAccessible("the declaration, a choice of last year's no longer offered");
            browser.screenshot("respondent-dropped-choice", "#i0-questions");

            browser.open(page + "?lang=en");
            assertThat(browser.texts("#i0-questions .dropped-choice")).containsExactly("Last year, the answer to "
                    + "“State of the impact assessment” was “Under way (retired choice)”: this choice is no longer "
                    + "offered this year, choose again.");
            assertThat(browser.text("#" + browser.element(By.id("i0-answers-impactAssessment"))
                    .getDomAttribute("aria-describedby"))).as("the select's description, in English")
                    .startsWith("Last year, the answer to “State of the impact assessment”");
            browser.assertAccessible("the declaration in English, a choice of last year's no longer offered");
            browser.screenshot("respondent-dropped-choice-en", "#i0-questions");
            browser.open(page + "?lang=fr");

            // saved without answering it again: still said
            browser.submit("button[value=save]");
            assertThat(browser.text(".notice")).isEqualTo("Brouillon enregistré.");
            assertThat(browser.texts("#i0-questions .dropped-choice")).containsExactly(notice);

            // answered again: saved, and nothing more is said of last year's choice
            browser.choose("i0-answers-impactAssessment", "PREVUE");
            browser.submit("button[value=save]");
            assertThat(browser.text(".notice")).isEqualTo("Brouillon enregistré.");
            browser.open(page);
            assertThat(browser.has("#i0-questions .dropped-choice")).as("no notice once answered again").isFalse();
            assertThat(browser.element(By.id("i0-answers-impactAssessment")).getDomAttribute("aria-describedby"))
                    .as("nor described by one").isNull();
            assertThat(browser.chosen("i0-answers-impactAssessment")).isEqualTo("PREVUE");
            assertThat(browser.value("i0-answers-publicContact")).isEqualTo("ia@jrn-dc.gouv.qc.ca");
            assertThat(storedAnswers()).isEqualTo(Map.of("impactAssessment", "PREVUE",
                    "publicContact", "ia@jrn-dc.gouv.qc.ca"));
            browser.assertAccessible("the declaration, the retired choice answered again");
            browser.screenshot("respondent-dropped-choice-answered", "#i0-questions");

            // by spreadsheet, no generative AI yet the guidance answered: not kept, as the page hides it, and said so
            List<String> rows = new ArrayList<>();
            try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                    .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(
                            browser.download(page + "/modele.csv").replace("\uFEFF", "")))) {
                List<String> header = parser.getHeaderNames();
                rows.add(String.join(",", header));
                for (org.apache.commons.csv.CSVRecord record : parser) {
                    List<String> cells = new ArrayList<>(record.toList());
                    cells.set(header.indexOf("generativeAi"), "non");
                    cells.set(header.indexOf("guidanceFollowed"), "oui");
                    rows.add(cells.stream().map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"")
                            .collect(java.util.stream.Collectors.joining(",")));
                }
            }
            Path spreadsheet = Files.createTempFile("initiatives", ".csv");
            Files.writeString(spreadsheet, String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
            browser.attach("initiativesFile", spreadsheet);
            browser.submit("form[action$='/import'] button[type=submit]");
            assertThat(browser.text(".notice")).contains("Initiatives importées");
            assertThat(browser.text("#import-not-kept")).isEqualTo("Réponses non retenues, comme la page les masque :\n"
                    + "Ligne 2 — « L’initiative suit-elle les lignes directrices sur l’IA générative? » (guidanceFollowed) : "
                    + "la question n’est pas posée pour cette initiative (sa condition n’est pas remplie), la réponse "
                    + "n’est pas conservée");
            assertThat(storedAnswers()).isEqualTo(Map.of("impactAssessment", "PREVUE",
                    "publicContact", "ia@jrn-dc.gouv.qc.ca"));
            browser.assertAccessible("the declaration, answers of a spreadsheet not kept");
            browser.screenshot("respondent-csv-not-kept", "#import-not-kept");
            browser.logOut();
        }

        /** The next version, as a coordinator makes it: « En cours » retired from the impact assessment's states. */
        private int retiringUnderWay(int version) throws Exception {
            com.fasterxml.jackson.databind.node.ObjectNode definition = (com.fasterxml.jackson.databind.node.ObjectNode)
                    json.readTree(mvc.perform(get("/api/forms/" + version).with(httpBasic("coordo", "demo")))
                            .andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString());
            definition.put("version", version + 1).put("basedOn", version);
            for (JsonNode code : definition.at("/codeLists/impactAssessmentState")) {
                if ("EN_COURS".equals(code.get("code").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) code).put("retired", true);
                }
            }
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/forms")
                            .with(httpBasic("coordo", "demo"))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(definition.toString()))
                    .andExpect(MockMvcResultMatchers.status().isCreated());
            return version + 1;
        }

        /** Last year's campaign, closed, on that version, and the body's accepted declaration with these answers. */
        private String declaredLastYear(int version, Map<String, Object> answers) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status, "
                    + "form_version) values (?, ?, ?, ?, ?, 'FERMEE', ?) on conflict do nothing", LAST_YEAR,
                    java.sql.Date.valueOf(LAST_YEAR + "-06-30"), java.sql.Date.valueOf(LAST_YEAR + "-09-01"),
                    java.sql.Date.valueOf(LAST_YEAR + "-10-31"), java.sql.Date.valueOf(LAST_YEAR + "-11-30"), version);
            return transactions.execute(tx -> {
                String id = initiativeIds.next(ORG);
                InitiativeSnapshot snapshot = with(with(with(valid(), "initiativeId", id), "name", "Tri des demandes"),
                        "answers", new ca.gouv.qc.declarationsia.shared.Answers(answers));
                declarations.save(new Declaration(null, LAST_YEAR, ORG, "FINANCES", false, DeclarationStatus.ACCEPTEE,
                        false, null, new Declaration.Person("Rita", "ia@example.qc.ca"), true,
                        new Declaration.Signatory("D", "DPI", "d@example.qc.ca"),
                        Instant.parse(LAST_YEAR + "-10-15T12:00:00Z"), false, null, 0, null, List.of(snapshot), null));
                return id;
            });
        }

        /** The initiative's answers as stored this year. */
        private Map<String, Object> storedAnswers() throws Exception {
            return json.readValue(jdbc.queryForObject("select s.answers::text from initiative_snapshot s join declaration d "
                    + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class,
                    YEAR, ORG), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        }
    }
}
