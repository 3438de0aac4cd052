package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.SubmissionHandoff;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator's journeys, in a browser and in French. {@link ItsCampaign}: created and launched from the pages
 * (each action that cannot be undone confirmed beside its button, saying what it does and to how many bodies),
 * followed on its dashboard, an extension granted, a body exempted, closed, its publication approved in Tasklist
 * through the Camunda Form, its process opened in Cockpit and its whole history read; the Portrait is then public. A
 * campaign launched before its opening date waits for that date: its invitations go out on the opening day.
 * {@link AmongAThousandBodies}: the registry, a campaign's dashboard and the mail catcher each filtered and paged,
 * numbers and dates as Québec writes them, in French then in English. {@link TheRegistry}: bodies imported from a
 * spreadsheet on the registry's page, and a renaming recorded there.
 */
@IntegrationTest
class CoordinatorJourneyTest extends BrowserJourney {

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    JdbcTemplate jdbc;


    @Autowired
    SubmissionHandoff handoff;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FormVersions forms;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    IdentityService identity;

    /** Each journey starts signed out. */
    @AfterEach
    void signOut() {
        if (browser != null) {
            browser.driver().manage().deleteAllCookies();
        }
    }

    /** Its campaign from the form to the published Portrait; a campaign whose opening waits; a stalled submission. */
    @Nested
    class ItsCampaign {

        private static final int YEAR = TestYears.take();
        private static final int EARLY_YEAR = TestYears.take();
        private static final int STALLED_YEAR = TestYears.take();

        /** The year of the campaign on the version the form journey makes. */
        private Integer formYear;

        /** The year of the campaign on the version with a new code list. */
        private Integer listYear;

        @AfterEach
        void cleanUp() {
            if (formYear != null) {
                campaigns.cleanUp(formYear);
            }
            if (listYear != null) {
                campaigns.cleanUp(listYear);
            }
            campaigns.cleanUp(YEAR);
            campaigns.cleanUp(EARLY_YEAR);
            campaigns.cleanUp(STALLED_YEAR);
        }

        /**
         * A submission whose task cannot be completed (here its process is suspended) stays SOUMISE and never reaches a
         * reviewer until someone acts: the coordinators' dashboard says so, with the body and the error, until it passes.
         */
        @Test
        void a_submission_that_cannot_reach_review_is_flagged_on_the_dashboard_until_it_does() {
            TestOrganizations.create(organizations, "JRN-S1");
            campaigns.create(STALLED_YEAR, List.of("JRN-S1"));
            transactions.executeWithoutResult(status -> opening.open(STALLED_YEAR, "JRN-S1"));
            declarations.submit(STALLED_YEAR, "JRN-S1", List.of(TestDeclarations.complete(null, "Tri du courrier", STALLED_YEAR)));
            String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(STALLED_YEAR + "-JRN-S1")
                    .singleResult().getId();
            runtime.suspendProcessInstanceById(process);
            assertThat(handoff.completeDue()).as("the hand-off fails").isZero();

            browser.signInAs("coordo", "/campagnes/" + STALLED_YEAR);
            assertThat(browser.text("#stalled-submissions h2")).isEqualTo("Des déclarations soumises n’arrivent pas en révision");
            assertThat(browser.text("#stalled-submissions p"))
                    .startsWith("Une déclaration soumise attend d’être transmise aux analystes")
                    .contains("organisme JRN-S1", "suspended", "Rien n’est perdu");
            browser.assertAccessible("a campaign whose submissions do not reach review");
            browser.screenshot("coordinator-stalled-submissions", "#stalled-submissions");

            runtime.activateProcessInstanceById(process);
            jdbc.update("update submission_handoff set next_attempt_at = now() where business_key = ?", STALLED_YEAR + "-JRN-S1");
            assertThat(handoff.completeDue()).isOne();
            browser.open("/campagnes/" + STALLED_YEAR);
            assertThat(browser.driver().findElements(By.id("stalled-submissions"))).as("gone once it passed").isEmpty();
        }

        @Test
        void a_coordinator_runs_a_campaign_from_the_pages_to_the_published_portrait() {
            List.of("JRN-C1", "JRN-C2", "JRN-C3").forEach(code -> TestOrganizations.create(organizations, code));
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
            browser.signInAs("coordo", "/campagnes");
            browser.assertAccessible("the campaigns");
            fillCampaign(YEAR, YEAR + "-06-30", YEAR + "-09-01", YEAR + "-10-31", YEAR + "-11-30");
            browser.type("organizationCodes", "JRN-C1,JRN-C2,JRN-C3");
            browser.submit("form[action='/campagnes'] button[type=submit]");
            assertThat(browser.text("h1")).isEqualTo("Campagne " + YEAR);
            assertThat(browser.text(".notice")).contains("La campagne " + YEAR + " est créée");
            assertThat(jdbc.queryForList("select organization_code from campaign_target where campaign_year = ? order by 1",
                    String.class, YEAR)).containsExactly("JRN-C1", "JRN-C2", "JRN-C3");
            assertThat(browser.pageText()).as("no status before the launch").doesNotContain("Brouillon", "Taux de réponse")
                    .contains("1er septembre " + YEAR, "Organismes visés par la campagne");
            browser.assertAccessible("a planned campaign");

            assertThat(browser.text("#launch-consequence")).as("on its opening date, the launch opens at once")
                    .isEqualTo("Les 3 organismes visés reçoivent leur invitation maintenant et leur déclaration s’ouvre. "
                            + "Une fois lancée, la campagne ne peut être annulée.");
            assertThat(browser.text("label[for=confirmLaunch]"))
                    .isEqualTo("Je confirme le lancement de la campagne " + YEAR + " auprès de 3 organismes");
            browser.tick("confirmLaunch");
            browser.submit("form[action='/campagnes/" + YEAR + "/lancer'] button");
            assertThat(jdbc.queryForMap("select status, launched_by from campaign where year = ?", YEAR))
                    .containsEntry("status", "OUVERTE").containsEntry("launched_by", "coordo");
            campaigns.runDueJobs(YEAR);
            browser.open("/campagnes/" + YEAR);
            assertThat(browser.pageText()).contains("Ouverte", "Brouillon");
            assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ?", Integer.class, YEAR))
                    .isEqualTo(3);
            assertThat(browser.driver().findElements(By.cssSelector("a[href='/mes-declarations/" + YEAR + "/JRN-C1']")))
                    .as("each row links to the body's declaration").hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector(
                    "a[href='/campagnes/" + YEAR + "/declarations/JRN-C1/historique']"))).as("and to its history").hasSize(1);

            // a mistyped code and no reason: both said at once, in words, and what was typed is still there to fix
            browser.type("organizationCode", "JRN-C9");
            browser.type("extensionDueDate", YEAR + "-11-15");
            browser.submit("form[action='/campagnes/" + YEAR + "/prolongation'] button");
            assertThat(browser.text("#organizationCode-error")).startsWith("Code de l’organisme : Aucune déclaration de cet organisme");
            assertThat(browser.text("#reason-error")).isEqualTo("Motif : obligatoire");
            assertThat(browser.value("extensionDueDate")).isEqualTo(YEAR + "-11-15");
            assertThat(browser.value("organizationCode")).isEqualTo("JRN-C9");
            browser.type("reason", "Changement de direction informatique");
            browser.type("organizationCode", "JRN-C1");
            browser.submit("form[action='/campagnes/" + YEAR + "/prolongation'] button");
            assertThat(browser.text(".notice")).isEqualTo("Délai accordé; les répondants en sont avisés par courriel.");
            assertThat(jdbc.queryForObject("select extended_due_date::text from declaration where campaign_year = ? "
                    + "and organization_code = 'JRN-C1'", String.class, YEAR)).isEqualTo(YEAR + "-11-15");

            browser.type("exemptOrganization", "JRN-C2");
            browser.type("exemptionReason", "Aucun système d’information cette année : organisme en fusion");
            assertThat(browser.text("#exemption-consequence")).contains("définitive", "ne vise qu’un organisme", "ses rappels cessent");
            browser.tick("confirmExemption");
            browser.submit("form[action='/campagnes/" + YEAR + "/exemption'] button");
            assertThat(browser.text(".notice")).isEqualTo("Organisme exempté; ses rappels cessent.");
            assertThat(status("JRN-C2")).isEqualTo("EXEMPTEE");

            declarations.submit(YEAR, "JRN-C3", List.of());
            campaigns.runDueJobs(YEAR);
            browser.open("/campagnes/" + YEAR);
            assertThat(browser.pageText()).as("one of the two bodies asked has answered; the exempted one was not asked")
                    .contains("50,0 %", "Exemptée", "prolongée");
            browser.assertAccessible("an open campaign's dashboard");
            browser.screenshot("coordinator-dashboard");

            assertThat(browser.text("#close-consequence")).as("what closing leaves behind")
                    .contains("30 novembre " + YEAR, "1 des 2 organismes appelés à déclarer n’a pas encore soumis sa déclaration");
            browser.tick("confirmClose");
            browser.submit("form[action='/campagnes/" + YEAR + "/fermer'] button");
            assertThat(browser.text(".notice")).startsWith("Campagne fermée");
            assertThat(jdbc.queryForMap("select status, closed_by from campaign where year = ?", YEAR))
                    .containsEntry("status", "FERMEE").containsEntry("closed_by", "coordo");
            campaigns.runDueJobs(YEAR);
            browser.open("/campagnes/" + YEAR);
            assertThat(browser.text("#publication-next")).as("what comes next, and where")
                    .contains("attend l’approbation", "Approuver la publication dans Tasklist");

            String campaignProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(YEAR))
                    .singleResult().getId();
            browser.open("/camunda/app/cockpit/default/#/process-instance/" + campaignProcess + "/runtime");
            browser.waitUntil(page -> !page.findElements(By.cssSelector(".dia-history-link")).isEmpty()
                    && page.findElement(By.tagName("body")).getText().contains("Approuver la publication"));
            assertThat(browser.pageText()).as("Cockpit in French").contains("Tableau de bord", "Clé d’affaires", String.valueOf(YEAR));
            browser.assertAccessible("Cockpit, the campaign's process");
            browser.screenshot("coordinator-cockpit-campaign");

            String approval = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(YEAR))
                    .taskDefinitionKey("UserTask_ApprovePublication").singleResult().getId();
            browser.open("/camunda/app/tasklist/default/#/?task=" + approval);
            browser.click("button.claim, [ng-click='claim()']");
            browser.waitUntil(page -> !page.findElements(By.cssSelector("input[type=checkbox]")).isEmpty()
                    && page.findElements(By.cssSelector(".disabled-form")).isEmpty());
            assertThat(browser.pageText()).as("Tasklist in French, the form saying what approving does")
                    .contains("Approuver la publication", "vous publiez le Portrait de l’année", "ne peut plus être modifiée",
                            "Terminer");
            browser.assertAccessible("Tasklist, the approval task");
            browser.screenshot("coordinator-tasklist-approval");
            // completed without the confirmation: refused, in French, by the rule the API applies too
            browser.clickText("Terminer");
            browser.waitUntil(page -> page.findElement(By.tagName("body")).getText()
                    .contains("cochez « Je confirme la publication » pour publier le Portrait"));
            assertThat(browser.pageText()).doesNotContain("Field is required");
            assertThat(tasks.createTaskQuery().taskId(approval).count()).as("nothing approved").isEqualTo(1);
            browser.screenshot("coordinator-tasklist-approval-refused");
            browser.clickText("Je confirme la publication : elle est définitive / I confirm the publication: it is final");
            browser.element(By.cssSelector("textarea")).sendKeys("Portrait relu par la DPI.");
            browser.clickText("Terminer");
            browser.waitUntil(page -> tasks.createTaskQuery().taskId(approval).count() == 0);
            browser.waitUntil(page -> page.findElements(By.cssSelector(".alert-danger")).stream().noneMatch(WebElement::isDisplayed));
            assertThat(jdbc.queryForObject("select approved_by from publication_approval where campaign_year = ?", String.class,
                    YEAR)).as("recorded with the coordinator signed in").isEqualTo("coordo");

            browser.open("/campagnes/" + YEAR);
            assertThat(browser.pageText()).as("the approval returns at once; the publication follows")
                    .contains("Publication approuvée : le Portrait est en cours de publication");
            campaigns.runDueJobs(YEAR);
            browser.open("/campagnes/" + YEAR);
            assertThat(browser.pageText()).contains("Publiée");

            browser.submit("a[href='/campagnes/" + YEAR + "/historique']");
            assertThat(browser.text("h1")).isEqualTo("Historique de la campagne " + YEAR);
            assertThat(browser.texts("table.timeline tbody tr")).as("the campaign's whole story, with who did what")
                    .anySatisfy(line -> assertThat(line).contains("Campagne lancée", "coordo"))
                    .anySatisfy(line -> assertThat(line).contains("Date d’ouverture atteinte : la campagne s’ouvre"))
                    .anySatisfy(line -> assertThat(line).contains("Campagne fermée par la coordination", "coordo"))
                    .anySatisfy(line -> assertThat(line).contains("Tâche « Approuver la publication » terminée", "coordo"))
                    .anySatisfy(line -> assertThat(line).contains("Portrait publié"));
            assertThat(browser.pageText()).contains("Invitation", "Avis de prolongation");
            browser.assertAccessible("a campaign's history");
            browser.screenshot("coordinator-campaign-history");

            browser.open("/portrait/" + YEAR);
            assertThat(browser.text("h1")).contains(String.valueOf(YEAR));
            browser.logOut();
        }

        @Test
        void a_campaign_launched_before_its_opening_date_is_scheduled_and_invites_every_body_on_that_day() {
            List.of("JRN-E1", "JRN-E2").forEach(code -> TestOrganizations.create(organizations, code));
            // December 1st, 13:31 in Québec: the campaign opens on January 4th
            TestCampaigns.clockAt(LocalDateTime.of(EARLY_YEAR - 1, 12, 1, 18, 31));
            browser.signInAs("coordo", "/campagnes");

            // a due date before the opening: one clear error, beside its field, and no reminder noise
            fillCampaign(EARLY_YEAR, (EARLY_YEAR - 1) + "-11-30", EARLY_YEAR + "-01-04", (EARLY_YEAR - 1) + "-12-20",
                    EARLY_YEAR + "-03-31");
            browser.type("organizationCodes", "JRN-E1,JRN-E2");
            browser.submit("form[action='/campagnes'] button[type=submit]");
            assertThat(browser.texts(".error-summary li")).containsExactly("Date limite : doit être après la date d’ouverture");
            assertThat(browser.text("#dueDate-error")).isEqualTo("Date limite : doit être après la date d’ouverture");
            assertThat(browser.element(By.id("dueDate")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.pageText()).doesNotContain("jours avant la date limite tombe");
            assertThat(browser.value("organizationCodes")).as("what was typed stays").isEqualTo("JRN-E1,JRN-E2");
            browser.assertAccessible("the campaign form with an error");
            browser.screenshot("coordinator-campaign-form-error");

            // a reminder list that cannot be read hides nothing else: every error at once, each beside its field
            browser.type("reminderOffsets", "30,abc");
            browser.submit("form[action='/campagnes'] button[type=submit]");
            assertThat(browser.texts(".error-summary li")).containsExactlyInAnyOrder("Rappels : format invalide",
                    "Date limite : doit être après la date d’ouverture");
            assertThat(browser.text("#reminderOffsets-error")).isEqualTo("Rappels : format invalide");
            assertThat(browser.text("#dueDate-error")).isEqualTo("Date limite : doit être après la date d’ouverture");
            browser.type("reminderOffsets", "30,14,7,1");
            assertThat(jdbc.queryForObject("select count(*) from campaign where year = ?", Integer.class, EARLY_YEAR)).isZero();

            browser.type("dueDate", EARLY_YEAR + "-03-12");
            browser.submit("form[action='/campagnes'] button[type=submit]");
            assertThat(browser.text("h1")).isEqualTo("Campagne " + EARLY_YEAR);
            assertThat(browser.text("#target-consequence")).as("a body added now is invited at the launch")
                    .isEqualTo("L’organisme recevra son invitation avec les autres, quand la campagne sera lancée.");
            assertThat(browser.text("#launch-consequence")).isEqualTo("Le lancement programme l’ouverture : les 2 organismes "
                    + "visés recevront leur invitation le 4 janvier " + EARLY_YEAR + ", jour de l’ouverture; rien ne leur est "
                    + "envoyé d’ici là. Une fois lancée, la campagne ne peut être annulée.");
            assertThat(browser.text("form[action='/campagnes/" + EARLY_YEAR + "/lancer'] button"))
                    .isEqualTo("Lancer et programmer l’ouverture");
            browser.tick("confirmLaunch");
            browser.submit("form[action='/campagnes/" + EARLY_YEAR + "/lancer'] button");

            assertThat(browser.text(".notice")).isEqualTo("Ouverture programmée : les 2 organismes visés recevront leur "
                    + "invitation le 4 janvier " + EARLY_YEAR + ", jour de l’ouverture.");
            assertThat(browser.text("dl.summary")).contains("Planifiée – ouverture programmée le 4 janvier " + EARLY_YEAR);
            assertThat(browser.has("form[action='/campagnes/" + EARLY_YEAR + "/lancer']")).as("launched once").isFalse();
            assertThat(browser.text("#target-consequence"))
                    .isEqualTo("L’organisme recevra son invitation avec les autres, à l’ouverture du 4 janvier " + EARLY_YEAR + ".");
            browser.assertAccessible("a campaign whose opening is scheduled");
            browser.screenshot("coordinator-opening-scheduled");
            campaigns.runDueJobs(EARLY_YEAR);
            assertThat(jdbc.queryForMap("select status, launched_by, opened_at from campaign where year = ?", EARLY_YEAR))
                    .containsEntry("status", "PLANIFIEE").containsEntry("launched_by", "coordo").containsEntry("opened_at", null);
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ?", Integer.class, EARLY_YEAR))
                    .as("nothing sent before the opening date").isZero();
            assertThat(CaughtMail.to(mailCatcher, "ia.jrn-e1@example.qc.ca")).isEmpty();

            TestCampaigns.clockAt(LocalDateTime.of(EARLY_YEAR, 1, 4, 5, 0));
            campaigns.runDueJobs(EARLY_YEAR);
            browser.open("/campagnes/" + EARLY_YEAR);
            assertThat(browser.text("dl.summary")).contains("Ouverte");
            assertThat(browser.pageText()).contains("Invitation – envoyé", "4 janvier " + EARLY_YEAR);
            assertThat(CaughtMail.to(mailCatcher, "ia.jrn-e1@example.qc.ca")).as("invited on the opening day").hasSize(1);
            assertThat(CaughtMail.to(mailCatcher, "ia.jrn-e2@example.qc.ca")).hasSize(1);

            browser.open("/campagnes/" + EARLY_YEAR + "/historique");
            assertThat(browser.texts("table.timeline tbody tr"))
                    .anySatisfy(line -> assertThat(line).contains("ouverture programmée le 4 janvier " + EARLY_YEAR, "coordo"))
                    .anySatisfy(line -> assertThat(line).contains("4 janvier " + EARLY_YEAR, "Date d’ouverture atteinte"));

            // the same year once more: the form says it is taken
            browser.open("/campagnes");
            fillCampaign(EARLY_YEAR, (EARLY_YEAR - 1) + "-11-30", EARLY_YEAR + "-01-04", EARLY_YEAR + "-03-12",
                    EARLY_YEAR + "-03-31");
            browser.type("organizationCodes", "JRN-E1,JRN-E2");
            browser.submit("form[action='/campagnes'] button[type=submit]");
            assertThat(browser.text(".error-summary")).contains("une campagne existe déjà pour " + EARLY_YEAR);
            browser.assertAccessible("the campaign form, a year already taken");
            browser.logOut();
        }

        /**
         * Issue 26: the ministry's questions change without a release. On the form's page a coordinator makes the next
         * version from the newest: a category split off (counted in the Portrait as automation), a phase retired, a
         * required yes/no question asked only of generative AI, an optional public link. A forgotten English label is
         * refused beside its input, nothing saved; once it holds together the version is saved, listed, read back, and a
         * new campaign asks it by default.
         */
        @Test
        void a_coordinator_makes_the_next_version_of_the_form_on_its_page_and_a_new_campaign_asks_it() {
            TestOrganizations.create(organizations, "JRN-F1");
            FormDefinition base = forms.get(forms.newest());
            int next = base.version() + 1;
            int asked = base.questions() == null ? 0 : base.questions().size();
            // the README's example, unless a version made before (by another test) already asks it
            boolean first = base.askedQuestions().stream().noneMatch(question -> "guidanceFollowed".equals(question.id()));
            String guidanceId = first ? "guidanceFollowed" : "guidanceFollowed" + next;
            String linkId = first ? "publicInformationPage" : "publicInformationPage" + next;
            String categoryCode = base.codeLists().get("category").stream()
                    .noneMatch(code -> "GENERATION_CONTENU".equals(code.code())) ? "GENERATION_CONTENU" : "GENERATION_CONTENU_" + next;
            browser.signInAs("coordo", "/");
            browser.submit("nav a[href='/formulaires']");
            assertThat(browser.text("h1")).isEqualTo("Versions du formulaire de déclaration");
            assertThat(browser.text("#prochaine")).isEqualTo("Préparer la version " + next + " à partir de la version " + base.version());
            browser.assertAccessible("the form's versions and the next one");

            String category = "codeLists.category[" + base.codeLists().get("category").size() + "]";
            browser.type(category + ".code", categoryCode);
            browser.type(category + ".fr", "Génération de contenu");
            browser.type(category + ".en", "Content generation");
            browser.choose(category + ".portrait", "AUTOMATISATION");
            List<String> phases = base.codeLists().get("phase").stream().map(FormDefinition.Code::code).toList();
            String retired = "codeLists.phase[" + phases.indexOf("COLLECTE_TRAITEMENT_DONNEES") + "].retired";
            if (!browser.isTicked(retired)) {
                browser.element(By.id(retired)).click();
            }
            String guidance = "questions[" + asked + "]";
            browser.type(guidance + ".id", guidanceId);
            browser.choose(guidance + ".type", "YES_NO");
            browser.type(guidance + ".fr", "L’initiative suit-elle le guide d’application sur l’IA générative?");
            browser.type(guidance + ".helpFr", "Guide d’application du ministère, décembre 2025.");
            browser.tick(guidance + ".required");
            browser.choose(guidance + ".when", "field:generativeAi");
            browser.type(guidance + ".when.value", "oui");
            browser.submit("button[value=save]");

            assertThat(browser.text(".error-summary h2")).isEqualTo("La version " + next + " n’est pas enregistrée : corrigez ce qui suit");
            // the place as the coordinator reads it: the question's number on the page, then its part
            String englishMissing = "Question " + (asked + 1) + ", libellé anglais : l’étiquette anglaise manque";
            assertThat(browser.texts(".error-summary li")).containsExactly(englishMissing);
            assertThat(browser.element(By.id(guidance + ".en-error")).getText())
                    .as("beside its input").isEqualTo(englishMissing);
            assertThat(browser.element(By.id(guidance + ".en")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(forms.newest()).as("nothing saved").isEqualTo(base.version());
            assertThat(browser.value(guidance + ".id")).as("what was typed stays").isEqualTo(guidanceId);
            assertThat(browser.value(category + ".code")).isEqualTo(categoryCode);
            assertThat(browser.chosen(guidance + ".when")).isEqualTo("field:generativeAi");
            assertThat(browser.isTicked(retired)).isTrue();
            browser.assertAccessible("the next version refused, its problem beside its input");
            browser.screenshot("coordinator-form-version-refused", "fieldset.question:nth-of-type(" + (asked + 1) + ")");

            browser.type(guidance + ".en", "Does the initiative follow the generative AI guidance?");
            String link = "questions[" + (asked + 1) + "]";
            browser.type(link + ".id", linkId);
            browser.choose(link + ".type", "SHORT_TEXT");
            browser.type(link + ".fr", "Page d’information publique (lien)");
            browser.type(link + ".en", "Public information page (link)");
            browser.tick(link + ".public");
            browser.submit("button[value=check]");
            assertThat(browser.text("#holds")).isEqualTo("La version " + next + " tient ensemble : vous pouvez l’enregistrer.");
            assertThat(forms.newest()).as("a check saves nothing").isEqualTo(base.version());
            browser.submit("button[value=save]");
            assertThat(browser.text(".notice")).startsWith("Version " + next + " enregistrée");

            browser.open("/formulaires");
            assertThat(browser.text("#prochaine")).as("the next one is made from it")
                    .isEqualTo("Préparer la version " + (next + 1) + " à partir de la version " + next);
            assertThat(browser.text("#versions-table tbody tr:first-child th")).isEqualTo(String.valueOf(next));
            assertThat(browser.texts("#versions-table tbody tr:first-child td")).as("made from, when and by whom, questions, campaigns")
                    .startsWith(String.valueOf(base.version())).contains(String.valueOf(asked + 2), "Aucune")
                    .anySatisfy(cell -> assertThat(cell).endsWith("par coordo"));
            assertThat(browser.value(guidance + ".fr")).isEqualTo("L’initiative suit-elle le guide d’application sur l’IA générative?");
            assertThat(browser.isTicked(link + ".public")).isTrue();
            browser.screenshot("coordinator-form-versions");
            browser.screenshot("coordinator-form-categories", "div.code-list:has(h4[id='codeLists.category'])");

            FormDefinition stored = forms.get(next);
            assertThat(stored.basedOn()).isEqualTo(base.version());
            assertThat(stored.codeLists().get("category")).last()
                    .isEqualTo(new FormDefinition.Code(categoryCode, "Génération de contenu", "Content generation", false,
                            "AUTOMATISATION"));
            assertThat(stored.codeLists().get("phase")).filteredOn(FormDefinition.Code::retired)
                    .extracting(FormDefinition.Code::code).contains("COLLECTE_TRAITEMENT_DONNEES");
            assertThat(stored.questions()).hasSize(asked + 2);
            assertThat(stored.questions().get(asked)).isEqualTo(new FormDefinition.Question(guidanceId, "YES_NO",
                    "L’initiative suit-elle le guide d’application sur l’IA générative?",
                    "Does the initiative follow the generative AI guidance?", "Guide d’application du ministère, décembre 2025.",
                    null, null, true, false, false, new FormDefinition.When("generativeAi", null, "true")));
            assertThat(stored.questions().get(asked + 1)).isEqualTo(new FormDefinition.Question(linkId, "SHORT_TEXT",
                    "Page d’information publique (lien)", "Public information page (link)", null, null, null, false, true,
                    false, null));
            assertThat(stored.fields()).isEqualTo(base.fields());

            browser.open("/formulaires?lang=en");
            assertThat(browser.text("h1")).isEqualTo("Versions of the declaration form");
            assertThat(browser.text("#prochaine")).isEqualTo("Prepare version " + (next + 1) + " from version " + next);
            assertThat(browser.pageText()).contains("Code lists", "In the Portrait", "Required to submit", "Yes or no");
            browser.assertAccessible("the form's versions, in English");
            browser.open("/formulaires?lang=fr");

            // a new campaign asks the newest version unless told otherwise
            formYear = TestYears.take();
            browser.open("/campagnes");
            assertThat(browser.chosen("formVersion")).isEqualTo(String.valueOf(next));
            fillCampaign(formYear, formYear + "-06-30", formYear + "-09-01", formYear + "-10-31", formYear + "-11-30");
            browser.type("organizationCodes", "JRN-F1");
            browser.submit("form[action='/campagnes'] button[type=submit]");
            assertThat(browser.text("h1")).isEqualTo("Campagne " + formYear);
            assertThat(browser.text("#form-version")).isEqualTo(String.valueOf(next));
            assertThat(jdbc.queryForObject("select form_version from campaign where year = ?", Integer.class, formYear))
                    .isEqualTo(next);
            browser.open("/formulaires");
            assertThat(browser.texts("#versions-table tbody tr:first-child td")).as("the campaigns on it")
                    .endsWith(String.valueOf(formYear));
            browser.logOut();
        }

        /**
         * A new code list made on the page with a one-choice question that offers it, saved together in the next
         * version: an id already taken, then a code given twice and a missing English label, are each refused beside
         * their input and nothing is saved; once it holds, the list and the question are stored, shown again on the
         * page, and a campaign on that version asks the question with those choices.
         */
        @Test
        void a_coordinator_makes_a_new_code_list_on_the_form_page_for_a_new_choice_question() {
            String respondent = TestOrganizations.createWithLogin(organizations, identity, "JRN-CL1");
            FormDefinition base = forms.get(forms.newest());
            int next = base.version() + 1;
            int asked = base.questions() == null ? 0 : base.questions().size();
            // another test may have made this list before: a name no version has yet
            String listId = base.codeLists().containsKey("transparencyMeasure") ? "transparencyMeasure" + next
                    : "transparencyMeasure";
            String questionId = base.askedQuestions().stream().noneMatch(q -> "transparencyGiven".equals(q.id()))
                    ? "transparencyGiven" : "transparencyGiven" + next;
            String taken = base.codeLists().keySet().iterator().next();
            browser.signInAs("coordo", "/formulaires");
            assertThat(browser.text("#newLists")).isEqualTo("Nouvelles listes de codes");
            assertThat(browser.text("fieldset.new-list legend")).isEqualTo("Nouvelle liste de codes");
            assertThat(browser.text("label[for='newLists[0].id']")).isEqualTo("Identifiant de la liste");

            // an id a list already has: refused beside it, nothing saved
            browser.type("newLists[0].id", taken);
            browser.type("newLists[0][0].code", "registre_public");
            browser.type("newLists[0][0].fr", "Inscrite au registre public");
            browser.type("newLists[0][0].en", "Listed in the public register");
            browser.submit("button[value=save]");
            assertThat(browser.element(By.id("newLists[0].id-error")).getText()).as("beside the list's id")
                    .isEqualTo("Identifiant de la nouvelle liste : une liste " + taken
                            + " existe déjà : choisissez un autre identifiant");
            assertThat(browser.element(By.id("newLists[0].id")).getAttribute("aria-describedby"))
                    .isEqualTo("newLists[0].id-hint newLists[0].id-error");
            assertThat(browser.texts(".error-summary li")).hasSize(1);
            assertThat(forms.newest()).as("nothing saved").isEqualTo(base.version());
            assertThat(browser.value("newLists[0][0].code")).as("in capitals, kept").isEqualTo("REGISTRE_PUBLIC");

            // a code given twice and a label missing: each refused beside its input, by the API's rules
            browser.type("newLists[0].id", listId);
            browser.type("newLists[0][1].code", "REGISTRE_PUBLIC");
            browser.type("newLists[0][1].fr", "Fiche publique de l’initiative");
            browser.type("newLists[0][2].code", "AUCUNE");
            browser.type("newLists[0][2].fr", "Aucune mesure");
            browser.type("newLists[0][2].en", "No measure");
            browser.submit("button[value=save]");
            assertThat(browser.element(By.id("newLists[0][1].code-error")).getText())
                    .isEqualTo("Liste " + listId + ", code 2, code : le code REGISTRE_PUBLIC figure deux fois dans la liste");
            assertThat(browser.element(By.id("newLists[0][1].code")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.element(By.id("newLists[0][1].code")).getAttribute("aria-describedby"))
                    .isEqualTo("newLists[0][1].code-error");
            assertThat(browser.element(By.id("newLists[0][1].en-error")).getText())
                    .endsWith(" : l’étiquette anglaise manque");
            assertThat(browser.texts(".error-summary li")).hasSize(2);
            assertThat(browser.has("[id='newLists[0].id-error']")).as("the id holds now").isFalse();
            assertThat(forms.newest()).as("nothing saved").isEqualTo(base.version());
            assertThat(browser.options("questions[" + asked + "].codeList")).as("offered to a question once checked")
                    .contains(listId);
            browser.assertAccessible("a new code list refused, its problems beside their inputs");
            browser.screenshot("coordinator-form-new-list-refused", "fieldset.new-list");

            browser.type("newLists[0][1].code", "FICHE_PUBLIQUE");
            browser.type("newLists[0][1].en", "Public page of the initiative");
            String question = "questions[" + asked + "]";
            browser.type(question + ".id", questionId);
            browser.choose(question + ".type", "ONE_CHOICE");
            browser.type(question + ".fr", "Comment l’initiative est-elle rendue transparente?");
            browser.type(question + ".en", "How is the initiative made transparent?");
            browser.choose(question + ".codeList", listId);
            browser.submit("button[value=save]");
            assertThat(browser.text(".notice")).startsWith("Version " + next + " enregistrée");

            browser.open("/formulaires");
            assertThat(browser.text("h4[id='codeLists." + listId + "']")).as("a list of the version now").isEqualTo(listId);
            assertThat(browser.texts("div.code-list:has(h4[id='codeLists." + listId + "']) tbody code"))
                    .containsExactly("REGISTRE_PUBLIC", "FICHE_PUBLIQUE", "AUCUNE");
            assertThat(browser.value("codeLists." + listId + "[1].en")).isEqualTo("Public page of the initiative");
            assertThat(browser.chosen(question + ".codeList")).isEqualTo(listId);
            browser.assertAccessible("the form's versions, with a new code list");
            browser.screenshot("coordinator-form-new-list", "div.code-list:has(h4[id='codeLists." + listId + "'])");
            FormDefinition stored = forms.get(next);
            assertThat(stored.codeLists().get(listId)).containsExactly(
                    new FormDefinition.Code("REGISTRE_PUBLIC", "Inscrite au registre public", "Listed in the public register", false, null),
                    new FormDefinition.Code("FICHE_PUBLIQUE", "Fiche publique de l’initiative", "Public page of the initiative", false, null),
                    new FormDefinition.Code("AUCUNE", "Aucune mesure", "No measure", false, null));
            assertThat(stored.questions().get(asked)).isEqualTo(new FormDefinition.Question(questionId, "ONE_CHOICE",
                    "Comment l’initiative est-elle rendue transparente?", "How is the initiative made transparent?", null,
                    null, listId, false, false, false, null));
            browser.logOut();

            // a campaign on that version asks the question, with the list's choices
            listYear = TestYears.take();
            campaigns.create(listYear, List.of("JRN-CL1"), next);
            TestCampaigns.clockAt(LocalDateTime.of(listYear, 9, 1, 13, 0));
            campaigns.launch(listYear);
            campaigns.runDueJobs(listYear);
            String page = "/mes-declarations/" + listYear + "/JRN-CL1";
            browser.signInAs(respondent, page);
            browser.submit("button[value=add]");
            assertThat(browser.text("label[for='i0-answers-" + questionId + "']"))
                    .isEqualTo("Comment l’initiative est-elle rendue transparente?");
            assertThat(browser.options("i0-answers-" + questionId))
                    .containsExactly("— Choisir —", "Inscrite au registre public", "Fiche publique de l’initiative", "Aucune mesure");
            browser.logOut();
        }

        private void fillCampaign(int year, String reference, String opening, String due, String closing) {
            browser.type("year", String.valueOf(year));
            browser.type("referenceDate", reference);
            browser.type("openingDate", opening);
            browser.type("dueDate", due);
            browser.type("closingDate", closing);
            browser.type("reminderOffsets", "30,14,7,1");
            browser.type("overdueReminderDays", "7");
            if (browser.isTicked("allActiveOrganizations")) {
                browser.element(By.id("allActiveOrganizations")).click();
            }
        }

        private String status(String organizationCode) {
            return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                    String.class, YEAR, organizationCode);
        }
    }

    /**
     * A coordinator among a thousand bodies: the registry, a campaign's dashboard and the mail catcher each filtered
     * (by name without its accents, code, portfolio, status, recipient) and paged, the filter kept from page to page;
     * numbers as Québec writes them ("1 000" in French, "1,000" in English), dates that do not wrap in a narrow
     * window, a label for every code, no French spacing before an English colon.
     */
    @Nested
    class AmongAThousandBodies {

        /** Planned, never launched: a thousand bodies targeted. */
        private static final int PLANNED = TestYears.take(2);
        /** Launched: sixty of them invited. */
        private static final int OPEN = PLANNED + 1;
        private static final int BODIES = 1_000;
        private static final int INVITED = 60;

        @AfterEach
        void cleanUp() {
            browser.resize(1280, 1024);
            campaigns.cleanUp(PLANNED);
            campaigns.cleanUp(OPEN);
        }

        @Test
        void a_coordinator_filters_the_registry_a_dashboard_and_the_mail_and_keeps_the_filter_from_page_to_page() {
            List<String> codes = aThousandBodies();
            campaigns.create(PLANNED, codes);
            campaigns.create(OPEN, codes.subList(0, INVITED));
            TestCampaigns.clockAt(LocalDateTime.of(OPEN, 9, 1, 13, 0));
            campaigns.launch(OPEN);
            campaigns.runDueJobs(OPEN);
            browser.logIn("coordo", "demo");

            // the registry: by a name typed without its accent, then by portfolio too; page 2 keeps both
            browser.open("/organisations");
            browser.type("q", "temoin");
            browser.submit("form.filters button[type=submit]");
            assertThat(browser.text("#registry caption")).as("a thousand, as French writes it").isEqualTo("1 000 organisme(s)");
            assertThat(markup("#registry caption")).as("its digits never split over two lines").startsWith("1\u00a0000 ");
            browser.choose("portfolio", "TRANSPORTS");
            browser.submit("form.filters button[type=submit]");
            assertThat(browser.text("#registry caption")).isEqualTo("500 organisme(s)");
            browser.submit(".pagination a[rel=next]");
            assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 sur 10 : 51 à 100 sur 500");
            assertThat(browser.value("q")).as("the filter kept on page 2").isEqualTo("temoin");
            assertThat(browser.chosen("portfolio")).isEqualTo("TRANSPORTS");
            assertThat(browser.texts("#registry tbody tr")).hasSize(50)
                    .allMatch(row -> row.contains("Organisme témoin JRN-L") && row.contains("Transports et Mobilité durable"));
            assertNoRawCode("the registry");
            browser.assertAccessible("the registry, filtered, page 2");
            browser.screenshot("long-lists-registry");

            browser.open("/organisations?lang=en&q=temoin");
            assertThat(browser.text("#registry caption")).as("a thousand, as English writes it").isEqualTo("1,000 organization(s)");
            browser.choose("portfolio", "TRANSPORTS");
            browser.submit("form.filters button[type=submit]");
            browser.submit(".pagination a[rel=next]");
            assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 of 10: 51 to 100 of 500");
            assertThat(browser.texts("#registry tbody tr")).allMatch(row -> row.contains("Test body JRN-L")
                    && row.contains("Transport and Sustainable Mobility"));
            assertEnglishColons("the registry, in English");
            browser.assertAccessible("the registry, in English");

            // a planned campaign of a thousand bodies: searched by code before its launch
            browser.open("/campagnes/" + PLANNED + "?lang=fr");
            assertThat(browser.text("#suivi caption")).isEqualTo("1 000 organisme(s)");
            assertThat(markup("#suivi caption")).as("the same on every page, however French was chosen").startsWith("1\u00a0000 ");
            assertThat(browser.texts("dl.summary dd")).as("bodies targeted").contains("1 000");
            browser.type("q", "jrn-l00");
            browser.submit("form.filters button[type=submit]");
            assertThat(browser.text("#suivi caption")).as("JRN-L0001 to JRN-L0099").isEqualTo("99 organisme(s)");
            browser.submit(".pagination a[rel=next]");
            assertThat(browser.value("q")).isEqualTo("jrn-l00");
            assertThat(browser.texts("#suivi tbody tr")).hasSize(49).allMatch(row -> row.contains("(JRN-L00"));
            browser.assertAccessible("a planned campaign, searched, page 2");
            browser.open("/campagnes/" + PLANNED + "?lang=en");
            assertThat(browser.pageText()).contains("1,000 organization(s)");
            assertEnglishColons("a planned campaign, in English");
            browser.open("/campagnes/" + PLANNED + "?lang=fr");

            // the open campaign: by name and status; page 2 keeps both, and the dates hold on one line in a narrow window
            browser.open("/campagnes/" + OPEN);
            browser.type("q", "témoin");
            browser.choose("status", "BROUILLON");
            browser.submit("form.filters button[type=submit]");
            assertThat(browser.text("#suivi caption")).isEqualTo(INVITED + " organisme(s)");
            browser.submit(".pagination a[rel=next]");
            assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 sur 2 : organismes 51 à 60 sur 60");
            assertThat(browser.value("q")).isEqualTo("témoin");
            assertThat(browser.chosen("status")).isEqualTo("BROUILLON");
            assertThat(browser.texts("#suivi tbody tr")).hasSize(10)
                    .allMatch(row -> row.contains("Organisme témoin JRN-L00") && row.contains("Brouillon"));
            List<String> export = browser.download("/campagnes/" + OPEN + "/suivi.csv?q=JRN-L0001").lines().toList();
            assertThat(export.get(0)).as("headings in words").startsWith("Code de l’organisme,Organisme,");
            assertThat(export.subList(1, export.size())).as("the export follows the search, in the page's words")
                    .hasSize(1).allMatch(line -> line.startsWith("JRN-L0001,") && line.contains(",Non,Non,"))
                    .noneMatch(line -> line.matches(".*\\d{4}-\\d{2}-\\d{2}T.*|.*,(true|false),.*"));
            browser.resize(700, 1000);
            assertThat(browser.texts("#suivi tbody td .nowrap")).anyMatch(date -> date.equals("31 octobre " + OPEN));
            assertThat(browser.lines("#suivi tbody td .nowrap")).as("no date wraps in a narrow window")
                    .isNotEmpty().allMatch(lines -> lines == 1);
            assertNoRawCode("the dashboard");
            browser.assertAccessible("the dashboard, searched, page 2");
            browser.screenshot("long-lists-dashboard-narrow", "#suivi");
            browser.resize(1280, 1024);

            browser.open("/campagnes/" + OPEN + "?lang=en&q=JRN-L0001");
            assertThat(browser.texts("#suivi tbody tr")).hasSize(1)
                    .allMatch(row -> row.contains("Test body JRN-L0001") && row.contains("Draft") && row.contains("October 31, " + OPEN));
            assertEnglishColons("the dashboard, in English");
            browser.assertAccessible("the dashboard, in English");
            browser.screenshot("long-lists-dashboard-en");

            // the mail catcher: by recipient; page 2 keeps it
            browser.open("/dev/mail?lang=fr");
            browser.type("q", "ia.jrn-l00");
            browser.submit("form.filters button[type=submit]");
            assertThat(browser.text("[role=status]")).startsWith(INVITED + " courriel(s) affiché(s) sur ");
            browser.submit(".pagination a[rel=next]");
            assertThat(browser.text(".pagination [aria-current=page]")).isEqualTo("Page 2 sur 3 : 21 à 40 sur 60");
            assertThat(browser.value("q")).isEqualTo("ia.jrn-l00");
            assertThat(browser.texts("article.mail dd:first-of-type")).hasSize(20).allMatch(to -> to.startsWith("ia.jrn-l00"));
            assertThat(browser.lines("article.mail dd.nowrap")).allMatch(lines -> lines == 1);
            browser.assertAccessible("the mail, filtered, page 2");
            browser.screenshot("long-lists-mail");
            browser.open("/dev/mail?lang=en&q=ia.jrn-l0001@");
            assertThat(browser.texts("article.mail h2")).hasSize(1).allMatch(subject -> subject.startsWith("Campagne " + OPEN));
            // the mails themselves are as they were sent (in the body's language): the page around them is English
            assertEnglishColons("the mail, in English", "header", "form.filters", "[role=status]", "article.mail dt", "footer");
            browser.open("/dev/mail?lang=fr");
            browser.logOut();
        }

        /** JRN-L0001 to JRN-L1000, "Organisme témoin …", every other one in Transports, the others in Finances. */
        private List<String> aThousandBodies() {
            List<String> codes = IntStream.rangeClosed(1, BODIES).mapToObj(i -> "JRN-L%04d".formatted(i)).toList();
            jdbc.batchUpdate("""
                    insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                    values (?, ?, ?, 'ORGANISME_BUDGETAIRE', ?, false, ?)
                    """, IntStream.range(0, BODIES).mapToObj(i -> new Object[] {codes.get(i), "Organisme témoin " + codes.get(i),
                    "Test body " + codes.get(i), i % 2 == 0 ? "TRANSPORTS" : "FINANCES",
                    "dri." + codes.get(i).toLowerCase() + "@example.qc.ca"}).toList());
            jdbc.batchUpdate("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                    codes.stream().map(code -> new Object[] {code, "ia." + code.toLowerCase() + "@example.qc.ca"}).toList());
            return codes;
        }

        /** The text as the page holds it, spaces as they are (what the browser shows turns a no-break space into a space). */
        private static String markup(String css) {
            return browser.element(org.openqa.selenium.By.cssSelector(css)).getAttribute("textContent");
        }

        /** Every code is shown by its label: no status, mail kind or category code on the page. */
        private static void assertNoRawCode(String page) {
            String shown = browser.pageText();
            Stream.of(DeclarationStatus.values(), MailKind.values(), ca.gouv.qc.declarationsia.organization.LggriCategory.values())
                    .flatMap(Arrays::stream).map(Enum::name)
                    .forEach(code -> assertThat(shown).as(page + " shows the code " + code).doesNotContain(code));
        }

        /** English writes "Status: Draft", never French's "Status : Draft". */
        private static void assertEnglishColons(String page, String... parts) {
            String shown = parts.length == 0 ? browser.pageText()
                    : Arrays.stream(parts).flatMap(css -> browser.texts(css).stream()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(shown).as(page + ": no space before a colon in English").doesNotContainPattern("\\s:");
        }
    }

    /** The registry's pages: bodies imported from a spreadsheet, a renaming then a split recorded after refusals. */
    @Nested
    class TheRegistry {

        @Test
        void a_coordinator_imports_bodies_from_a_spreadsheet_and_reads_which_row_was_refused() throws Exception {
            Path csv = Files.createTempFile("organismes", ".csv");
            Files.writeString(csv, "code,nameFr,nameEn,acronym,lggriCategory,portfolio,network,respondentEmails,escalationEmail\n"
                    + "JRN-I1,Organisme importé du registre,Body imported from the registry,,AUTRE,FINANCES,,a@jrn-i.example.qc.ca,d@jrn-i.example.qc.ca\n"
                    + "JRN-I2,,Imported body two,,INCONNU,FINANCES,,b@jrn-i.example.qc.ca,d@jrn-i.example.qc.ca\n",
                    StandardCharsets.UTF_8);
            browser.signInAs("coordo", "/");
            browser.assertAccessible("the coordinator's home page");
            browser.open("/organisations");
            browser.attach("file", csv);
            browser.submit("form[action='/organisations/import'] button");
            assertThat(browser.pageText()).contains("1 créé(s), 0 mis à jour, 1 refusé(s).", "Lignes refusées",
                    "Nom (français) : obligatoire");
            assertThat(browser.url()).as("redirected after the post").endsWith("/organisations");
            assertThat(jdbc.queryForList("select code from organization where code like 'JRN-I%'", String.class))
                    .containsExactly("JRN-I1");
            browser.assertAccessible("the registry after an import");
            browser.screenshot("coordinator-registry-import");
        }

        /** Years named on purpose (TestYears.NAMED), shared with SuccessionApiTest: the dates below say them. */
        private static final int BEFORE = 2026;
        private static final int YEAR = 2027;

        @Test
        void a_coordinator_records_a_renaming_then_a_split_on_the_registry_pages_after_refusals_naming_the_field() {
            TestOrganizations.create(organizations, "JS-MIN-OLD");
            TestOrganizations.create(organizations, "JS-MIN-NEW");
            browser.signInAs("coordo", "/organisations");
            browser.type("s-predecessors", "JS-MIN-OLD");
            browser.type("s-successor", "JS-MIN-NOPE");
            browser.choose("s-kind", "RENOMMAGE");
            browser.type("s-reason", "Remaniement ministériel");
            browser.submit("form[action$='/successions'] button[type=submit]");
            assertThat(browser.text("#successions .error-summary")).contains("La succession n’est pas inscrite",
                    "Organisme successeur : aucun organisme du registre n’a le code « JS-MIN-NOPE »",
                    "Date d’effet : obligatoire");
            assertThat(browser.value("s-successor")).as("what was typed comes back").isEqualTo("JS-MIN-NOPE");
            assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'JS-MIN-OLD'",
                    Integer.class)).isZero();
            browser.assertAccessible("the registry, a succession refused");
            browser.screenshot("succession-refused", "#successions");

            browser.type("s-successor", "JS-MIN-NEW");
            browser.choose("s-kind", "RENOMMAGE");
            browser.type("s-effectiveDate", "2026-11-15");
            browser.submit("form[action$='/successions'] button[type=submit]");
            assertThat(browser.has("#successions .error-summary")).as(browser.pageText()).isFalse();
            assertThat(browser.text("#successions .notice")).isEqualTo(
                    "Succession inscrite : JS-MIN-OLD → JS-MIN-NEW. Les initiatives actives suivront à la prochaine campagne.");
            assertThat(browser.pageText()).contains("Changement de nom", "Remaniement ministériel", "15 novembre 2026");
            assertThat(jdbc.queryForObject("select active from organization where code = 'JS-MIN-OLD'", Boolean.class)).isFalse();
            assertThat(jdbc.queryForObject("""
                    select s.recorded_by from organization_succession s join organization_succession_link l on l.succession_id = s.id
                     where l.predecessor_code = 'JS-MIN-OLD' and l.successor_code = 'JS-MIN-NEW' and s.kind = 'RENOMMAGE'
                    """, String.class)).isEqualTo("coordo");
            browser.assertAccessible("the registry, a succession recorded");
            browser.screenshot("succession-recorded", "#successions");

            // a split, on a page listing the body's active initiatives: each to one successor, none left out
            campaigns();
            TestOrganizations.create(organizations, "JS-SPLIT");
            TestOrganizations.create(organizations, "JS-SPLIT-A");
            TestOrganizations.create(organizations, "JS-SPLIT-B");
            List<String> ids = pastDeclarations.accepted(BEFORE, "JS-SPLIT", 2, true);
            browser.submit("#split-link");
            browser.type("predecessor", "JS-SPLIT");
            browser.type("successors", "JS-SPLIT-A, JS-SPLIT-B");
            browser.submit("#split-bodies button[type=submit]");
            assertThat(browser.text("#split-assignments legend")).isEqualTo("Initiatives actives de JS-SPLIT à attribuer (2)");
            assertThat(browser.texts("#split-assignments label[for^='a-']")).as("the retired one is not to assign")
                    .containsExactly(ids.get(0) + " – Initiative 0 JS-SPLIT", ids.get(1) + " – Initiative 1 JS-SPLIT");
            assertThat(browser.options("a-" + ids.get(0))).containsExactly("— À attribuer —",
                    "Organisme de test JS-SPLIT-A (JS-SPLIT-A)", "Organisme de test JS-SPLIT-B (JS-SPLIT-B)");
            browser.choose("a-" + ids.get(0), "JS-SPLIT-A");
            browser.type("effectiveDate", BEFORE + "-12-01");
            browser.type("reason", "Scission du ministère");
            browser.submit("#split-assignments button[type=submit]");
            assertThat(browser.text("#split-errors")).contains("La scission n’est pas inscrite",
                    "Attribution des initiatives : l’initiative " + ids.get(1) + ", toujours active, n’est attribuée à aucun successeur");
            assertThat(browser.chosen("a-" + ids.get(0))).as("what was chosen comes back").isEqualTo("JS-SPLIT-A");
            assertThat(browser.value("reason")).isEqualTo("Scission du ministère");
            assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'JS-SPLIT'",
                    Integer.class)).isZero();
            browser.assertAccessible("the split page, an initiative left unassigned");
            browser.screenshot("succession-split-refused");

            // every initiative assigned, but a date before the body's last accepted declaration: refused beside it
            browser.choose("a-" + ids.get(1), "JS-SPLIT-B");
            browser.type("effectiveDate", BEFORE + "-01-01");
            browser.submit("#split-assignments button[type=submit]");
            assertThat(browser.text("#effectiveDate-error")).startsWith("Date d’effet : la date d’effet doit suivre "
                    + "l’ouverture de la campagne " + BEFORE);
            assertThat(browser.element(By.id("effectiveDate")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.element(By.id("effectiveDate")).getAttribute("aria-describedby")).isEqualTo("effectiveDate-error");
            assertThat(browser.chosen("a-" + ids.get(1))).isEqualTo("JS-SPLIT-B");

            browser.type("effectiveDate", BEFORE + "-12-01");
            browser.submit("#split-assignments button[type=submit]");
            assertThat(browser.text("#successions .notice")).isEqualTo("Succession inscrite : JS-SPLIT → JS-SPLIT-A, JS-SPLIT-B. "
                    + "Les initiatives actives suivront à la prochaine campagne.");
            assertThat(jdbc.queryForList("""
                    select a.initiative_id || ' ' || a.successor_code from organization_succession_assignment a
                      join organization_succession s on s.id = a.succession_id
                     where s.kind = 'SCISSION' and s.recorded_by = 'coordo' and a.successor_code like 'JS-SPLIT-%'
                     order by a.initiative_id
                    """, String.class)).containsExactly(ids.get(0) + " JS-SPLIT-A", ids.get(1) + " JS-SPLIT-B");
        }

        /** A campaign open while the coordinator records a succession late, and the year before it. */
        private static final int LATE_BEFORE = TestYears.take(2);
        private static final int LATE_OPEN = LATE_BEFORE + 1;

        /**
         * A merger recorded in October, effective in June, counts for the campaign open since September: into a
         * successor that has already submitted, the page refuses the date beside the field, saying which date would be
         * accepted; into a successor still at its draft, the page says the predecessor's initiatives came into it.
         */
        @Test
        void a_coordinator_records_a_merger_late_during_the_open_campaign_and_reads_what_it_does_to_the_declarations() {
            for (String code : List.of("JL-OLD", "JL-GONE", "JL-SENT")) {
                TestOrganizations.create(organizations, code);
            }
            String respondent = TestOrganizations.createWithLogin(organizations, identity, "JL-NEW");
            campaigns.closedCampaigns(LATE_BEFORE);
            List<String> old = pastDeclarations.accepted(LATE_BEFORE, "JL-OLD", 2, true);
            pastDeclarations.accepted(LATE_BEFORE, "JL-GONE", 1, false);
            campaigns.openCampaign(LATE_OPEN);
            try {
                transactions.executeWithoutResult(tx -> {
                    opening.createDraft(LATE_OPEN, "JL-NEW");
                    opening.createDraft(LATE_OPEN, "JL-SENT");
                });
                jdbc.update("update declaration set status = 'SOUMISE', submitted_at = now() where campaign_year = ? "
                        + "and organization_code = 'JL-SENT'", LATE_OPEN);
                TestCampaigns.clockAt(LocalDateTime.of(LATE_OPEN, 10, 5, 13, 0));
                browser.signInAs("coordo", "/organisations");
                browser.type("s-predecessors", "JL-GONE");
                browser.type("s-successor", "JL-SENT");
                browser.type("s-effectiveDate", LATE_OPEN + "-06-01");
                browser.type("s-reason", "Absorption inscrite en retard");
                browser.submit("form[action$='/successions'] button[type=submit]");
                assertThat(browser.text("#s-effectiveDate-error")).as("beside the date").contains(
                        "la déclaration " + LATE_OPEN + " de JL-SENT est déjà à l’état « Soumise »",
                        "Une date d’effet à partir du 2 septembre " + LATE_OPEN + " est acceptée : la succession comptera "
                                + "alors à partir de la campagne suivante.");
                assertThat(browser.value("s-effectiveDate")).isEqualTo(LATE_OPEN + "-06-01");
                assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'JL-GONE'",
                        Integer.class)).isZero();
                browser.assertAccessible("the registry, a late succession refused");
                browser.screenshot("succession-late-refused", "#successions");

                browser.type("s-predecessors", "JL-OLD");
                browser.type("s-successor", "JL-NEW");
                browser.type("s-reason", "Fusion inscrite en retard");
                browser.submit("form[action$='/successions'] button[type=submit]");
                assertThat(browser.has("#s-effectiveDate-error")).as(browser.pageText()).isFalse();
                assertThat(browser.text("#successions .notice")).isEqualTo("Succession inscrite : JL-OLD → JL-NEW.\n"
                        + "Campagne " + LATE_OPEN + " en cours : 2 initiative(s) des organismes remplacés ajoutée(s) à la "
                        + "déclaration de JL-NEW (" + old.get(0) + ", " + old.get(1) + "), avec leur provenance; son "
                        + "répondant les met à jour ou les retire comme les siennes.");
                assertThat(jdbc.queryForList("""
                        select s.initiative_id from initiative_snapshot s join declaration d on d.id = s.declaration_id
                         where d.campaign_year = ? and d.organization_code = 'JL-NEW' order by s.position
                        """, String.class, LATE_OPEN)).containsExactly(old.get(0), old.get(1));
                browser.assertAccessible("the registry, a late succession recorded");
                browser.screenshot("succession-late-recorded", "#successions");

                // the successor's respondent finds them in its draft, each saying where it came from
                browser.signInAs(respondent, "/mes-declarations/" + LATE_OPEN + "/JL-NEW");
                assertThat(browser.text("#initiative-0 .carried-from")).startsWith("Reprise de : Organisme de test JL-OLD (JL-OLD)");
                assertThat(browser.text("#initiative-1 .carried-from")).contains("(JL-OLD)");
                browser.screenshot("succession-late-respondent-draft");
            } finally {
                ClockUtil.reset();
                jdbc.update("update campaign set status = 'FERMEE' where year = ?", LATE_OPEN);
            }
        }

        private void campaigns() {
            for (int year : new int[] {BEFORE, YEAR}) {
                jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                        + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, java.sql.Date.valueOf(year + "-06-30"),
                        java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                        java.sql.Date.valueOf(year + "-11-30"));
            }
        }

        /** (pages) The split page says a missing reason beside its field, tied to it, as the registry's form does. */
        @Test
        void a_split_without_a_reason_is_refused_beside_the_reason_field() {
            for (String code : List.of("JP-SPLIT", "JP-SPLIT-A", "JP-SPLIT-B")) {
                TestOrganizations.create(organizations, code);
            }
            String page = "/organisations/scission?predecessor=JP-SPLIT&successors=JP-SPLIT-A,JP-SPLIT-B";
            browser.open(page);
            if (browser.url().contains("/login")) {
                browser.logIn("coordo", "demo");
            } else {
                browser.logOut();
                browser.open(page);
                browser.logIn("coordo", "demo");
            }
            browser.open(page);
            browser.type("effectiveDate", "2026-12-01");
            browser.submit("#split-assignments button[type=submit]");
            assertThat(browser.text("#split-errors")).contains("La scission n’est pas inscrite");
            assertThat(browser.text("#reason-error")).as("beside the reason").startsWith("Motif").contains("obligatoire");
            assertThat(browser.element(By.id("reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.element(By.id("reason")).getDomAttribute("aria-describedby")).isEqualTo("reason-error");
            assertThat(browser.has("#effectiveDate-error")).as("the date holds").isFalse();
            assertThat(browser.value("effectiveDate")).isEqualTo("2026-12-01");
            assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'JP-SPLIT'",
                    Integer.class)).isZero();
            browser.assertAccessible("the split page, no reason given");
            browser.screenshot("succession-split-no-reason", "#split-assignments");
        }
    }
}
