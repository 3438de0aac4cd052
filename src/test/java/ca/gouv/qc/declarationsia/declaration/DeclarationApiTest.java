package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.time.LocalDateTime;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestFormVersions;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestInitiatives;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization declares through the API: last year's initiative comes back with its id, a new one gets the next
 * id, a retired one is declared so; the rules refuse what is incomplete; the submission completes its task. Its page
 * is the same door by forms ({@link ThroughItsPage}): save, add, check, submit, and a spreadsheet of initiatives,
 * through the same rules.
 */
@IntegrationTest
class DeclarationApiTest {

    /** This year's campaign, and the year before it (YEAR - 1), whose accepted declaration carries over. */
    private static final int YEAR = TestYears.take(2) + 1;
    private static final int OTHER_YEAR = TestYears.take();
    private static final int MISMATCH_YEAR = TestYears.take();
    private static final int REMOVED_YEAR = TestYears.take();
    private static final int REVIEW_YEAR = TestYears.take();
    private static final String ORG = "DECL-API";
    private static final String RESPONDENT = "ia.decl-api@example.qc.ca";

    @Autowired
    ObjectMapper json;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    InitiativeIds initiativeIds;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(OTHER_YEAR);
        campaigns.cleanUp(MISMATCH_YEAR);
        campaigns.cleanUp(REMOVED_YEAR);
    }

    @Test
    void a_respondent_declares_carried_over_new_and_retired_initiatives_then_submits() throws Exception {
        TestOrganizations.createWithLogin(organizations, identity, ORG);
        String[] lastYear = lastYearAccepted();
        campaigns.create(YEAR, List.of(ORG));
        transactions.executeWithoutResult(status -> opening.open(YEAR, ORG));
        campaigns.runDueJobs(YEAR);

        mvc.perform(get(url()).with(httpBasic(RESPONDENT, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("BROUILLON"))
                .andExpect(jsonPath("$.initiatives.length()").value(2))
                .andExpect(jsonPath("$.initiatives[0].initiativeId").value(lastYear[0]))
                .andExpect(jsonPath("$.initiatives[1].initiativeId").value(lastYear[1]));

        String draft = """
                {"version": 0, "noInitiatives": false, "contact": {"name": "Rita Répondante", "email": "%s"},
                 "initiatives": [
                   %s,
                   {"id": "%s", "name": "Tri automatisé des courriels", "objectType": "PROJET",
                    "description": "Classement des courriels entrants par sujet pour accélérer les réponses.",
                    "category": "AUTOMATISATION", "benefits": "Délais réduits", "phase": "MISE_HORS_SERVICE",
                    "startDate": "2022-01", "retirementDate": "%s-03", "servicesToPopulation": false,
                    "cybersecurity": false, "generativeAi": false, "acquisitionMode": "DEVELOPPEMENT_INTERNE",
                    "personalInformation": "NON", "decisionRole": "SOUTIEN_OPERATIONNEL",
                    "humanOversight": "HUMAIN_DANS_LA_BOUCLE", "riskLevel": "FAIBLE"},
                   {"name": "Prévision <b>des</b> crues", "objectType": "PROJET", "category": "AIDE_DECISION_PREDICTION",
                    "phase": "EXPLORATION"}
                 ]}
                """.formatted(RESPONDENT, updated(lastYear[0]), lastYear[1], YEAR);
        String saved = mvc.perform(asRespondent(put(url())).content(draft))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.initiatives[2].initiativeId").value("IA-DECL-API-0003"))
                .andExpect(jsonPath("$.initiatives[2].name").value("Prévision <b>des</b> crues"))
                .andExpect(jsonPath("$.version").value(1))
                .andReturn().getResponse().getContentAsString();
        java.util.List<String> members = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved).get("initiatives").get(2).fieldNames()
                .forEachRemaining(members::add);
        java.util.List<String> catalogue = FieldCatalogue.initiative().stream()
                .map(field -> "id".equals(field.name()) ? "initiativeId" : field.name()).toList();
        assertThat(members.stream().filter(catalogue::contains).toList())
                .as("an initiative's fields in the API's JSON (those given), in the field catalogue's order")
                .containsExactlyElementsOf(catalogue.stream().filter(members::contains).toList())
                .contains("initiativeId", "name", "objectType", "category", "phase");

        mvc.perform(asRespondent(put(url())).content(draft))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Quelqu’un d’autre a modifié")));

        mvc.perform(asRespondent(post(url() + "/validate")))
                .andExpect(jsonPath("$.submittable").value(false))
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[2].description")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("Prévision <b>des</b> crues"))));
        mvc.perform(asRespondent(post(url() + "/submit")).content(signature(true)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[2].benefits")));
        assertThat(declarationStatus()).as("nothing changed").isEqualTo("BROUILLON");

        String complete = draft.replace("\"version\": 0", "\"version\": 1").replace("""
                "phase": "EXPLORATION"}""", """
                "phase": "EXPLORATION", "description": "Prévoir les crues printanières à partir des relevés.",
                 "benefits": "Alertes plus tôt", "startDate": "%d-11", "servicesToPopulation": true,
                 "cybersecurity": false, "generativeAi": false, "acquisitionMode": "DEVELOPPEMENT_INTERNE",
                 "personalInformation": "NON", "decisionRole": "AIDE_A_LA_DECISION", "humanOversight": "HUMAIN_DANS_LA_BOUCLE",
                 "riskLevel": "NON_EVALUE", "publicDescription": "Prévision des crues."}""".formatted(YEAR - 1));
        mvc.perform(asRespondent(put(url())).content(complete)).andExpect(status().isOk());
        mvc.perform(asRespondent(post(url() + "/submit")).content(signature(false)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("attestation"));
        mvc.perform(asRespondent(post(url() + "/submit")).content(signature(true)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SOUMISE"))
                .andExpect(jsonPath("$.signatory.name").value("Denise Directrice"));
        // putting it under review is a job of its own, after the respondent's request
        campaigns.runDueJobs(YEAR);
        assertThat(declarationStatus()).isEqualTo("EN_REVISION");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-" + ORG)
                .activityIdIn("UserTask_ReviewDeclaration").count()).as("a reviewer has it").isOne();
        assertThat(jdbc.queryForObject("select actor from declaration_transition t join declaration d on d.id = t.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = ? and t.to_status = 'SOUMISE'", String.class, YEAR, ORG))
                .isEqualTo(RESPONDENT);
        mvc.perform(asRespondent(put(url())).content(complete))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("Locked"));
        mvc.perform(asRespondent(post(url() + "/submit")).content(signature(true)))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void only_the_organization_and_coordinators_write_and_malformed_input_changes_nothing() throws Exception {
        String url = openDraft(OTHER_YEAR, ORG + "2");
        String draft = "{\"noInitiatives\": true, \"initiatives\": []}";

        mvc.perform(put(url).with(httpBasic("ia.mrnf@example.qc.ca", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(draft)).andExpect(status().isForbidden());
        mvc.perform(put(url).with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isForbidden());
        mvc.perform(get(url).with(httpBasic("ia.mrnf@example.qc.ca", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(httpBasic("analyste", "demo"))).andExpect(status().isOk());

        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"initiatives": [{"id": "IA-MRNF-0001", "name": "Nom\\u0007", "category": "ROBOTIQUE",
                          "startDate": "2025-13", "description": "%s"}]}
                        """.formatted("x".repeat(3501))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].id")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].name")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].category")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].startDate")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].description")))
                .andExpect(jsonPath("$.errors[?(@.path == 'initiatives[0].description')].message",
                        hasItem(containsString("doit compter au plus 3500 caractères"))));
        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content("{\"initiatives\": ["))
                .andExpect(status().isBadRequest());
        assertThat(declarations.findByCampaignAndOrganization(OTHER_YEAR, ORG + "2").orElseThrow().version()).isZero();

        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content(draft))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.noInitiatives").value(true));
    }

    /**
     * The ids a draft holds are checked against the draft itself, the others against every id the body was given:
     * an initiative taken out of the draft comes back with its id, another body's id and an id twice are refused.
     */
    @Test
    void an_initiative_taken_out_comes_back_with_its_id_and_foreign_or_repeated_ids_are_refused() throws Exception {
        String url = openDraft(REMOVED_YEAR, ORG + "4");
        String both = "{\"version\": 0, \"initiatives\": [%s, %s]}".formatted(TestInitiatives.json(null, "Agent des permis"),
                TestInitiatives.json(null, "Tri des courriels"));
        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content(both))
                .andExpect(status().isOk());
        List<String> ids = jdbc.queryForList("select s.initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ? order by s.position",
                String.class, REMOVED_YEAR, ORG + "4");
        assertThat(ids).hasSize(2);
        String firstOnly = "{\"version\": 1, \"initiatives\": [%s]}".formatted(TestInitiatives.json(ids.get(0), "Agent des permis"));
        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content(firstOnly))
                .andExpect(status().isOk());

        TestOrganizations.create(organizations, ORG + "5");
        String foreign = transactions.execute(status -> initiativeIds.next(ORG + "5"));
        String wrong = "{\"version\": 2, \"initiatives\": [%s, %s, %s]}".formatted(TestInitiatives.json(ids.get(0), "Agent"),
                TestInitiatives.json(foreign, "D’un autre organisme"), TestInitiatives.json(ids.get(0), "Encore l’agent"));
        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content(wrong))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.path == 'initiatives[1].id')].code", hasItem("UnknownId")))
                .andExpect(jsonPath("$.errors[?(@.path == 'initiatives[2].id')].code", hasItem("Duplicate")))
                .andExpect(jsonPath("$.errors[?(@.path == 'initiatives[0].id')]").isEmpty());

        String back = "{\"version\": 2, \"initiatives\": [%s, %s]}".formatted(TestInitiatives.json(ids.get(0), "Agent des permis"),
                TestInitiatives.json(ids.get(1), "Tri des courriels, de retour"));
        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON).content(back))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.initiatives[1].initiativeId").value(ids.get(1)))
                .andExpect(jsonPath("$.initiatives[1].name").value("Tri des courriels, de retour"));
    }

    @Test
    void a_sub_category_that_does_not_go_with_the_category_stays_in_the_draft_and_the_rules_name_it() throws Exception {
        String url = openDraft(MISMATCH_YEAR, ORG + "3");
        String mismatched = TestInitiatives.json(null, "Cartographie des milieux humides")
                .replace("\"ASSISTANT_AGENT_CONVERSATIONNEL\"", "\"GEOMATIQUE_GEOSPATIAL\", \"subcategory\": \"IMAGERIE_MEDICALE\"");

        mvc.perform(put(url).with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"initiatives\": [" + mismatched + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.initiatives[0].category").value("GEOMATIQUE_GEOSPATIAL"))
                .andExpect(jsonPath("$.initiatives[0].subcategory").value("IMAGERIE_MEDICALE"));
        mvc.perform(post(url + "/validate").with(httpBasic("coordo", "demo")).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submittable").value(false))
                .andExpect(jsonPath("$.errors[?(@.path == 'initiatives[0].subcategory')].message",
                        hasItem(containsString("Traitement"))));
    }

    /** The review's decision through the API: never a respondent's, refused without its comment, then the new status. */
    @Test
    void a_review_decision_answers_the_new_status_and_is_refused_as_the_door_refuses() throws Exception {
        int year = REVIEW_YEAR;
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

    /** The same declaration through its page: save, add, check, submit, and a spreadsheet of initiatives. */
    @Nested
    class ThroughItsPage {

        /** The page's campaign, and the next year's (PAGE_YEAR + 1), where a spreadsheet is imported. */
        private static final int PAGE_YEAR = TestYears.take(2);
        private static final String PAGE_ORG = "PAGE-DECL";
        private static final String PAGE_RESPONDENT = "ia.page-decl@example.qc.ca";

        /** A campaign on a form version with questions. */
        private static final int QUESTIONS_YEAR = TestYears.take();

        @AfterEach
        void closePageCampaign() {
            campaigns.cleanUp(PAGE_YEAR);
            campaigns.cleanUp(QUESTIONS_YEAR);
        }

        @Test
        void a_respondent_fills_checks_and_submits_its_declaration_from_the_page() throws Exception {
            TestOrganizations.createWithLogin(organizations, identity, PAGE_ORG);
            campaigns.create(PAGE_YEAR, List.of(PAGE_ORG));
            transactions.executeWithoutResult(status -> opening.open(PAGE_YEAR, PAGE_ORG));
            campaigns.runDueJobs(PAGE_YEAR);
            String url = "/mes-declarations/" + PAGE_YEAR + "/" + PAGE_ORG;

            mvc.perform(get("/mes-declarations").with(httpBasic(PAGE_RESPONDENT, "demo")))
                    .andExpect(content().string(containsString("href=\"" + url + "\"")));
            mvc.perform(get(url).with(httpBasic(PAGE_RESPONDENT, "demo")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Enregistrer le brouillon"), containsString("Brouillon"))));

            mvc.perform(form(url, "add")).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("name=\"initiatives[0].name\""),
                            containsString("for=\"i0-category\""), containsString("Nouvelle initiative"),
                            containsString(">Catégorie</label>"), containsString("Description publique"),
                            not(containsString("??")))));

            mvc.perform(form(url, "check").param("initiatives[0].name", "Prévision <script>alert(1)</script> des crues"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("point(s) à corriger"),
                            containsString("id=\"i0-description-error\""), containsString("aria-invalid=\"true\""),
                            containsString("Prévision &lt;script&gt;"), not(containsString("<script>alert(1)")))));
            String id = jdbc.queryForObject("select initiative_id from initiative_snapshot s join declaration d on d.id = "
                    + "s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class, PAGE_YEAR, PAGE_ORG);
            assertThat(id).isEqualTo("IA-PAGE-DECL-0001");

            int version = jdbc.queryForObject("select version from declaration where campaign_year = ? and organization_code = ?",
                    Integer.class, PAGE_YEAR, PAGE_ORG);
            mvc.perform(complete(form(url, "submit").param("version", String.valueOf(version)), id)
                            .param("attestation", "true").param("signatoryName", "Denise Directrice")
                            .param("signatoryRole", "DPI").param("signatoryEmail", "dri.page-decl@example.qc.ca"))
                    .andExpect(status().isFound()).andExpect(redirectedUrl(url));
            campaigns.runDueJobs(PAGE_YEAR);
            mvc.perform(get(url).with(httpBasic(PAGE_RESPONDENT, "demo")))
                    .andExpect(content().string(allOf(containsString("En révision"), containsString("ne peut être modifiée"),
                            not(containsString("Enregistrer le brouillon")), containsString(PAGE_RESPONDENT))));

            mvc.perform(get(url).with(httpBasic("ia.mrnf@example.qc.ca", "demo"))).andExpect(status().isForbidden());
            mvc.perform(post(url).with(httpBasic("analyste", "demo")).with(csrf()).param("save", "save"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void many_initiatives_come_in_by_csv_with_errors_by_line_and_all_or_nothing() throws Exception {
            String org = "CSV-DECL";
            TestOrganizations.create(organizations, org);
            campaigns.create(PAGE_YEAR + 1, List.of(org));
            transactions.executeWithoutResult(status -> opening.open(PAGE_YEAR + 1, org));
            String url = "/mes-declarations/" + (PAGE_YEAR + 1) + "/" + org;

            String template = mvc.perform(get(url + "/modele.csv").with(httpBasic("coordo", "demo")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(template).startsWith("\uFEFFid,name,objectType,description,category,subcategory,benefits,phase,");
            mvc.perform(get(url + "/codes.csv").with(httpBasic("coordo", "demo")))
                    .andExpect(content().string(containsString("category,TRAITEMENT_IMAGE,Traitement d’image/Imagerie médicale,")));

            String header = template.substring(1).lines().findFirst().orElseThrow();
            String good = ",Tri des courriels,PROJET,Classement des courriels entrants par sujet,AUTOMATISATION,,Délais réduits,"
                    + "EXPLORATION," + PAGE_YEAR + "-01,,,non,non,non,DEVELOPPEMENT_INTERNE,,,NON,,SOUTIEN_OPERATIONNEL,HUMAIN_DANS_LA_BOUCLE,"
                    + "NON_EVALUE,Tri des courriels";
            String bad = ",Robot,PROJET,Un robot qui répond aux demandes des citoyens,ROBOTIQUE,,,,,,,peut-être,,,,,,,,,,,";
            mvc.perform(upload(url, header + "\n" + good + "\n" + bad + "\n"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Ligne 3 — Prestation de services à la population")));
            assertThat(jdbc.queryForObject("select count(*) from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                    + "where d.campaign_year = ? and d.organization_code = ?", Integer.class, PAGE_YEAR + 1, org)).isZero();
            mvc.perform(upload(url, header + "\n" + good + "\n" + bad.replace("peut-être", "oui") + "\n"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Ligne 3 — Catégorie : code inconnu")));

            mvc.perform(upload(url, header + "\n" + good + "\n" + good.replace("Tri des courriels", "Résumé des plaintes") + "\n"))
                    .andExpect(status().isFound());
            assertThat(jdbc.queryForList("select s.name from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                    + "where d.campaign_year = ? and d.organization_code = ? order by position", String.class, PAGE_YEAR + 1, org))
                    .containsExactly("Tri des courriels", "Résumé des plaintes");

            mvc.perform(upload(url, "id;name\nx;é"))
                    .andExpect(content().string(containsString("colonnes manquantes")));
            campaigns.cleanUp(PAGE_YEAR + 1);
        }

        /**
         * On a form version with questions, the spreadsheet has a column per question, headed by its id: the template
         * holds the answers saved, the list of codes each choice's codes, and what comes back is checked by the version's
         * rules (each error on its line, naming the question), all or nothing.
         */
        @Test
        void the_csv_has_a_column_per_question_of_the_version_and_its_answers_make_the_round_trip() throws Exception {
            String org = "CSV-Q";
            TestOrganizations.create(organizations, org);
            int version = TestFormVersions.withEveryKindOfQuestion(mvc, json);
            campaigns.create(QUESTIONS_YEAR, List.of(org), version);
            transactions.executeWithoutResult(status -> opening.open(QUESTIONS_YEAR, org));
            String url = "/mes-declarations/" + QUESTIONS_YEAR + "/" + org;
            String questions = "guidanceFollowed,impactAssessment,dataSources,publicContact,withheldReason,assessmentMonth";

            String header = mvc.perform(get(url + "/modele.csv").with(httpBasic("coordo", "demo")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().substring(1).strip();
            assertThat(header).isEqualTo(String.join(",", InitiativeCsv.COLUMNS) + "," + questions);
            mvc.perform(get(url + "/codes.csv").with(httpBasic("coordo", "demo")))
                    .andExpect(content().string(allOf(containsString("guidanceFollowed,oui,Oui,Yes"),
                            containsString("impactAssessment,EN_COURS,En cours,Under way"),
                            containsString("dataSources,DONNEES_OUVERTES,Données ouvertes,Open data"))));
            mvc.perform(get(url).with(httpBasic("coordo", "demo")))
                    .andExpect(content().string(allOf(containsString("<code>dataSources</code> – <span>Sources de données</span>"),
                            containsString("séparés par un point-virgule"))));

            // generative AI: the guidance question is asked; several choices separated by a semicolon
            String fields = ",Rédaction assistée,PROJET,Rédaction des réponses aux demandes d’accès,AUTOMATISATION,,"
                    + "Délais réduits,EXPLORATION," + (QUESTIONS_YEAR - 1) + "-01,,,non,non,oui,DEVELOPPEMENT_INTERNE,,,NON,,SOUTIEN_OPERATIONNEL,"
                    + "HUMAIN_DANS_LA_BOUCLE,NON_EVALUE,Rédaction assistée";
            String answers = ",oui,EN_COURS,DONNEES_INTERNES;DONNEES_OUVERTES,ia@csv-q.gouv.qc.ca,\"Secret industriel, "
                    + "pour l’instant\"," + (QUESTIONS_YEAR - 1) + "-05";
            mvc.perform(upload(url, header + "\n" + fields + answers + "\n")).andExpect(status().isFound());
            Map<String, Object> stored = answers(org);
            assertThat(stored).containsEntry("guidanceFollowed", true).containsEntry("impactAssessment", "EN_COURS")
                    .containsEntry("dataSources", List.of("DONNEES_INTERNES", "DONNEES_OUVERTES"))
                    .containsEntry("publicContact", "ia@csv-q.gouv.qc.ca")
                    .containsEntry("withheldReason", "Secret industriel, pour l’instant")
                    .containsEntry("assessmentMonth", (QUESTIONS_YEAR - 1) + "-05").hasSize(6);

            // generative AI: the page asks the guidance question without waiting for its script
            mvc.perform(get(url).with(httpBasic("coordo", "demo"))).andExpect(content().string(allOf(
                    containsString(GUIDANCE_QUESTION + ">"),
                    containsString("value=\"EN_COURS\" selected=\"selected\""))));

            // the template holds them as it takes them: sent back as it is, it changes nothing
            String template = mvc.perform(get(url + "/modele.csv").with(httpBasic("coordo", "demo")))
                    .andReturn().getResponse().getContentAsString().substring(1);
            assertThat(template).contains(",oui,EN_COURS,DONNEES_INTERNES;DONNEES_OUVERTES,ia@csv-q.gouv.qc.ca,"
                    + "\"Secret industriel, pour l’instant\"," + (QUESTIONS_YEAR - 1) + "-05");
            mvc.perform(upload(url, template)).andExpect(status().isFound());
            assertThat(answers(org)).isEqualTo(stored);

            // what the version does not take: each refusal on its line, naming the question; nothing changed
            String id = jdbc.queryForObject("select s.initiative_id from initiative_snapshot s join declaration d "
                    + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class,
                    QUESTIONS_YEAR, org);
            String bad = id + fields + ",peut-être,ABANDONNEE,DONNEES_INTERNES;INCONNUES,,," + (QUESTIONS_YEAR - 1) + "-13";
            mvc.perform(upload(url, header + "\n" + bad + "\n"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("Ligne 2 — « L’initiative suit-elle les lignes directrices sur l’IA générative? » "
                                    + "(guidanceFollowed) : doit être true ou false"),
                            containsString("Ligne 2 — « État de l’évaluation d’impact » (impactAssessment) : doit être un des "
                                    + "codes offerts : REALISEE, EN_COURS, PREVUE"),
                            containsString("Ligne 2 — « Sources de données » (dataSources) : doit être une liste de codes"),
                            containsString("Ligne 2 — « Mois de l’évaluation » (assessmentMonth) : doit être un mois"))));
            assertThat(answers(org)).isEqualTo(stored);
            // a blank cell is no answer: the row's answers are its cells
            mvc.perform(upload(url, header + "\n" + id + fields + ",non,,,,,\n")).andExpect(status().isFound());
            assertThat(answers(org)).isEqualTo(Map.of("guidanceFollowed", false));

            // no generative AI: the page keeps the guidance question hidden
            mvc.perform(upload(url, header + "\n" + id + fields.replace(",oui,DEVELOPPEMENT_INTERNE", ",non,DEVELOPPEMENT_INTERNE")
                    + ",,,,,,\n")).andExpect(status().isFound());
            mvc.perform(get(url).with(httpBasic("coordo", "demo"))).andExpect(content().string(
                    containsString(GUIDANCE_QUESTION + " hidden=\"hidden\">")));

            // no generative AI, yet the guidance cell answered: not kept, as the page keeps nothing it hides; said so
            String noGenerativeAi = id + fields.replace(",oui,DEVELOPPEMENT_INTERNE", ",non,DEVELOPPEMENT_INTERNE");
            mvc.perform(upload(url, header + "\n" + noGenerativeAi + ",oui,PREVUE,,,,\n")).andExpect(status().isFound())
                    .andExpect(flash().attribute("notKept",
                            List.of("Ligne 2 — « L’initiative suit-elle les lignes directrices sur l’IA générative? » "
                                    + "(guidanceFollowed) : la question n’est pas posée pour cette initiative (sa condition "
                                    + "n’est pas remplie), la réponse n’est pas conservée")));
            assertThat(answers(org)).isEqualTo(Map.of("impactAssessment", "PREVUE"));
            // the API, the same rule: the answer comes back without it, and is stored so
            int draftVersion = jdbc.queryForObject("select version from declaration where campaign_year = ? "
                    + "and organization_code = ?", Integer.class, QUESTIONS_YEAR, org);
            mvc.perform(put("/api/campaigns/" + QUESTIONS_YEAR + "/declarations/" + org).with(httpBasic("coordo", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"version": %d, "initiatives": [{"id": "%s", "name": "Rédaction assistée",
                                     "generativeAi": false, "answers": {"guidanceFollowed": true, "impactAssessment": "REALISEE"}}]}
                                    """.formatted(draftVersion, id)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.initiatives[0].answers.impactAssessment").value("REALISEE"))
                    .andExpect(jsonPath("$.initiatives[0].answers.guidanceFollowed").doesNotExist());
            assertThat(answers(org)).isEqualTo(Map.of("impactAssessment", "REALISEE"));

            mvc.perform(upload(url, String.join(",", InitiativeCsv.COLUMNS) + "\n" + fields + "\n"))
                    .andExpect(content().string(containsString("colonnes manquantes : " + questions.replace(",", ", "))));
        }

        /** The guidance question's element as the page renders it, before its {@code hidden} if any. */
        private static final String GUIDANCE_QUESTION = "id=\"i0-answers-guidanceFollowed-question\" "
                + "data-when-name=\"initiatives[0].generativeAi\" data-when-value=\"true\"";

        private Map<String, Object> answers(String org) throws Exception {
            String stored = jdbc.queryForObject("select s.answers::text from initiative_snapshot s join declaration d "
                    + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class,
                    QUESTIONS_YEAR, org);
            return json.readValue(stored, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        }

        private static MockHttpServletRequestBuilder upload(String url, String csv) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(url + "/import")
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "initiatives.csv", "text/csv",
                            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .with(httpBasic("coordo", "demo")).with(csrf());
        }

        /** As the page's buttons send it: each button's name says what to do ("submitDeclaration" for "submit"). */
        private static MockHttpServletRequestBuilder form(String url, String action) {
            return post(url).with(httpBasic(PAGE_RESPONDENT, "demo")).with(csrf())
                    .param("submit".equals(action) ? "submitDeclaration" : action, action)
                    .param("contactName", "Rita Répondante").param("contactEmail", PAGE_RESPONDENT);
        }

        private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request, String id) {
            return request.param("initiatives[0].id", id).param("initiatives[0].name", "Prévision des crues")
                    .param("initiatives[0].objectType", "PROJET")
                    .param("initiatives[0].description", "Prévoir les crues printanières à partir des relevés.")
                    .param("initiatives[0].category", "AIDE_DECISION_PREDICTION").param("initiatives[0].benefits", "Alertes plus tôt")
                    .param("initiatives[0].phase", "EXPLORATION").param("initiatives[0].startDate", (PAGE_YEAR - 1) + "-11")
                    .param("initiatives[0].servicesToPopulation", "true").param("initiatives[0].cybersecurity", "false")
                    .param("initiatives[0].generativeAi", "false").param("initiatives[0].acquisitionMode", "DEVELOPPEMENT_INTERNE")
                    .param("initiatives[0].personalInformation", "NON").param("initiatives[0].decisionRole", "AIDE_A_LA_DECISION")
                    .param("initiatives[0].humanOversight", "HUMAIN_DANS_LA_BOUCLE").param("initiatives[0].riskLevel", "NON_EVALUE")
                    .param("initiatives[0].publicDescription", "Prévision des crues.");
        }
    }

    /** A new body targeted by a new campaign, its draft open: the URL of its declaration in the API. */
    private String openDraft(int year, String organizationCode) {
        TestOrganizations.create(organizations, organizationCode);
        campaigns.create(year, List.of(organizationCode));
        transactions.executeWithoutResult(status -> opening.open(year, organizationCode));
        return "/api/campaigns/" + year + "/declarations/" + organizationCode;
    }

    /** Last year: an accepted declaration of the organization with two active initiatives. */
    private String[] lastYearAccepted() {
        return transactions.execute(status -> {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'PUBLIEE') on conflict do nothing", YEAR - 1,
                    java.sql.Date.valueOf((YEAR - 1) + "-06-30"), java.sql.Date.valueOf((YEAR - 1) + "-09-01"),
                    java.sql.Date.valueOf((YEAR - 1) + "-10-31"), java.sql.Date.valueOf((YEAR - 1) + "-11-30"));
            String first = initiativeIds.next(ORG);
            String second = initiativeIds.next(ORG);
            InitiativeSnapshot agent = DeclarationRulesTest.with(DeclarationRulesTest.valid(), "initiativeId", first);
            InitiativeSnapshot sorting = DeclarationRulesTest.with(DeclarationRulesTest.with(DeclarationRulesTest.valid(),
                    "initiativeId", second), "name", "Tri automatisé des courriels");
            declarations.save(new Declaration(null, YEAR - 1, ORG, "FINANCES", false, DeclarationStatus.ACCEPTEE, false, null,
                    new Declaration.Person("Rita", RESPONDENT), true, new Declaration.Signatory("D", "DG", RESPONDENT),
                    Instant.parse((YEAR - 1) + "-10-15T12:00:00Z"), false, null, 0, null, List.of(agent, sorting), null));
            return new String[] {first, second};
        });
    }

    private static String updated(String id) {
        return TestInitiatives.json(id, "Agent conversationnel des permis");
    }

    private static String signature(boolean attestation) {
        return """
                {"attestation": %s, "signatory": {"name": "Denise Directrice", "role": "Dirigeante de l’information",
                 "email": "dri.decl-api@example.qc.ca"}}""".formatted(attestation);
    }

    private String declarationStatus() {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, ORG);
    }

    private static String url() {
        return "/api/campaigns/" + YEAR + "/declarations/" + ORG;
    }

    private static MockHttpServletRequestBuilder asRespondent(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(RESPONDENT, "demo")).contentType(MediaType.APPLICATION_JSON);
    }
}
