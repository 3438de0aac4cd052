package ca.gouv.qc.declarationsia.publication;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.campaign.CampaignDashboard;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The year after 30 health establishments merged into one body and another body was renamed (issue 25, item 3): the
 * next campaign targets the successors and none of the bodies replaced, the coverage counts none of them as missing,
 * and the Portrait's total moves only by the year's real changes, noting who succeeded whom.
 */
@IntegrationTest
class SuccessionPortraitTest {

    /** Years of this class only. */
    private static final int BEFORE = 2024;
    private static final int AFTER = 2025;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestDeclarations pastDeclarations;

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

    @Test
    void after_the_merge_of_thirty_establishments_coverage_and_portrait_count_the_new_structure() throws Exception {
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

        String predecessors = establishments.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(","));
        succession("{\"predecessors\":[" + predecessors + "],\"successor\":\"PQ-SANTEQC\",\"effectiveDate\":\"" + BEFORE
                + "-12-01\",\"reason\":\"Santé Québec\"}");
        succession("{\"predecessors\":[\"PQ-OLDNAME\"],\"successor\":\"PQ-NEWNAME\",\"effectiveDate\":\"" + BEFORE
                + "-12-15\",\"reason\":\"Nouveau nom\",\"kind\":\"RENOMMAGE\"}");

        // the next campaign, created after the successions, targets the successors and none of the bodies replaced
        mvc.perform(post("/api/campaigns").with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + AFTER + ",\"referenceDate\":\"" + AFTER + "-06-30\",\"openingDate\":\""
                                + AFTER + "-09-01\",\"dueDate\":\"" + AFTER + "-10-31\",\"closingDate\":\"" + AFTER
                                + "-11-30\",\"allActiveOrganizations\":true}"))
                .andExpect(status().isCreated());
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
        mvc.perform(get("/api/portraits/{year}", AFTER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousYear").value(BEFORE))
                .andExpect(jsonPath("$.totalInitiatives").value(59 + 3 + 2))
                .andExpect(jsonPath("$.changeAbsolute").value(59 + 3 + 2 - 63 - others))
                .andExpect(jsonPath("$.organizationsWithInitiatives").value(3))
                .andExpect(jsonPath("$.newOrganizations").value(1)) // the new body; not the successors
                .andExpect(jsonPath("$.topOrganizations[0].name").value("Organisme de test PQ-SANTEQC"))
                .andExpect(jsonPath("$.topOrganizations[0].count").value(59))
                .andExpect(jsonPath("$.topOrganizations[1].name").value("Organisme de test PQ-NEWNAME"))
                .andExpect(jsonPath("$.topOrganizations[1].count").value(3))
                .andExpect(jsonPath("$.successions.length()").value(2))
                .andExpect(jsonPath("$.successions[0].kind").value("FUSION"))
                .andExpect(jsonPath("$.successions[0].effectiveDate").value(BEFORE + "-12-01"))
                .andExpect(jsonPath("$.successions[0].predecessors.length()").value(30))
                .andExpect(jsonPath("$.successions[0].successors[0]").value("Organisme de test PQ-SANTEQC"))
                .andExpect(jsonPath("$.successions[0].previousInitiatives").value(60))
                .andExpect(jsonPath("$.successions[0].initiatives").value(59))
                .andExpect(jsonPath("$.successions[1].kind").value("RENOMMAGE"))
                .andExpect(jsonPath("$.successions[1].predecessors[0]").value("Organisme de test PQ-OLDNAME"))
                .andExpect(jsonPath("$.successions[1].previousInitiatives").value(3))
                .andExpect(jsonPath("$.successions[1].initiatives").value(3));
        // the page says it as the public reads it: the 30 counted in the sentence, listed under it
        mvc.perform(get("/portrait/{year}", AFTER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "30 organismes intégrés à Organisme de test PQ-SANTEQC le 1er décembre " + BEFORE)))
                .andExpect(content().string(containsString("Initiatives publiées : 60 en " + BEFORE
                        + " sous l’ancienne structure, 59 en " + AFTER + " sous la nouvelle.")))
                .andExpect(content().string(containsString("<summary>Les 30 organismes remplacés</summary>")))
                .andExpect(content().string(containsString("remplace depuis le 1er décembre " + BEFORE + " : 30 organismes")))
                .andExpect(content().string(containsString("Organisme de test PQ-OLDNAME renommé Organisme de test "
                        + "PQ-NEWNAME le 15 décembre " + BEFORE)));

        // an initiative of a body replaced keeps its id; its public page and the open data name the body of each year
        String carried = jdbc.queryForObject("select initiative_id from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.organization_code = 'PQ-SANTEQC' "
                + "order by initiative_id limit 1", String.class, AFTER);
        String before = jdbc.queryForObject("select organization_name from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.initiative_id = ?", String.class, BEFORE, carried);
        assertThat(before).startsWith("Organisme de test PQ-CISSS-");
        mvc.perform(get("/portrait/initiatives/{id}", carried))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>" + before + "</td>")))
                .andExpect(content().string(containsString("<td>Organisme de test PQ-SANTEQC</td>")));
        mvc.perform(get("/open-data/{year}/initiatives.json", BEFORE))
                .andExpect(jsonPath("$[?(@.id == '" + carried + "')].organization", contains(before)));
        mvc.perform(get("/open-data/{year}/initiatives.json", AFTER))
                .andExpect(jsonPath("$[?(@.id == '" + carried + "')].organization", contains("Organisme de test PQ-SANTEQC")));
        mvc.perform(get("/open-data/{year}/initiatives.csv", AFTER))
                .andExpect(content().string(containsString("Organisme de test PQ-SANTEQC")))
                .andExpect(content().string(containsString(carried)));

        // a renaming keeps every figure: the same initiatives, same ids, under the new name
        assertThat(jdbc.queryForList("select initiative_id from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.organization_code = 'PQ-NEWNAME' "
                + "order by initiative_id", String.class, AFTER)).containsExactlyInAnyOrderElementsOf(renamed);
    }

    private void succession(String body) throws Exception {
        mvc.perform(post("/api/organizations/successions").with(httpBasic("coordo", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }
}
