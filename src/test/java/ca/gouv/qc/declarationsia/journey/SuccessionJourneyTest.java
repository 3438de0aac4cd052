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
import ca.gouv.qc.declarationsia.publication.Editions;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
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
 * Once the year is published, the public reads on the Portrait, in French and in English, who succeeded whom.
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
    Editions editions;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void a_coordinator_records_a_renaming_then_a_split_on_the_registry_pages_after_refusals_naming_the_field() {
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

        browser.choose("a-" + ids.get(1), "JS-SPLIT-B");
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
