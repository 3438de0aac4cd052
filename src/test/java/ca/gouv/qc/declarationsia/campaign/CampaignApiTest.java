package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Coordinators create, launch and follow campaigns by API and pages; errors name the field; managers only read. */
@IntegrationTest
class CampaignApiTest {

    /** Six years of its own, YEAR to YEAR + 5: one to each test. */
    private static final int YEAR = TestYears.take(6);
    /** A campaign launched the December before its year: that year and the next. */
    private static final int EARLY_YEAR = TestYears.take(2);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle opening;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR + 1);
        campaigns.cleanUp(YEAR + 2);
    }

    @Test
    void wrong_dates_and_targets_are_refused_field_by_field_and_nothing_is_created() throws Exception {
        mvc.perform(asCoordinator(post("/api/campaigns")).content("""
                        {"year": %d, "referenceDate": "%d-06-30", "openingDate": "%d-11-01", "dueDate": "%d-10-31",
                         "closingDate": "%d-10-01", "reminderOffsets": [30, 400], "organizationCodes": ["MRNF", "NOPE"]}
                        """.formatted(YEAR, YEAR, YEAR, YEAR, YEAR)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("dueDate")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("closingDate")))
                .andExpect(jsonPath("$.errors[?(@.path == 'dueDate')].message", hasItem("Date limite : doit être après la date d’ouverture")));
        mvc.perform(asCoordinator(post("/api/campaigns")).content("""
                        {"year": %d, "referenceDate": "%d-06-30", "openingDate": "%d-09-01", "dueDate": "%d-10-31",
                         "closingDate": "%d-11-30", "reminderOffsets": [30, 90], "organizationCodes": ["MRNF", "NOPE"]}
                        """.formatted(YEAR, YEAR, YEAR, YEAR, YEAR)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("reminderOffsets[1]")))
                .andExpect(jsonPath("$.errors[?(@.path == 'organizationCodes')].message", hasItem(containsString("NOPE"))));
        // a malformed code is said once, as malformed, with the date errors beside it: no lookup of the list
        mvc.perform(asCoordinator(post("/api/campaigns")).content("""
                        {"year": %d, "referenceDate": "%d-06-30", "openingDate": "%d-11-01", "dueDate": "%d-10-31",
                         "closingDate": "%d-11-30", "organizationCodes": ["MRNF", "pas un code"]}
                        """.formatted(YEAR, YEAR, YEAR, YEAR, YEAR)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("dueDate")))
                .andExpect(jsonPath("$.errors[?(@.path == 'organizationCodes')]").isEmpty())
                .andExpect(jsonPath("$.errors[?(@.path =~ /organizationCodes\\[1].*/)]").isNotEmpty());
        assertThat(jdbc.queryForObject("select count(*) from campaign where year = ?", Integer.class, YEAR)).isZero();
    }

    @Test
    void a_coordinator_creates_launches_and_follows_a_campaign_and_only_one_is_open_at_a_time() throws Exception {
        TestOrganizations.create(organizations, "API-1");
        TestOrganizations.create(organizations, "API-2");
        TestCampaigns.clockAt(LocalDateTime.of(YEAR + 1, 9, 1, 13, 0));
        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(YEAR + 1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PLANIFIEE"));
        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(YEAR + 2)))
                .andExpect(status().isCreated());

        mvc.perform(asCoordinator(post("/api/campaigns/{year}/launch", YEAR + 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OUVERTE"));
        campaigns.runDueJobs(YEAR + 1);
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/launch", YEAR + 2)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("une seule campagne peut être ouverte")));

        mvc.perform(get("/api/campaigns/{year}", YEAR + 1).with(httpBasic("gestion", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets").value(2))
                .andExpect(jsonPath("$.declarationsByStatus.BROUILLON").value(2))
                .andExpect(jsonPath("$.responseRate").value(0.0))
                .andExpect(jsonPath("$.mailsPending").value(0));
        mvc.perform(get("/api/campaigns/{year}/tracking", YEAR + 1).with(httpBasic("gestion", "demo")))
                .andExpect(jsonPath("$[0].organizationCode").value("API-1"))
                .andExpect(jsonPath("$[0].lastMailKind").value("INVITATION"))
                .andExpect(jsonPath("$[0].lastMailStatus").value("SENT"));

        mvc.perform(post("/api/campaigns/{year}/close", YEAR + 1).with(httpBasic("gestion", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/declarations/API-1/extension", YEAR + 1))
                        .content("{\"dueDate\": \"%d-10-01\", \"reason\": \"\"}".formatted(YEAR + 1)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("reason"));
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/declarations/API-1/extension", YEAR + 1))
                        .content("{\"dueDate\": \"%d-10-01\", \"reason\": \"Congé\"}".formatted(YEAR + 1)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("dueDate"));
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/close", YEAR + 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FERMEE"));
    }

    @Test
    void the_dashboard_page_and_its_csv_export_show_every_organization_read_only_for_managers() throws Exception {
        TestOrganizations.create(organizations, "PAGE-1");
        campaigns.create(YEAR + 3, java.util.List.of("PAGE-1"));
        jdbc.update("update organization set name_fr = '=SOMME(A1)' where code = 'PAGE-1'");

        mvc.perform(get("/campagnes/{year}", YEAR + 3).with(httpBasic("gestion", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PAGE-1")))
                .andExpect(content().string(not(containsString("/lancer"))));
        mvc.perform(get("/campagnes/{year}", YEAR + 3).with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("/campagnes/" + (YEAR + 3) + "/lancer")));
        mvc.perform(get("/campagnes/{year}/suivi.csv", YEAR + 3).with(httpBasic("gestion", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("PAGE-1,'=SOMME(A1),Brouillon")));
        mvc.perform(get("/campagnes/{year}", YEAR + 3).with(httpBasic("ia.mrnf@example.qc.ca", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_coordinator_exempts_a_body_that_has_not_submitted_and_its_reminders_stop() throws Exception {
        TestOrganizations.create(organizations, "EXE-1");
        campaigns.create(YEAR + 4, java.util.List.of("EXE-1"));
        transactions.executeWithoutResult(status -> opening.open(YEAR + 4, "EXE-1"));
        String url = "/campagnes/" + (YEAR + 4) + "/exemption";

        mvc.perform(post(url).with(httpBasic("gestion", "demo")).with(csrf()).param("organizationCode", "EXE-1")
                .param("reason", "Organisme dissous")).andExpect(status().isForbidden());
        mvc.perform(post(url).with(httpBasic("coordo", "demo")).with(csrf()).param("organizationCode", "EXE-1")
                        .param("reason", "Organisme dissous le 1er septembre"))
                .andExpect(status().isFound())
                .andExpect(result -> assertThat(result.getFlashMap().get("errors")).as("not confirmed").asList()
                        .extracting(error -> ((Violation) error).path()).containsExactly("confirmExemption"));
        assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = 'EXE-1'",
                String.class, YEAR + 4)).as("nothing done without the confirmation").isEqualTo("BROUILLON");
        mvc.perform(post(url).with(httpBasic("coordo", "demo")).with(csrf()).param("organizationCode", "EXE-1")
                .param("reason", "Organisme dissous le 1er septembre").param("confirmed", "true")).andExpect(status().isFound());

        assertThat(jdbc.queryForMap("select status, exemption_reason from declaration where campaign_year = ? "
                + "and organization_code = 'EXE-1'", YEAR + 4))
                .containsEntry("status", "EXEMPTEE").containsEntry("exemption_reason", "Organisme dissous le 1er septembre");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey((YEAR + 4) + "-EXE-1").count())
                .as("no process, so no reminder").isZero();
        campaigns.cleanUp(YEAR + 4);
    }

    @Test
    void the_dashboard_shows_a_large_campaign_50_bodies_a_page_and_a_mistyped_code_names_the_field() throws Exception {
        java.util.List<String> codes = java.util.stream.IntStream.rangeClosed(1, 120).mapToObj("PAGING-%03d"::formatted).toList();
        jdbc.batchUpdate("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', false, 'dri@paging.example.qc.ca')
                """, codes.stream().map(code -> new Object[] {code, "Organisme " + code, "Body " + code}).toList());
        campaigns.create(YEAR + 5, codes);

        mvc.perform(get("/campagnes/{year}", YEAR + 5).param("sort", "code").with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("120 organisme(s)")))
                .andExpect(content().string(containsString("Page 1 sur 3 : organismes 1 à 50 sur 120")))
                .andExpect(content().string(containsString("(PAGING-050)")))
                .andExpect(content().string(not(containsString("(PAGING-051)"))));
        mvc.perform(get("/campagnes/{year}", YEAR + 5).param("sort", "code").param("page", "3").with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("Page 3 sur 3 : organismes 101 à 120 sur 120")))
                .andExpect(content().string(containsString("(PAGING-120)")))
                .andExpect(content().string(not(containsString("(PAGING-100)"))));
        for (String beyond : java.util.List.of("50000000", "99999999999999")) {
            mvc.perform(get("/campagnes/{year}", YEAR + 5).param("sort", "code").param("page", beyond).with(httpBasic("coordo", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Page 3 sur 3 : organismes 101 à 120 sur 120")));
        }
        for (String nonsense : java.util.List.of("-1", "0", "abc", "")) {
            mvc.perform(get("/campagnes/{year}", YEAR + 5).param("page", nonsense).with(httpBasic("coordo", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Page 1 sur 3 : organismes 1 à 50 sur 120")));
        }
        mvc.perform(get("/campagnes/{year}", YEAR + 5).param("status", "ACCEPTEE").param("page", "9").with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 organisme(s)")));
        mvc.perform(get("/campagnes/{year}/suivi.csv", YEAR + 5).with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("PAGING-001,")))
                .andExpect(content().string(containsString("PAGING-120,")));

        mvc.perform(post("/campagnes/{year}/exemption", YEAR + 5).with(httpBasic("coordo", "demo")).with(csrf())
                        .param("organizationCode", "PAGING-999").param("reason", "Organisme dissous").param("confirmed", "true"))
                .andExpect(status().isFound())
                .andExpect(result -> assertThat(result.getFlashMap().get("errors")).asList()
                        .extracting(error -> ((Violation) error).path()).containsExactly("organizationCode"));
        campaigns.cleanUp(YEAR + 5);
    }

    @Test
    void a_launch_before_the_opening_date_schedules_the_opening_once_and_the_page_asks_to_confirm_first() throws Exception {
        int year = EARLY_YEAR;
        TestOrganizations.create(organizations, "EARLY-1");
        TestCampaigns.clockAt(LocalDateTime.of(year - 1, 12, 1, 18, 31));
        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(year).replace("API-1\", \"API-2", "EARLY-1")))
                .andExpect(status().isCreated());
        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(year + 1).replace("API-1\", \"API-2", "EARLY-1")))
                .andExpect(status().isCreated());
        try {
            mvc.perform(post("/campagnes/{year}/lancer", year).with(httpBasic("gestion", "demo")).with(csrf())
                    .param("confirmed", "true")).andExpect(status().isForbidden());
            mvc.perform(post("/campagnes/{year}/lancer", year).with(httpBasic("coordo", "demo")).with(csrf()))
                    .andExpect(status().isFound())
                    .andExpect(result -> assertThat(result.getFlashMap().get("errors")).asList()
                            .extracting(error -> ((Violation) error).path()).containsExactly("confirmLaunch"));
            assertThat(jdbc.queryForObject("select launched_at is null from campaign where year = ?", Boolean.class, year))
                    .as("not launched without the confirmation").isTrue();
            mvc.perform(get("/campagnes/{year}", year).with(httpBasic("coordo", "demo")))
                    .andExpect(content().string(allOf(containsString("Le lancement programme l’ouverture : l’organisme visé "
                                    + "recevra son invitation le 1er septembre " + year),
                            containsString("Lancer et programmer l’ouverture"), not(containsString("Brouillon")),
                            not(containsString("Taux de réponse")))));

            mvc.perform(asCoordinator(post("/api/campaigns/{year}/launch", year)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PLANIFIEE"))
                    .andExpect(jsonPath("$.openingScheduled").value(true))
                    .andExpect(jsonPath("$.declarationsByStatus").isEmpty());
            mvc.perform(asCoordinator(post("/api/campaigns/{year}/launch", year)))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.errors[0].message", containsString("son ouverture est programmée le 1er septembre " + year)));
            mvc.perform(asCoordinator(post("/api/campaigns/{year}/launch", year + 1)))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.errors[0].message", containsString("une seule campagne peut être ouverte ou programmée")));
            mvc.perform(asCoordinator(post("/api/campaigns/{year}/close", year)))
                    .andExpect(status().isUnprocessableEntity());
            assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ?", Integer.class, year))
                    .isZero();

            // the history tells it, for staff only, found by its business key
            mvc.perform(get("/campagnes/historique").param("cle", " " + year + " ").with(httpBasic("gestion", "demo")))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/campagnes/" + year + "/historique"));
            mvc.perform(get("/campagnes/{year}/historique", year).with(httpBasic("gestion", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("ouverture programmée le 1er septembre " + year),
                            containsString("En attente de la date d’ouverture"))));
            mvc.perform(get("/campagnes/historique").param("cle", year + "-EARLY-1").with(httpBasic("gestion", "demo")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("aucune campagne ni déclaration pour « " + year + "-EARLY-1 »")));
            mvc.perform(get("/campagnes/historique").param("cle", "MRNF 2027").with(httpBasic("gestion", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"cle-error\"")));
            mvc.perform(get("/campagnes/{year}/historique", year).with(httpBasic("ia.mrnf@example.qc.ca", "demo")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/campagnes/historique").param("cle", String.valueOf(year)).with(httpBasic("ia.mrnf@example.qc.ca", "demo")))
                    .andExpect(status().isForbidden());
        } finally {
            campaigns.cleanUp(year);
            campaigns.cleanUp(year + 1);
        }
    }

    private static String campaign(int year) {
        return """
                {"year": %d, "referenceDate": "%d-06-30", "openingDate": "%d-09-01", "dueDate": "%d-10-31",
                 "closingDate": "%d-11-30", "organizationCodes": ["API-1", "API-2"]}
                """.formatted(year, year, year, year, year);
    }

    private static MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON);
    }
}
