package ca.gouv.qc.declarationsia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The successions' door (issue 25): what the API adds to {@link Successions}, whose rules and carry-over are
 * {@code SuccessionsTest}'s on the database layer: a succession recorded answers 201 with what was recorded and by
 * whom, the registry's API shows it on both sides, a refusal is problem+json naming the field in the caller's language,
 * and only coordinators record one. Also the form versions' door (the form's service is {@code FormVersionsTest}'s,
 * on the database layer): read by everyone signed in, made by coordinators only, refused as problem+json, and
 * described in the API's description with its JSON schema; and the review's door (a decision answers the new status,
 * is refused as problem+json without its comment, and never to a respondent), whose loop is {@code
 * ReviewLoopProcessTest}'s on the database layer; and the Portrait's public doors (its API, its pages, the erratum),
 * whose figures are {@code PortraitTest}'s there. These doors belong with the API's and the pages' door tests when
 * they merge.
 */
@IntegrationTest
class SuccessionApiTest {

    /** Years of this class only. */
    private static final int BEFORE = 2026;
    private static final int AFTER = 2027;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    ca.gouv.qc.declarationsia.publication.Editions editions;

    @Autowired
    IdentityService identity;

    @Test
    void a_succession_is_recorded_shown_and_refused_through_the_api() throws Exception {
        campaigns(BEFORE, AFTER);
        for (String code : List.of("SAD-A", "SAD-B", "SAD-OLD", "SAD-X", "SAD-Y")) {
            TestOrganizations.create(organizations, code);
        }
        List<String> ids = pastDeclarations.accepted(BEFORE, "SAD-OLD", 2, false);
        int before = jdbc.queryForObject("select count(*) from organization_succession", Integer.class);

        succession("{\"predecessors\":[\"SAD-A\"],\"successor\":\"SAD-A\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.path == 'successor')].code", hasItem("Self")))
                .andExpect(jsonPath("$.errors[?(@.path == 'successor')].message",
                        hasItem(containsString("ne peut pas se succéder à lui-même"))));
        mvc.perform(post("/api/organizations/successions").with(httpBasic("coordo", "demo"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"predecessors\":[\"SAD-A\"],\"successor\":\"SAD-A\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message").value("Successor body: body SAD-A cannot succeed itself"));
        mvc.perform(post("/api/organizations/successions").with(httpBasic("gestion", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"predecessors\":[\"SAD-A\"],\"successor\":\"SAD-B\",\"effectiveDate\":\"2026-12-01\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from organization_succession", Integer.class)).isEqualTo(before);

        succession("{\"predecessors\":[\"SAD-A\"],\"successor\":\"SAD-B\",\"effectiveDate\":\"" + BEFORE
                + "-12-01\",\"reason\":\"Absorption\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ABSORPTION"))
                .andExpect(jsonPath("$.predecessors[0]").value("SAD-A"))
                .andExpect(jsonPath("$.successors[0]").value("SAD-B"))
                .andExpect(jsonPath("$.recordedBy").value("coordo"));
        mvc.perform(get("/api/organizations/SAD-B").with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predecessors", hasItem("SAD-A")));
        mvc.perform(get("/api/organizations/SAD-A").with(httpBasic("coordo", "demo")))
                .andExpect(jsonPath("$.successor").value("SAD-B"))
                .andExpect(jsonPath("$.active").value(false));

        String split = "{\"predecessor\":\"SAD-OLD\",\"successors\":[\"SAD-X\",\"SAD-Y\"],\"effectiveDate\":\"" + BEFORE
                + "-12-01\",\"reason\":\"Scission\",\"assignments\":{\"" + ids.get(0) + "\":\"SAD-X\"}}";
        mvc.perform(post("/api/organizations/successions/split").with(httpBasic("coordo", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(split))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].path").value("assignments"))
                .andExpect(jsonPath("$.errors[0].code").value("Unassigned"));
        mvc.perform(post("/api/organizations/successions/split").with(httpBasic("coordo", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(split.replace("}}", ",\"" + ids.get(1) + "\":\"SAD-Y\"}}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("SCISSION"));
        mvc.perform(get("/api/organizations/SAD-OLD").with(httpBasic("coordo", "demo")))
                .andExpect(jsonPath("$.successors", org.hamcrest.Matchers.contains("SAD-X", "SAD-Y")));
    }

    @Test
    void a_review_decision_answers_the_new_status_and_is_refused_as_the_door_refuses() throws Exception {
        int year = 2086;
        String respondent = TestOrganizations.createWithLogin(organizations, identity, "REVD-1");
        campaigns.create(year, List.of("REVD-1"));
        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 13, 0));
        try {
            campaigns.launch(year);
            campaigns.runDueJobs(year);
            pastDeclarations.submit(year, "REVD-1", List.of(TestDeclarations.complete(null, "Prévision des crues", year)));
            campaigns.runDueJobs(year);
            String review = "/api/campaigns/" + year + "/declarations/REVD-1/review";

            mvc.perform(post(review).with(httpBasic(respondent, "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\": \"ACCEPT\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(review).with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\": \"REQUEST_CORRECTIONS\"}"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].path").value("comments"));
            mvc.perform(post(review).with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"decision\": \"REQUEST_CORRECTIONS\", \"comments\": [{\"message\": \"Précisez.\"}]}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("A_CORRIGER"));
        } finally {
            campaigns.cleanUp(year);
        }
    }

    @Test
    void the_portrait_is_served_by_its_api_and_pages_and_an_erratum_is_published_through_the_api() throws Exception {
        int year = 2077;
        TestOrganizations.create(organizations, "PDOOR-A");
        TestOrganizations.create(organizations, "PDOOR-B");
        campaigns(year);
        jdbc.update("insert into campaign_target (campaign_year, organization_code) values (?, 'PDOOR-A'), (?, 'PDOOR-B')",
                year, year);
        String initiative = pastDeclarations.accepted(year, "PDOOR-A", 1, false).get(0);
        jdbc.update("update initiative_snapshot set status_unavailable_reason = 'À confirmer' where initiative_id = ?",
                initiative);
        editions.publish(year, "coordo", null);

        mvc.perform(get("/api/portraits/{year}", year))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalInitiatives").value(1))
                .andExpect(jsonPath("$.byStatus.INFORMATION_INDISPONIBLE").value(1));
        mvc.perform(get("/api/portraits/{year}", 2099)).andExpect(status().isNotFound());
        mvc.perform(get("/portrait/{year}", year)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Information indisponible")));
        mvc.perform(get("/portrait/{year}/registre", year))
                .andExpect(content().string(containsString("Registre des initiatives publiées (1)")));
        mvc.perform(get("/portrait/initiatives/{id}", initiative))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("L’initiative au fil des années")));
        mvc.perform(get("/portrait/initiatives/{id}", "IA-NOPE-0001")).andExpect(status().isNotFound());
        mvc.perform(get("/portrait/{year}/couverture", year))
                .andExpect(content().string(containsString("N’a pas répondu")))
                .andExpect(content().string(containsString("A déclaré des initiatives")));
        mvc.perform(post("/api/portraits/{year}/errata", year).with(httpBasic("coordo", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"changeNote\": \"Nom corrigé\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void the_form_versions_are_read_by_everyone_signed_in_and_made_by_coordinators_only() throws Exception {
        String one = mvc.perform(get("/api/forms/1").with(httpBasic("analyste", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/forms").with(httpBasic("gestion", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.version == 1)].createdAt").exists());
        mvc.perform(get("/api/forms/999").with(httpBasic("analyste", "demo")))
                .andExpect(status().isNotFound());

        // version 1 again is not the next version: refused whole, at its place, in the caller's language
        mvc.perform(post("/api/forms").with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(one))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].path", hasItem("version")));
        mvc.perform(post("/api/forms").with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(one))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/campaigns/{year}/form-version", 2087).with(httpBasic("gestion", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"formVersion\": 1}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_api_description_documents_a_form_definition_with_its_json_schema() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());

        JsonNode schemas = docs.at("/components/schemas");
        assertThat(schemas.at("/FormDefinition/properties").fieldNames()).toIterable()
                .contains("version", "basedOn", "codeLists", "fields", "questions");
        assertThat(schemas.at("/FormQuestion/properties").fieldNames()).toIterable()
                .contains("id", "type", "fr", "en", "required", "public", "when");
        assertThat(schemas.at("/FormQuestion/properties/type/enum")).extracting(JsonNode::asText)
                .containsExactly("YES_NO", "ONE_CHOICE", "SEVERAL_CHOICES", "SHORT_TEXT", "LONG_TEXT", "MONTH");
        assertThat(schemas.at("/FormCondition/properties").fieldNames()).toIterable()
                .contains("field", "question", "value");
        // a declaration's initiative answers by question id, a plain object both ways
        assertThat(schemas.at("/InitiativeForm/properties/answers/type").asText()).isEqualTo("object");
        assertThat(schemas.at("/InitiativeSnapshot/properties/answers/type").asText()).isEqualTo("object");
        assertThat(docs.at("/paths/~1api~1forms/post/requestBody/content/application~1json/schema/$ref").asText())
                .endsWith("/FormDefinition");
    }

    private ResultActions succession(String body) throws Exception {
        return mvc.perform(post("/api/organizations/successions").with(httpBasic("coordo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void campaigns(int... years) {
        for (int year : years) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, java.sql.Date.valueOf(year + "-06-30"),
                    java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                    java.sql.Date.valueOf(year + "-11-30"));
        }
    }
}
