package ca.gouv.qc.declarationsia.publication;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.campaign.CampaignDashboard;
import ca.gouv.qc.declarationsia.campaign.CampaignForm;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.organization.SuccessionForm;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The year after 30 health establishments merged into one body and another body was renamed (issue 25, item 3): the
 * next campaign targets the successors and none of the bodies replaced, the coverage counts none of them as missing,
 * and the Portrait's total moves only by the year's real changes, noting who succeeded whom. The database layer: the
 * services the coordinator's API calls, the editions, and the open data as the public downloads them.
 */
@DatabaseTest
class SuccessionPortraitTest {

    /** Years of this class only. */
    private static final int BEFORE = 2024;
    private static final int AFTER = 2025;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    Successions successions;

    @Autowired
    CampaignService campaigns;

    @Autowired
    BaselineImport baseline;

    @Autowired
    MessageSource messages;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationLifecycle lifecycle;

    @Autowired
    Editions editions;

    @Autowired
    CampaignDashboard dashboard;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void french() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void after_the_merge_of_thirty_establishments_coverage_and_portrait_count_the_new_structure() {
        jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                + "values (?, ?, ?, ?, ?, 'FERMEE')", BEFORE, LocalDate.of(BEFORE, 6, 30), LocalDate.of(BEFORE, 9, 1),
                LocalDate.of(BEFORE, 10, 31), LocalDate.of(BEFORE, 11, 30));
        List<String> establishments = IntStream.rangeClosed(1, 30).mapToObj(i -> "PQ-CISSS-" + i).toList();
        for (String code : establishments) {
            TestOrganizations.create(organizations, code);
            pastDeclarations.accepted(BEFORE, code, 2, true); // 2 in production and 1 retired (not published)
        }
        TestOrganizations.create(organizations, "PQ-OLDNAME");
        List<String> renamed = pastDeclarations.accepted(BEFORE, "PQ-OLDNAME", 3, false);
        for (String code : List.of("PQ-SANTEQC", "PQ-NEWNAME", "PQ-NEWBODY")) {
            TestOrganizations.create(organizations, code);
        }
        editions.publish(BEFORE, "coordo", null);
        int lastYear = jdbc.queryForObject("select (portrait->>'totalInitiatives')::int from published_edition "
                + "where campaign_year = ? order by version desc limit 1", Integer.class, BEFORE);

        succession(new SuccessionForm(establishments, "PQ-SANTEQC", LocalDate.of(BEFORE, 12, 1), "Santé Québec", null));
        succession(new SuccessionForm(List.of("PQ-OLDNAME"), "PQ-NEWNAME", LocalDate.of(BEFORE, 12, 15), "Nouveau nom",
                "RENOMMAGE"));

        // the next campaign, created after the successions, targets the successors and none of the bodies replaced
        SystemAuthentication.runAsSystem(() -> campaigns.create(new CampaignForm(AFTER, LocalDate.of(AFTER, 6, 30),
                LocalDate.of(AFTER, 9, 1), LocalDate.of(AFTER, 10, 31), LocalDate.of(AFTER, 11, 30), null, null, true,
                null, null)));
        List<String> targets = jdbc.queryForList("select organization_code from campaign_target where campaign_year = ? "
                + "and organization_code like 'PQ-%'", String.class, AFTER);
        assertThat(targets).containsExactlyInAnyOrder("PQ-SANTEQC", "PQ-NEWNAME", "PQ-NEWBODY");

        // its dashboard names the first bodies Santé Québec replaced and counts the others
        assertThat(dashboard.successions(AFTER)).filteredOn(line -> line.kind().equals("FUSION")).singleElement()
                .satisfies(line -> {
                    assertThat(line.successors()).containsExactly("Organisme de test PQ-SANTEQC (PQ-SANTEQC)");
                    assertThat(line.predecessors()).hasSize(30);
                    assertThat(line.namedPredecessors()).hasSize(3);
                    assertThat(line.otherPredecessors()).isEqualTo(27);
                });

        // the year's real changes: Santé Québec retires one carried initiative, a new body declares two
        transactions.executeWithoutResult(tx -> {
            lifecycle.createDraft(AFTER, "PQ-SANTEQC");
            lifecycle.createDraft(AFTER, "PQ-NEWNAME");
        });
        jdbc.update("""
                update initiative_snapshot set phase = 'MISE_HORS_SERVICE' where initiative_id = (
                  select s.initiative_id from initiative_snapshot s join declaration d on d.id = s.declaration_id
                   where d.campaign_year = ? and d.organization_code = 'PQ-SANTEQC' order by s.position limit 1)
                   and declaration_id = (select id from declaration where campaign_year = ? and organization_code = 'PQ-SANTEQC')
                """, AFTER, AFTER);
        jdbc.update("update declaration set status = 'ACCEPTEE', submitted_at = now() where campaign_year = ? and organization_code in "
                + "('PQ-SANTEQC', 'PQ-NEWNAME')", AFTER);
        pastDeclarations.accepted(AFTER, "PQ-NEWBODY", 2, false);
        editions.publish(AFTER, "coordo", null);

        // coverage: the successors answered; none of the bodies replaced is listed, so none is missing
        List<String> covered = editions.coverage(AFTER).stream().map(Editions.Coverage::organizationName)
                .filter(name -> name.contains("PQ-")).toList();
        assertThat(covered).containsExactlyInAnyOrder("Organisme de test PQ-SANTEQC", "Organisme de test PQ-NEWNAME",
                "Organisme de test PQ-NEWBODY");
        assertThat(editions.coverage(AFTER)).filteredOn(row -> row.organizationName().contains("PQ-"))
                .allMatch(row -> row.status().equals("ACCEPTEE"));

        // the Portrait: last year's total (60 + 3 and whatever else that year published), one retired, two new
        assertThat(lastYear).isGreaterThanOrEqualTo(63);
        int others = lastYear - 63; // bodies of other tests publishing in this year, if any (none expected)
        Portrait portrait = editions.portrait(AFTER);
        assertThat(portrait.previousYear()).isEqualTo(BEFORE);
        assertThat(portrait.totalInitiatives()).isEqualTo(59 + 3 + 2);
        assertThat(portrait.changeAbsolute()).isEqualTo(59 + 3 + 2 - 63 - others);
        assertThat(portrait.organizationsWithInitiatives()).isEqualTo(3);
        assertThat(portrait.newOrganizations()).as("the new body; not the successors").isEqualTo(1);
        assertThat(portrait.topOrganizations()).startsWith(
                new Portrait.TopOrganization("Organisme de test PQ-SANTEQC", 59),
                new Portrait.TopOrganization("Organisme de test PQ-NEWNAME", 3));
        assertThat(portrait.successions()).hasSize(2);
        assertThat(portrait.successions().get(0)).satisfies(merge -> {
            assertThat(merge.kind()).isEqualTo("FUSION");
            assertThat(merge.effectiveDate()).isEqualTo(LocalDate.of(BEFORE, 12, 1));
            assertThat(merge.predecessors()).hasSize(30);
            assertThat(merge.successors()).startsWith("Organisme de test PQ-SANTEQC");
            assertThat(merge.previousInitiatives()).isEqualTo(60);
            assertThat(merge.initiatives()).isEqualTo(59);
        });
        assertThat(portrait.successions().get(1)).satisfies(renaming -> {
            assertThat(renaming.kind()).isEqualTo("RENOMMAGE");
            assertThat(renaming.predecessors()).startsWith("Organisme de test PQ-OLDNAME");
            assertThat(renaming.previousInitiatives()).isEqualTo(3);
            assertThat(renaming.initiatives()).isEqualTo(3);
        });

        // an initiative of a body replaced keeps its id; its public page and the open data name the body of each year
        String carried = jdbc.queryForObject("select initiative_id from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.organization_code = 'PQ-SANTEQC' "
                + "order by initiative_id limit 1", String.class, AFTER);
        String before = jdbc.queryForObject("select organization_name from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.initiative_id = ?", String.class, BEFORE, carried);
        assertThat(before).startsWith("Organisme de test PQ-CISSS-");
        assertThat(editions.history(carried)).as("the initiative's page, year by year")
                .extracting(Editions.YearOfInitiative::organizationName)
                .containsExactly(before, "Organisme de test PQ-SANTEQC");
        PortraitController openData = new PortraitController(editions, baseline, messages);
        assertThat(openData.json(BEFORE)).filteredOn(row -> row.id().equals(carried))
                .extracting(PortraitController.OpenDataRow::organization).containsExactly(before);
        assertThat(openData.json(AFTER)).filteredOn(row -> row.id().equals(carried))
                .extracting(PortraitController.OpenDataRow::organization).containsExactly("Organisme de test PQ-SANTEQC");
        assertThat(openData.csv(AFTER).getBody()).contains("Organisme de test PQ-SANTEQC", carried);

        // a renaming keeps every figure: the same initiatives, same ids, under the new name
        assertThat(jdbc.queryForList("select initiative_id from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.organization_code = 'PQ-NEWNAME' "
                + "order by initiative_id", String.class, AFTER)).containsExactlyInAnyOrderElementsOf(renamed);
    }

    /**
     * A year published without a campaign (a baseline, imported): no opening date, so a succession counts for it from
     * its first day, 1 January, as for the next year when it has no campaign either. The next year's Portrait notes
     * those that took effect after the baseline's 1 January and by its own: one on the baseline's 1 January counted for
     * the baseline itself, one on the next 2 January counts for the year after. (Years above the campaigns' range: no
     * campaign can have them.)
     */
    @Test
    void in_a_year_without_a_campaign_a_succession_counts_from_the_first_of_january() {
        int baselineYear = 2150;
        int next = 2151;
        for (String code : List.of("BY-JAN1", "BY-JAN2", "BY-NEXT", "BY-LATER", "BY-SUCC")) {
            TestOrganizations.create(organizations, code);
        }
        SystemAuthentication.runAsSystem(() -> baseline.importCsv(baselineYear, ("\"Nom de l'actif, du projet ou de "
                + "l'initiative\",Catégorie,Organisme responsable,Portefeuille ministériel,Bénéfices,Statut\n"
                + "Agent,Assistant/agent conversationnel,Organisme de test BY-JAN2,Finances,Réponses,Solution en production\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "coordo"));
        succession(new SuccessionForm(List.of("BY-JAN1"), "BY-SUCC", LocalDate.of(baselineYear, 1, 1), "Au premier jour", null));
        succession(new SuccessionForm(List.of("BY-JAN2"), "BY-SUCC", LocalDate.of(baselineYear, 1, 2), "Le lendemain", null));
        succession(new SuccessionForm(List.of("BY-NEXT"), "BY-SUCC", LocalDate.of(next, 1, 1), "L’an suivant", null));
        succession(new SuccessionForm(List.of("BY-LATER"), "BY-SUCC", LocalDate.of(next, 1, 2), "Plus tard", null));

        editions.publish(next, "coordo", null);
        Portrait portrait = editions.portrait(next);
        assertThat(portrait.previousYear()).isEqualTo(baselineYear);
        assertThat(portrait.successions()).extracting(Portrait.SuccessionNote::effectiveDate)
                .as("after the baseline's 1 January, by the next year's").containsExactly(
                        LocalDate.of(baselineYear, 1, 2), LocalDate.of(next, 1, 1));
        assertThat(portrait.successions().get(0).predecessors()).containsExactly("Organisme de test BY-JAN2");
    }

    /** Recorded as the coordinator's API and page record it. */
    private void succession(SuccessionForm form) {
        SystemAuthentication.runAsSystem(() -> successions.record(form));
    }
}
