package ca.gouv.qc.declarationsia.journey;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.valid;
import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.organization.SuccessionForm;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Year two after a merge, in a browser: the new body's respondent finds on its declaration the initiatives of the two
 * bodies it replaces, each saying where it came from, with its id; it updates one and retires another like its own.
 */
@IntegrationTest
class SuccessionJourneyTest extends BrowserJourney {

    private static final int BEFORE = 2026;
    private static final int YEAR = 2027;

    @Autowired
    OrganizationService organizations;

    @Autowired
    Successions successions;

    @Autowired
    IdentityService identity;

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

    @Test
    void the_successor_updates_one_initiative_of_a_merged_body_and_retires_another() {
        for (int year : new int[] {BEFORE, YEAR}) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, java.sql.Date.valueOf(year + "-06-30"),
                    java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                    java.sql.Date.valueOf(year + "-11-30"));
        }
        TestOrganizations.create(organizations, "JS-CHUM");
        TestOrganizations.create(organizations, "JS-CUSM");
        String respondent = TestOrganizations.createWithLogin(organizations, identity, "JS-SQ");
        String chum = declare("JS-CHUM", "Triage des urgences");
        String cusm = declare("JS-CUSM", "Lecture des radiographies");
        SystemAuthentication.runAsSystem(() -> successions.record(new SuccessionForm(List.of("JS-CHUM", "JS-CUSM"),
                "JS-SQ", LocalDate.of(BEFORE, 12, 1), "Création de Santé Québec", null)));
        transactions.executeWithoutResult(tx -> lifecycle.createDraft(YEAR, "JS-SQ"));

        browser.open("/mes-declarations/" + YEAR + "/JS-SQ");
        browser.logIn(respondent, "demo");
        browser.open("/mes-declarations/" + YEAR + "/JS-SQ");
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
        browser.logOut();
        browser.open("/campagnes/" + YEAR);
        browser.logIn("coordo", "demo");
        browser.open("/campagnes/" + YEAR);
        assertThat(browser.pageText()).contains("Successions parmi les organismes de la campagne");
        assertThat(browser.text("#campaign-successions li")).isEqualTo("Organisme de test JS-SQ (JS-SQ) remplace depuis le "
                + "1er décembre " + BEFORE + " (Fusion) : Organisme de test JS-CHUM (JS-CHUM), Organisme de test JS-CUSM (JS-CUSM)");
        browser.assertAccessible("the campaign dashboard, successions among its bodies");
        browser.screenshot("succession-dashboard", "#campaign-successions");
    }

    @Test
    void a_coordinator_records_a_renaming_on_the_registry_page_after_a_refusal_naming_the_field() {
        TestOrganizations.create(organizations, "JS-MIN-OLD");
        TestOrganizations.create(organizations, "JS-MIN-NEW");
        browser.open("/organisations");
        if (browser.url().contains("/login")) {
            browser.logIn("coordo", "demo");
        } else {
            browser.logOut();
            browser.open("/organisations");
            browser.logIn("coordo", "demo");
        }
        browser.open("/organisations");
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
