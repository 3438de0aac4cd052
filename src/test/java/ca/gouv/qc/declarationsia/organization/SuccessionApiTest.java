package ca.gouv.qc.declarationsia.organization;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Successions in the registry (issue 25): merges, renamings and splits recorded through the API; the successor's next
 * declaration carries every initiative still active at its predecessors, ids unchanged; each bad input refused with
 * the field named, nothing changed.
 */
@IntegrationTest
class SuccessionApiTest {

    /**
     * Merge, rename and split 2026 → 2027, years named on purpose (TestYears.NAMED: the dates of the requests say
     * them), shared with the journeys after a merge, which assert only their own bodies there as this class does.
     */
    private static final int BEFORE = 2026;
    private static final int AFTER = 2027;
    /** The merger's years too (2022 is LaunchBatchReadsTest's and DeclarationStatusRowsTest's): bodies of its own. */
    private static final int MERGE_BEFORE = BEFORE;
    private static final int MERGE_AFTER = AFTER;
    /** A campaign planned while successions recorded ahead of their date wait for it. */
    private static final int PLANNED = TestYears.take(2);
    /** The campaign after it. */
    private static final int NEXT = PLANNED + 1;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    DeclarationLifecycle lifecycle;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Successions successions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thirty_health_establishments_merge_and_the_next_declaration_carries_all_their_active_initiatives() throws Exception {
        campaigns.closedCampaigns(MERGE_BEFORE, MERGE_AFTER);
        List<String> establishments = IntStream.rangeClosed(1, 30).mapToObj(i -> "SQ-CISSS-" + i).toList();
        List<String> active = new ArrayList<>();
        for (String code : establishments) {
            TestOrganizations.create(organizations, code);
            List<String> ids = pastDeclarations.accepted(MERGE_BEFORE, code, 2, true);
            active.addAll(ids.subList(0, 2)); // the third is retired
        }
        TestOrganizations.create(organizations, "SQ-SANTEQC");
        String predecessors = establishments.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(","));

        succession("{\"predecessors\":[" + predecessors + "],\"successor\":\"SQ-SANTEQC\",\"effectiveDate\":\""
                + MERGE_BEFORE + "-12-01\",\"reason\":\"Loi sur l’efficacité du système de santé (Santé Québec)\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("FUSION"))
                .andExpect(jsonPath("$.predecessors.length()").value(30))
                .andExpect(jsonPath("$.successors[0]").value("SQ-SANTEQC"))
                .andExpect(jsonPath("$.recordedBy").value("coordo"));

        mvc.perform(get("/api/organizations/SQ-SANTEQC").with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessors.length()").value(30))
                .andExpect(jsonPath("$.predecessors", hasItem("SQ-CISSS-7")));
        mvc.perform(get("/api/organizations/SQ-CISSS-7").with(httpBasic("coordo", "demo")))
                .andExpect(jsonPath("$.successor").value("SQ-SANTEQC"))
                .andExpect(jsonPath("$.active").value(false));

        // the next campaign: the 30 are no longer in the registry's active bodies, so none is targeted nor missing
        assertThat(jdbc.queryForObject("select count(*) from organization where active and code like 'SQ-CISSS-%'",
                Integer.class)).isZero();
        transactions.executeWithoutResult(tx -> lifecycle.createDraft(MERGE_AFTER, "SQ-SANTEQC"));
        List<String> carried = jdbc.queryForList("""
                select s.initiative_id from initiative_snapshot s join declaration d on d.id = s.declaration_id
                 where d.campaign_year = ? and d.organization_code = 'SQ-SANTEQC' order by s.position
                """, String.class, MERGE_AFTER);
        assertThat(carried).as("every active initiative of the 30, once, id unchanged").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(active);

        // the submission rule knows them: none may disappear silently from the successor's declaration
        jdbc.update("delete from initiative_snapshot where initiative_id = ? and declaration_id = (select id from "
                + "declaration where campaign_year = ? and organization_code = 'SQ-SANTEQC')", active.get(5), MERGE_AFTER);
        mvc.perform(post("/api/campaigns/{year}/declarations/{code}/validate", MERGE_AFTER, "SQ-SANTEQC").with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[?(@.code == 'CarryOverMissing')].message", hasItem(containsString(active.get(5)))));
    }

    @Test
    void a_renaming_carries_every_initiative_once_and_not_again_the_year_after() throws Exception {
        campaigns.closedCampaigns(BEFORE, AFTER);
        TestOrganizations.create(organizations, "RN-OLD");
        TestOrganizations.create(organizations, "RN-NEW");
        List<String> ids = pastDeclarations.accepted(BEFORE, "RN-OLD", 3, false);
        succession("{\"predecessors\":[\"RN-OLD\"],\"successor\":\"RN-NEW\",\"effectiveDate\":\"" + BEFORE
                + "-12-15\",\"reason\":\"Nouveau nom au remaniement\",\"kind\":\"RENOMMAGE\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("RENOMMAGE"));
        transactions.executeWithoutResult(tx -> lifecycle.createDraft(AFTER, "RN-NEW"));
        assertThat(snapshotIds(AFTER, "RN-NEW")).containsExactlyElementsOf(ids);
    }

    @Test
    void a_split_assigns_each_active_initiative_to_one_successor() throws Exception {
        campaigns.closedCampaigns(BEFORE, AFTER);
        for (String code : List.of("SP-OLD", "SP-A", "SP-B")) {
            TestOrganizations.create(organizations, code);
        }
        List<String> ids = pastDeclarations.accepted(BEFORE, "SP-OLD", 3, false);

        String unassigned = "{\"predecessor\":\"SP-OLD\",\"successors\":[\"SP-A\",\"SP-B\"],\"effectiveDate\":\"" + BEFORE
                + "-12-01\",\"reason\":\"Scission\",\"assignments\":{\"" + ids.get(0) + "\":\"SP-A\",\"" + ids.get(1)
                + "\":\"SP-B\"}}";
        split(unassigned)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("assignments"))
                .andExpect(jsonPath("$.errors[0].code").value("Unassigned"))
                .andExpect(jsonPath("$.errors[0].message", containsString(ids.get(2))));
        assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'SP-OLD'",
                Integer.class)).isZero();
        // the split's page is a coordinator's, as its API is (its journey is CoordinatorJourneyTest.TheRegistry's)
        mvc.perform(get("/organisations/scission").param("predecessor", "SP-OLD").with(httpBasic("gestion", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/scission").with(httpBasic("gestion", "demo")).with(csrf())
                        .param("predecessor", "SP-OLD").param("successors", "SP-A, SP-B").param("effectiveDate", BEFORE + "-12-01")
                        .param("reason", "Scission").param("a." + ids.get(0), "SP-A").param("a." + ids.get(1), "SP-B")
                        .param("a." + ids.get(2), "SP-A"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'SP-OLD'",
                Integer.class)).isZero();

        split(unassigned.replace("}}", ",\"" + ids.get(2) + "\":\"SP-A\"}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("SCISSION"));
        mvc.perform(get("/api/organizations/SP-OLD").with(httpBasic("coordo", "demo")))
                .andExpect(jsonPath("$.successors", org.hamcrest.Matchers.contains("SP-A", "SP-B")));
        transactions.executeWithoutResult(tx -> {
            lifecycle.createDraft(AFTER, "SP-A");
            lifecycle.createDraft(AFTER, "SP-B");
        });
        assertThat(snapshotIds(AFTER, "SP-A")).containsExactly(ids.get(0), ids.get(2));
        assertThat(snapshotIds(AFTER, "SP-B")).containsExactly(ids.get(1));
    }

    @Test
    void each_bad_succession_is_refused_naming_the_field_and_changes_nothing() throws Exception {
        campaigns.closedCampaigns(BEFORE, AFTER);
        for (String code : List.of("BS-A", "BS-B", "BS-C", "BS-D")) {
            TestOrganizations.create(organizations, code);
        }
        pastDeclarations.accepted(AFTER, "BS-D", 1, false); // accepted in 2027
        int before = jdbc.queryForObject("select count(*) from organization_succession", Integer.class);

        refused("{\"predecessors\":[\"BS-NOPE\"],\"successor\":\"BS-B\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}",
                "predecessors[0]", "Unknown", "Organismes remplacés : aucun organisme du registre n’a le code « BS-NOPE »");
        refused("{\"predecessors\":[\"BS-A\"],\"successor\":\"BS-ZZZ\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}",
                "successor", "Unknown", "Organisme successeur : aucun organisme");
        refused("{\"predecessors\":[\"BS-A\"],\"successor\":\"BS-A\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}",
                "successor", "Self", "ne peut pas se succéder à lui-même");
        refused("{\"predecessors\":[\"BS-D\"],\"successor\":\"BS-C\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}",
                "effectiveDate", "BeforeLastDeclaration", "Date d’effet : la date d’effet doit suivre l’ouverture de la "
                        + "campagne 2027 (1er septembre 2027), où BS-D a fait sa dernière déclaration acceptée");
        // the same year, on the opening day: BS-D was still to declare in that campaign, and did
        refused("{\"predecessors\":[\"BS-D\"],\"successor\":\"BS-C\",\"effectiveDate\":\"2027-09-01\",\"reason\":\"x\"}",
                "effectiveDate", "BeforeLastDeclaration", "campagne 2027 (1er septembre 2027)");
        refused("{\"predecessors\":[\"BS-A\"],\"successor\":\"BS-B\",\"effectiveDate\":null,\"reason\":\"\"}",
                "effectiveDate", "NotNull", "Date d’effet : obligatoire");
        assertThat(jdbc.queryForObject("select count(*) from organization_succession", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from organization where active and code like 'BS-%'",
                Integer.class)).isEqualTo(4);

        succession("{\"predecessors\":[\"BS-A\"],\"successor\":\"BS-B\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"Absorption\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("ABSORPTION"));
        refused("{\"predecessors\":[\"BS-B\"],\"successor\":\"BS-A\",\"effectiveDate\":\"2026-12-02\",\"reason\":\"x\"}",
                "successor", "Cycle", "ce serait un cycle");
        refused("{\"predecessors\":[\"BS-A\"],\"successor\":\"BS-C\",\"effectiveDate\":\"2026-12-02\",\"reason\":\"x\"}",
                "predecessors[0]", "AlreadySucceeded", "a déjà été remplacé par BS-B");
        mvc.perform(post("/api/organizations/successions").with(httpBasic("coordo", "demo"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"predecessors\":[\"BS-C\"],\"successor\":\"BS-C\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message").value("Successor body: body BS-C cannot succeed itself"));
        mvc.perform(post("/api/organizations/successions").with(httpBasic("gestion", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"predecessors\":[\"BS-C\"],\"successor\":\"BS-D\",\"effectiveDate\":\"2027-12-01\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from organization_succession", Integer.class)).isEqualTo(before + 1);
    }

    /**
     * A succession recorded ahead of its date (issue 25): the bodies it replaces stay active, and targeted, until then.
     * A campaign opening on or after the date targets their successors instead, whether planned before the succession
     * was recorded or after; one opening before it keeps them: they declare that year themselves, the successor does
     * not carry their initiatives that year (never two declarations of one initiative in one year), and they become
     * inactive on the date with their declaration of that year completed as it is. The next campaign carries them.
     */
    @Test
    void a_succession_recorded_ahead_of_its_date_leaves_the_bodies_replaced_to_declare_until_then() throws Exception {
        for (String code : List.of("PL-A", "PL-B", "PL-SUCC", "PL-OTHER", "PL-OTHER-NEW", "FU-OLD", "FU-QUIET", "FU-NEW")) {
            TestOrganizations.create(organizations, code);
        }
        campaigns.closedCampaigns(BEFORE, NEXT);
        List<String> ids = pastDeclarations.accepted(BEFORE, "FU-OLD", 2, false);
        // FU-QUIET is not asked to declare in the year the merger takes effect: its initiative must not be lost
        List<String> quiet = pastDeclarations.accepted(BEFORE, "FU-QUIET", 1, false);
        TestCampaigns.clockAt(LocalDateTime.of(PLANNED, 1, 10, 13, 0));
        try {
            // recorded in January: a merger from April, before the campaign's opening, and another from October
            succession("{\"predecessors\":[\"PL-A\",\"PL-B\"],\"successor\":\"PL-SUCC\",\"effectiveDate\":\"" + PLANNED
                    + "-04-01\",\"reason\":\"Fusion avant l’ouverture\"}").andExpect(status().isCreated());
            succession("{\"predecessors\":[\"FU-OLD\",\"FU-QUIET\"],\"successor\":\"FU-NEW\",\"effectiveDate\":\"" + PLANNED
                    + "-10-01\",\"reason\":\"Fusion pendant la campagne\"}").andExpect(status().isCreated());
            assertThat(active("PL-A", "PL-B", "FU-OLD")).as("active until the effective date").containsOnly(true);
            mvc.perform(get("/api/organizations/FU-OLD").with(httpBasic("coordo", "demo")))
                    .andExpect(jsonPath("$.active").value(true))
                    .andExpect(jsonPath("$.successor").value("FU-NEW"));

            // the campaign planned after: opening on 1 September, it targets the merger's successor, and FU-OLD
            mvc.perform(post("/api/campaigns").with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"year\":" + PLANNED + ",\"referenceDate\":\"" + PLANNED + "-06-30\",\"openingDate\":\""
                                    + PLANNED + "-09-01\",\"dueDate\":\"" + PLANNED + "-10-31\",\"closingDate\":\"" + PLANNED
                                    + "-11-30\",\"organizationCodes\":[\"PL-A\",\"PL-B\",\"PL-OTHER\",\"FU-OLD\",\"FU-NEW\"]}"))
                    .andExpect(status().isCreated());
            assertThat(targets(PLANNED)).containsExactlyInAnyOrder("PL-SUCC", "PL-OTHER", "FU-OLD", "FU-NEW");

            // a renaming recorded after the campaign was planned, taking effect before its opening: followed too
            succession("{\"predecessors\":[\"PL-OTHER\"],\"successor\":\"PL-OTHER-NEW\",\"effectiveDate\":\"" + PLANNED
                    + "-06-01\",\"reason\":\"Nouveau nom\",\"kind\":\"RENOMMAGE\"}").andExpect(status().isCreated());
            assertThat(targets(PLANNED)).as("the bodies replaced are neither invited nor counted as non-respondents")
                    .containsExactlyInAnyOrder("PL-SUCC", "PL-OTHER-NEW", "FU-OLD", "FU-NEW");

            // the campaign opens, the successor's declaration first: it carries none of FU-OLD's initiatives this year
            transactions.executeWithoutResult(tx -> {
                lifecycle.createDraft(PLANNED, "FU-NEW");
                lifecycle.createDraft(PLANNED, "FU-OLD");
            });
            assertThat(snapshotIds(PLANNED, "FU-NEW")).isEmpty();
            assertThat(snapshotIds(PLANNED, "FU-OLD")).containsExactlyElementsOf(ids);

            // each effective date comes: the night's pass makes the bodies replaced inactive, not before
            TestCampaigns.clockAt(LocalDateTime.of(PLANNED, 4, 1, 12, 0));
            successions.deactivateDue();
            assertThat(active("PL-A", "PL-B")).containsOnly(false);
            assertThat(active("FU-OLD")).containsOnly(true);
            TestCampaigns.clockAt(LocalDateTime.of(PLANNED, 10, 1, 12, 0));
            successions.deactivateDue();
            assertThat(active("FU-OLD")).containsOnly(false);
            assertThat(targets(PLANNED)).as("its declaration of the year is completed as it is").contains("FU-OLD");
            assertThat(snapshotIds(PLANNED, "FU-OLD")).containsExactlyElementsOf(ids);
        } finally {
            ClockUtil.reset();
        }

        // the next campaign: the successor carries FU-OLD's initiatives, ids unchanged, from its declaration of the year,
        // and FU-QUIET's, from its last one (BEFORE): it did not declare in PLANNED, nor did anyone carry them that year
        transactions.executeWithoutResult(tx -> lifecycle.createDraft(NEXT, "FU-NEW"));
        assertThat(snapshotIds(NEXT, "FU-NEW")).containsExactlyInAnyOrder(ids.get(0), ids.get(1), quiet.get(0));
    }

    /** A campaign open while a succession is recorded late (this class's only open one), and the year before it. */
    private static final int LATE_BEFORE = TestYears.take(2);
    private static final int LATE_OPEN = LATE_BEFORE + 1;

    /**
     * A succession recorded during the campaign it counts for (its date on or before the opening): the successor's
     * declaration, opened before, would be asked at submission for initiatives it was never given. Still a draft: they
     * come into it, ids, answers and provenance as the carry-over gives them; a predecessor with its own declaration
     * that year keeps it (its initiatives come at the next campaign). Already submitted: the date is refused, naming
     * the first date accepted, in the user's language, nothing changed.
     */
    @Test
    void a_succession_recorded_late_in_an_open_campaign_brings_the_initiatives_into_the_successor_draft_or_is_refused()
            throws Exception {
        for (String code : List.of("LT-OLD", "LT-KEEP", "LT-NEW", "LT-GONE", "LT-SENT")) {
            TestOrganizations.create(organizations, code);
        }
        campaigns.closedCampaigns(LATE_BEFORE);
        List<String> old = pastDeclarations.accepted(LATE_BEFORE, "LT-OLD", 2, true);
        List<String> kept = pastDeclarations.accepted(LATE_BEFORE, "LT-KEEP", 1, false);
        List<String> gone = pastDeclarations.accepted(LATE_BEFORE, "LT-GONE", 1, false);
        campaigns.openCampaign(LATE_OPEN);
        try {
            transactions.executeWithoutResult(tx -> {
                lifecycle.createDraft(LATE_OPEN, "LT-NEW");
                lifecycle.createDraft(LATE_OPEN, "LT-KEEP");
                lifecycle.createDraft(LATE_OPEN, "LT-SENT");
            });
            jdbc.update("update declaration set status = 'SOUMISE', submitted_at = now() where campaign_year = ? "
                    + "and organization_code = 'LT-SENT'", LATE_OPEN);
            // recorded in October, during the campaign, a merger from June: it counts for this campaign
            TestCampaigns.clockAt(LocalDateTime.of(LATE_OPEN, 10, 5, 13, 0));

            succession("{\"predecessors\":[\"LT-OLD\",\"LT-KEEP\"],\"successor\":\"LT-NEW\",\"effectiveDate\":\""
                    + LATE_OPEN + "-06-01\",\"reason\":\"Fusion inscrite en retard\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.openCampaign[0].campaignYear").value(LATE_OPEN))
                    .andExpect(jsonPath("$.openCampaign[0].carriedInto", org.hamcrest.Matchers.contains(old.get(0), old.get(1))))
                    .andExpect(jsonPath("$.openCampaign[0].declaringThemselves", org.hamcrest.Matchers.contains("LT-KEEP")));
            assertThat(snapshotIds(LATE_OPEN, "LT-NEW")).as("LT-OLD's active initiatives, ids unchanged, once")
                    .containsExactly(old.get(0), old.get(1));
            assertThat(snapshotIds(LATE_OPEN, "LT-KEEP")).as("LT-KEEP's own declaration, completed as it is")
                    .containsExactlyElementsOf(kept);
            // the submission asks nothing it was not given: no carried-over initiative missing
            mvc.perform(post("/api/campaigns/{year}/declarations/{code}/validate", LATE_OPEN, "LT-NEW")
                            .with(httpBasic("coordo", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.errors[?(@.code == 'CarryOverMissing')]").isEmpty());
            // the successor has submitted: the date is refused, naming the first accepted, nothing changed
            int before = jdbc.queryForObject("select count(*) from organization_succession", Integer.class);
            refused("{\"predecessors\":[\"LT-GONE\"],\"successor\":\"LT-SENT\",\"effectiveDate\":\"" + LATE_OPEN
                    + "-06-01\",\"reason\":\"x\"}", "effectiveDate", "SuccessorDeclared",
                    "Date d’effet : cette date fait compter la succession pour la campagne " + LATE_OPEN + ", ouverte le 1er "
                            + "septembre " + LATE_OPEN + ", mais la déclaration " + LATE_OPEN + " de LT-SENT est déjà à "
                            + "l’état « Soumise » et ne peut plus recevoir les initiatives des organismes remplacés ("
                            + gone.get(0) + "). Une date d’effet à partir du 2 septembre " + LATE_OPEN + " est acceptée");
            mvc.perform(post("/api/organizations/successions").with(httpBasic("coordo", "demo"))
                            .header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"predecessors\":[\"LT-GONE\"],\"successor\":\"LT-SENT\",\"effectiveDate\":\""
                                    + LATE_OPEN + "-06-01\",\"reason\":\"x\"}"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.errors[0].path").value("effectiveDate"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("is already “Submitted”")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("will then count from the next campaign")));
            assertThat(jdbc.queryForObject("select count(*) from organization_succession", Integer.class)).isEqualTo(before);
            assertThat(active("LT-GONE")).containsOnly(true);
            assertThat(snapshotIds(LATE_OPEN, "LT-SENT")).isEmpty();

            // the date said: the succession counts from the next campaign, the submitted declaration untouched
            succession("{\"predecessors\":[\"LT-GONE\"],\"successor\":\"LT-SENT\",\"effectiveDate\":\"" + LATE_OPEN
                    + "-09-02\",\"reason\":\"Absorption\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.openCampaign").isEmpty());
            assertThat(snapshotIds(LATE_OPEN, "LT-SENT")).isEmpty();
            assertThat(active("LT-GONE")).containsOnly(false);
        } finally {
            ClockUtil.reset();
            jdbc.update("update campaign set status = 'FERMEE' where year = ?", LATE_OPEN);
        }
    }

    private List<String> targets(int year) {
        return jdbc.queryForList("select organization_code from campaign_target where campaign_year = ?", String.class,
                year);
    }

    private List<Boolean> active(String... codes) {
        return java.util.Arrays.stream(codes).map(code -> jdbc.queryForObject(
                "select active from organization where code = ?", Boolean.class, code)).toList();
    }

    private void refused(String body, String path, String code, String message) throws Exception {
        succession(body)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.path == '" + path + "')].code", hasItem(code)))
                .andExpect(jsonPath("$.errors[?(@.path == '" + path + "')].message", hasItem(containsString(message))));
    }

    private ResultActions succession(String body) throws Exception {
        return mvc.perform(post("/api/organizations/successions").with(httpBasic("coordo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions split(String body) throws Exception {
        return mvc.perform(post("/api/organizations/successions/split").with(httpBasic("coordo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<String> snapshotIds(int year, String code) {
        return jdbc.queryForList("""
                select s.initiative_id from initiative_snapshot s join declaration d on d.id = s.declaration_id
                 where d.campaign_year = ? and d.organization_code = ? order by s.position
                """, String.class, year, code);
    }
}
