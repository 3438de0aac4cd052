package ca.gouv.qc.declarationsia.journey;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.SubmissionHandoff;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator's campaign, in a browser and in French: created and launched from the pages (each action that cannot
 * be undone confirmed beside its button, saying what it does and to how many bodies), followed on its dashboard, an
 * extension granted, a body exempted, closed, its publication approved in Tasklist through the Camunda Form, its
 * process opened in Cockpit and its whole history read; the Portrait is then public. A campaign launched before its
 * opening date waits for that date: its invitations go out on the opening day.
 */
@IntegrationTest
class CoordinatorJourneyTest extends BrowserJourney {

    private static final int YEAR = 2047;
    private static final int EARLY_YEAR = 2038;
    private static final int STALLED_YEAR = 2085;

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

    /** The year of the campaign on the version the form journey makes: one no campaign has (see {@link #freeYear}). */
    private Integer formYear;

    @AfterEach
    void cleanUp() {
        if (formYear != null) {
            campaigns.cleanUp(formYear);
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

        browser.logIn("coordo", "demo");
        browser.open("/campagnes/" + STALLED_YEAR);
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
        browser.logIn("coordo", "demo");
        browser.open("/campagnes");
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
        browser.logIn("coordo", "demo");
        browser.open("/campagnes");

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
        browser.logIn("coordo", "demo");
        browser.open("/");
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
        assertThat(browser.texts(".error-summary li")).containsExactly(guidance + ".en : l’étiquette anglaise manque");
        assertThat(browser.element(By.id(guidance + ".en-error")).getText())
                .as("beside its input").isEqualTo(guidance + ".en : l’étiquette anglaise manque");
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
        formYear = freeYear();
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

    /** A campaign year no campaign has now, from the top of those a campaign may have. */
    private int freeYear() {
        for (int year = 2100; year > 2020; year--) {
            if (jdbc.queryForObject("select count(*) from campaign where year = ?", Integer.class, year) == 0) {
                return year;
            }
        }
        throw new IllegalStateException("no campaign year left");
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
