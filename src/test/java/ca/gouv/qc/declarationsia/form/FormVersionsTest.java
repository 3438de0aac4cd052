package ca.gouv.qc.declarationsia.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationRules;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The form is data in versions: version 1 is the form the catalogue described, coordinators make the next one from the
 * newest through the API (refused whole, every problem named, when it does not hold together), and a campaign is
 * pinned to its version when it is created, never changed once launched.
 */
@IntegrationTest
class FormVersionsTest {

    private static final int YEAR = 2083;
    /** A second campaign, on version 1 (years are shared between test classes: these are this class's). */
    private static final int OTHER_YEAR = 2087;
    /** The campaign on version 2 a body fills in through the API. */
    private static final int ANSWERS_YEAR = 2060;
    private static final String ANSWERS_ORG = "FORM-ANS";
    private static final String RESPONDENT = "ia.form-ans@example.qc.ca";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DeclarationRules rules;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    DeclarationRepository declarationRepository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IdentityService identity;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(OTHER_YEAR);
        campaigns.cleanUp(ANSWERS_YEAR);
    }

    @Test
    void version_one_is_the_form_the_catalogue_its_enums_and_the_bundles_describe() throws Exception {
        FormDefinition one = json.readValue(mvc.perform(get("/api/forms/1").with(httpBasic("analyste", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), FormDefinition.class);

        assertThat(one).isEqualTo(FormVersionOne.fromCatalogue());
        assertThat(one.fields().keySet()).containsExactlyElementsOf(
                FieldCatalogue.asked().stream().map(FieldCatalogue.Field::name).toList());
    }

    @Test
    void version_one_requires_exactly_what_the_submission_rules_require_whatever_the_other_answers() {
        FormDefinition one = FormVersionOne.fromCatalogue();
        for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
            Map<String, Object> values = valid();
            values.put(field.name(), null);
            List<String> refused = check(values).stream().map(Violation::path).toList();
            String path = "initiatives[0]." + field.name();
            assertThat(refused.contains(path)).as(field.name())
                    .isEqualTo(one.fields().get(field.name()).requires() && !"id".equals(field.name()));
        }
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void a_coordinator_makes_the_next_version_from_the_newest_and_everyone_signed_in_reads_it() throws Exception {
        int next = newest() + 1;
        ObjectNode definition = secondVersion(next);

        mvc.perform(asCoordinator(post("/api/forms")).content(definition.toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(next))
                .andExpect(jsonPath("$.questions[0].id").value("guidanceFollowed"))
                .andExpect(jsonPath("$.questions[1].public").value(true));

        mvc.perform(get("/api/forms").with(httpBasic("gestion", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(next))
                .andExpect(jsonPath("$[0].basedOn").value(next - 1))
                .andExpect(jsonPath("$[0].createdBy").value("coordo"))
                .andExpect(jsonPath("$[0].questions").value(definition.get("questions").size()));
        FormDefinition stored = json.readValue(mvc.perform(get("/api/forms/{version}", next)
                .with(httpBasic("analyste", "demo"))).andReturn().getResponse().getContentAsString(), FormDefinition.class);
        assertThat(stored).isEqualTo(json.treeToValue(definition, FormDefinition.class));
        assertThat(stored.codeLists().get("phase")).filteredOn(FormDefinition.Code::retired)
                .extracting(FormDefinition.Code::code).containsExactly("COLLECTE_TRAITEMENT_DONNEES");
        // the same definition again is not the next version any more
        mvc.perform(asCoordinator(post("/api/forms")).content(definition.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("version"));
    }

    @Test
    void a_definition_that_does_not_hold_together_is_refused_with_every_problem_at_its_place_and_nothing_is_stored()
            throws Exception {
        int before = newest();
        ObjectNode definition = secondVersion(before + 1);
        ArrayNode categories = (ArrayNode) definition.at("/codeLists/category");
        ((ObjectNode) categories.get(10)).remove("portrait");
        ((ObjectNode) categories.get(1)).put("code", "AIDE_DECISION_PREDICTION");
        ((ObjectNode) categories.get(2)).remove("en");
        ((ArrayNode) definition.at("/codeLists/riskLevel")).remove(0);
        ((ObjectNode) definition.at("/fields/riskLevel")).put("asked", false);
        ArrayNode questions = (ArrayNode) definition.get("questions");
        ((ObjectNode) questions.get(0)).put("fr", "Ligne\u0007cachée");
        ((ObjectNode) questions.get(1)).put("type", "URL");
        ((ObjectNode) questions.get(1)).putObject("when").put("question", "nowhere").put("value", "true");
        // after the two of secondVersion, and any retired one an earlier version asked
        String duplicate = "questions[" + questions.size() + "]";
        String onRetired = "questions[" + (questions.size() + 1) + "]";
        questions.addObject().put("id", "guidanceFollowed").put("type", "YES_NO").put("fr", "Encore").put("en", "Again");
        questions.addObject().put("id", "retiredPhaseOnly").put("type", "SHORT_TEXT").put("fr", "Seulement")
                .put("en", "Only").putObject("when").put("field", "phase").put("value", "COLLECTE_TRAITEMENT_DONNEES");

        mvc.perform(asCoordinator(post("/api/forms")).content(definition.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("codeLists.category[10].portrait")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("codeLists.category[1].code")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("codeLists.category[2].en")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("codeLists.riskLevel")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("questions[0].fr")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("questions[1].type")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("questions[1].when.question")))
                .andExpect(jsonPath("$.errors[*].path", hasItem(duplicate + ".id")))
                .andExpect(jsonPath("$.errors[*].path", hasItem(onRetired + ".when.value")))
                .andExpect(jsonPath("$.errors[?(@.path == 'codeLists.category[1].code')].message",
                        hasItem(containsString("AIDE_DECISION_PREDICTION figure deux fois"))))
                .andExpect(jsonPath("$.errors[?(@.path == 'codeLists.category[2].en')].message",
                        hasItem(containsString("l’étiquette anglaise manque"))))
                .andExpect(jsonPath("$.errors[?(@.path == 'codeLists.riskLevel')].message",
                        hasItem(containsString("FAIBLE"))))
                .andExpect(jsonPath("$.errors[?(@.path == 'questions[1].when.question')].message",
                        hasItem(containsString("nowhere"))))
                .andExpect(jsonPath("$.errors[?(@.path == '" + onRetired + ".when.value')].message",
                        hasItem(containsString("retiré"))))
                .andExpect(jsonPath("$.errors[?(@.path == 'fields.riskLevel.required')].message",
                        hasItem(containsString("doit être demandé"))));
        // in English too
        mvc.perform(asCoordinator(post("/api/forms")).header("Accept-Language", "en").content(definition.toString()))
                .andExpect(jsonPath("$.errors[?(@.path == 'codeLists.category[2].en')].message",
                        hasItem(containsString("The English label is missing".substring(4)))));
        assertThat(newest()).isEqualTo(before);
    }

    @Test
    void a_definition_too_large_is_refused_at_once_and_only_coordinators_make_versions() throws Exception {
        ObjectNode definition = secondVersion(newest() + 1);
        ArrayNode questions = (ArrayNode) definition.get("questions");
        for (int i = 0; i < FormProblems.MAX_QUESTIONS; i++) {
            questions.addObject().put("id", "question" + i).put("type", "YES_NO").put("fr", "Q").put("en", "Q");
        }
        mvc.perform(asCoordinator(post("/api/forms")).content(definition.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].path").value("questions"))
                .andExpect(jsonPath("$.errors[0].message", containsString("au plus 300 questions")));

        mvc.perform(post("/api/forms").with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(secondVersion(newest() + 1).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/forms/999").with(httpBasic("analyste", "demo")))
                .andExpect(status().isNotFound());
    }

    /**
     * What JSON itself says wrong is refused before any rule, at its place: a list given twice under one id (read as
     * the last one, it silently dropped the first), a value of the wrong type, a map of fields far beyond the catalogue.
     */
    @Test
    void a_key_twice_a_value_of_the_wrong_type_or_too_many_fields_is_refused_naming_its_place_and_nothing_is_stored()
            throws Exception {
        int before = newest();
        String definition = secondVersion(before + 1).toString();
        assertThat(definition).contains("\"codeLists\":{\"objectType\":");

        mvc.perform(asCoordinator(post("/api/forms")).content(definition.replace("\"codeLists\":{\"objectType\":",
                        "\"codeLists\":{\"category\":[],\"objectType\":")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].path").value("codeLists.category"))
                .andExpect(jsonPath("$.errors[0].code").value("Duplicate"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("codeLists.category : la clé « category » figure deux fois dans le même objet"));
        mvc.perform(asCoordinator(post("/api/forms")).header("Accept-Language", "en")
                        .content(definition.replaceFirst("^\\{", "{\"basedOn\":1,")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].path").value("basedOn"))
                .andExpect(jsonPath("$.errors[0].message", containsString("the key “basedOn” appears twice")));

        ObjectNode wrongType = secondVersion(before + 1);
        ((ObjectNode) wrongType.get("questions").get(0)).put("required", "oui");
        mvc.perform(asCoordinator(post("/api/forms")).content(wrongType.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].path").value("questions[0].required"))
                .andExpect(jsonPath("$.errors[0].message").value("questions[0].required : doit valoir oui ou non (true/false)"));

        ObjectNode manyFields = secondVersion(before + 1);
        for (int i = 0; i <= FormProblems.MAX_FIELDS; i++) {
            ((ObjectNode) manyFields.get("fields")).putObject("field" + i).put("asked", true).put("required", false);
        }
        mvc.perform(asCoordinator(post("/api/forms")).content(manyFields.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].path").value("fields"))
                .andExpect(jsonPath("$.errors[0].message", containsString("au plus 100 champs")));
        assertThat(newest()).isEqualTo(before);
    }

    /** A list given as null is a list missing its codes, said at its place, never an error of the server. */
    @Test
    void a_code_list_given_as_null_is_refused_at_its_place() throws Exception {
        int before = newest();
        ObjectNode definition = secondVersion(before + 1);
        ((ObjectNode) definition.get("codeLists")).putNull("riskLevel");
        ((ObjectNode) definition.get("questions").get(0)).put("type", "ONE_CHOICE").put("codeList", "riskLevel");

        mvc.perform(asCoordinator(post("/api/forms")).content(definition.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("codeLists.riskLevel")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("questions[0].codeList")));
        assertThat(newest()).isEqualTo(before);
    }

    /**
     * The coordinators' page is a door to the same rules: only coordinators open it, a definition it posts is judged
     * by the problems the API's is, each at the same place, and what it saves is what it posted.
     */
    @Test
    void the_form_page_is_the_coordinators_and_refuses_and_saves_as_the_api_does() throws Exception {
        mvc.perform(get("/formulaires").with(httpBasic("analyste", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/formulaires").with(httpBasic("coordo", "demo"))).andExpect(status().isOk());
        int before = newest();
        FormDefinition base = json.treeToValue(secondVersion(before + 1), FormDefinition.class);
        MultiValueMap<String, String> inputs = pageInputs(base);
        int categories = base.codeLists().get("category").size();
        inputs.add("codeLists.category[" + categories + "].code", "automatisation");
        inputs.add("codeLists.category[" + categories + "].fr", "Encore");
        inputs.add("codeLists.category[" + categories + "].portrait", "AUTOMATISATION");

        mvc.perform(post("/formulaires").with(httpBasic("coordo", "demo")).with(csrf()).params(inputs)
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"codeLists.category[" + categories + "].code-error\"")))
                .andExpect(content().string(containsString("codeLists.category[" + categories
                        + "].code : le code AUTOMATISATION figure deux fois dans la liste")))
                .andExpect(content().string(containsString("codeLists.category[" + categories
                        + "].en : l’étiquette anglaise manque")));
        assertThat(newest()).as("nothing stored").isEqualTo(before);

        mvc.perform(post("/formulaires").with(httpBasic("coordo", "demo")).with(csrf()).params(pageInputs(base))
                        .param("action", "save"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/formulaires"));
        FormDefinition saved = json.readValue(mvc.perform(get("/api/forms/{version}", before + 1)
                .with(httpBasic("coordo", "demo"))).andReturn().getResponse().getContentAsString(), FormDefinition.class);
        assertThat(saved).isEqualTo(base);
    }

    /** A definition's inputs as the form page names them (each by its place in the definition). */
    private static MultiValueMap<String, String> pageInputs(FormDefinition definition) {
        MultiValueMap<String, String> inputs = new LinkedMultiValueMap<>();
        inputs.add("basedOn", String.valueOf(definition.basedOn()));
        definition.codeLists().forEach((id, codes) -> {
            for (int i = 0; i < codes.size(); i++) {
                FormDefinition.Code code = codes.get(i);
                String at = "codeLists." + id + "[" + i + "].";
                inputs.add(at + "code", code.code());
                inputs.add(at + "fr", code.fr());
                inputs.add(at + "en", code.en());
                if (code.portrait() != null) {
                    inputs.add(at + "portrait", code.portrait());
                }
                if (code.retired()) {
                    inputs.add(at + "retired", "true");
                }
            }
        });
        definition.fields().forEach((name, rule) -> {
            if (rule.asks()) {
                inputs.add("fields." + name + ".asked", "true");
            }
            if (rule.requires()) {
                inputs.add("fields." + name + ".required", "true");
            }
        });
        for (int i = 0; i < definition.questions().size(); i++) {
            FormDefinition.Question question = definition.questions().get(i);
            String at = "questions[" + i + "].";
            inputs.add(at + "id", question.id());
            inputs.add(at + "type", question.type());
            inputs.add(at + "fr", question.fr());
            inputs.add(at + "en", question.en());
            inputs.add(at + "helpFr", question.helpFr() == null ? "" : question.helpFr());
            inputs.add(at + "helpEn", question.helpEn() == null ? "" : question.helpEn());
            inputs.add(at + "codeList", question.codeList() == null ? "" : question.codeList());
            for (String flag : List.of("required", "public", "retired")) {
                boolean on = switch (flag) {
                    case "required" -> question.required();
                    case "public" -> question.published();
                    default -> question.retired();
                };
                if (on) {
                    inputs.add(at + flag, "true");
                }
            }
            FormDefinition.When when = question.when();
            inputs.add(at + "when", when == null ? "" : when.field() != null ? "field:" + when.field()
                    : "question:" + when.question());
            inputs.add(at + "when.value", when == null ? "" : when.value());
        }
        return inputs;
    }

    @Test
    void a_campaign_pins_its_version_at_creation_the_newest_unless_told_and_keeps_it_once_launched() throws Exception {
        TestOrganizations.create(organizations, "FORM-1");
        int next = newest() + 1;
        mvc.perform(asCoordinator(post("/api/forms")).content(secondVersion(next).toString()))
                .andExpect(status().isCreated());
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));

        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(YEAR, ", \"formVersion\": 999")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("formVersion"))
                .andExpect(jsonPath("$.errors[0].message").value("Version du formulaire : aucune version 999 du formulaire"));
        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(OTHER_YEAR, ", \"formVersion\": 1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.formVersion").value(1));
        mvc.perform(asCoordinator(post("/api/campaigns")).content(campaign(YEAR, "")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.formVersion").value(next));
        // planned: its coordinator may still pin another version
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/form-version", YEAR)).content("{\"formVersion\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formVersion").value(1));
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/form-version", YEAR)).content("{\"formVersion\": 999}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("formVersion"));
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/form-version", YEAR))
                        .content("{\"formVersion\": " + next + "}"))
                .andExpect(status().isOk());
        mvc.perform(asCoordinator(post("/api/campaigns/{year}/launch", YEAR))).andExpect(status().isOk());

        mvc.perform(asCoordinator(post("/api/campaigns/{year}/form-version", YEAR)).content("{\"formVersion\": 1}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("formVersion"))
                .andExpect(jsonPath("$.errors[0].message", containsString("garde la version " + next)));
        mvc.perform(post("/api/campaigns/{year}/form-version", OTHER_YEAR).with(httpBasic("gestion", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"formVersion\": 1}"))
                .andExpect(status().isForbidden());

        assertThatThrownBy(() -> jdbc.update("update campaign set form_version = 1 where year = ?", YEAR))
                .hasMessageContaining("never changes");
        assertThat(jdbc.queryForObject("select form_version from campaign where year = ?", Integer.class, YEAR))
                .isEqualTo(next);
        mvc.perform(get("/api/campaigns").with(httpBasic("gestion", "demo")))
                .andExpect(jsonPath("$[?(@.year == " + OTHER_YEAR + ")].formVersion", hasItem(1)));
    }

    @Test
    void the_api_description_documents_a_definition_with_its_json_schema() throws Exception {
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

    /**
     * The newest version with what the ministry changes for a year: a category split off (counted in the Portrait as
     * its parent), a phase retired, a required yes/no question only for generative AI, an optional public link.
     */
    @Test
    void a_campaign_on_version_two_takes_answers_by_question_id_and_refuses_a_submission_without_the_required_one()
            throws Exception {
        TestOrganizations.createWithLogin(organizations, identity, ANSWERS_ORG);
        int next = newest() + 1;
        mvc.perform(asCoordinator(post("/api/forms")).content(secondVersion(next).toString()))
                .andExpect(status().isCreated());
        campaigns.create(ANSWERS_YEAR, List.of(ANSWERS_ORG), next);
        transactions.executeWithoutResult(status -> opening.open(ANSWERS_YEAR, ANSWERS_ORG));
        campaigns.runDueJobs(ANSWERS_YEAR);
        String url = "/api/campaigns/" + ANSWERS_YEAR + "/declarations/" + ANSWERS_ORG;
        // generative AI: the guidance question is asked, and required
        ObjectNode initiative = json.valueToTree(TestDeclarations.complete(null, "Rédaction assistée des réponses",
                ANSWERS_YEAR));

        // a question the version does not ask, a wrong type: refused at their place, nothing saved
        initiative.putObject("answers").put("guidanceFollowed", "oui").put("contactPerson", "Rita");
        mvc.perform(asRespondent(put(url)).content(draft(0, initiative)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].answers.guidanceFollowed")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].answers.contactPerson")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("lignes directrices"))));
        mvc.perform(get(url).with(httpBasic(RESPONDENT, "demo")))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.initiatives.length()").value(0));

        // without the required answer: a draft, but no submission
        initiative.remove("answers");
        mvc.perform(asRespondent(put(url)).content(draft(0, initiative))).andExpect(status().isOk());
        mvc.perform(asRespondent(post(url + "/submit")).content(SIGNATURE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path", hasItem("initiatives[0].answers.guidanceFollowed")));

        // with it: saved, read back by question id, submitted
        String id = json.readTree(mvc.perform(get(url).with(httpBasic(RESPONDENT, "demo"))).andReturn().getResponse()
                .getContentAsString()).at("/initiatives/0/initiativeId").asText();
        initiative.put("id", id).putObject("answers").put("guidanceFollowed", true)
                .put("publicInformationPage", "https://www.quebec.ca/ia/redaction");
        mvc.perform(asRespondent(put(url)).content(draft(1, initiative)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.initiatives[0].answers.guidanceFollowed").value(true))
                .andExpect(jsonPath("$.initiatives[0].answers.publicInformationPage")
                        .value("https://www.quebec.ca/ia/redaction"));
        mvc.perform(get(url).with(httpBasic(RESPONDENT, "demo")))
                .andExpect(jsonPath("$.initiatives[0].answers.guidanceFollowed").value(true));
        // a save that sends no answers (the page's, until it asks the questions) keeps those saved
        ObjectNode withoutAnswers = initiative.deepCopy();
        withoutAnswers.remove("answers");
        mvc.perform(asRespondent(put(url)).content(draft(2, withoutAnswers)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.initiatives[0].answers.guidanceFollowed").value(true));
        mvc.perform(asRespondent(post(url + "/submit")).content(SIGNATURE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SOUMISE"))
                .andExpect(jsonPath("$.initiatives[0].answers.guidanceFollowed").value(true));
        // the aggregate's own mapping (Spring Data JDBC, what last year's reading uses) reads them back too
        long declarationId = jdbc.queryForObject("select id from declaration where campaign_year = ? "
                + "and organization_code = ?", Long.class, ANSWERS_YEAR, ANSWERS_ORG);
        assertThat(declarationRepository.findById(declarationId).orElseThrow().initiatives().get(0).answers().values())
                .containsEntry("guidanceFollowed", true)
                .containsEntry("publicInformationPage", "https://www.quebec.ca/ia/redaction");
    }

    private static final String SIGNATURE = """
            {"attestation": true, "signatory": {"name": "Denise Directrice", "role": "Dirigeante de l’information",
             "email": "dri.form-ans@example.qc.ca"}}""";

    private String draft(int version, ObjectNode initiative) {
        ObjectNode draft = json.createObjectNode().put("version", version).put("noInitiatives", false);
        draft.putObject("contact").put("name", "Rita Répondante").put("email", RESPONDENT);
        draft.putArray("initiatives").add(initiative);
        return draft.toString();
    }

    private static MockHttpServletRequestBuilder asRespondent(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(RESPONDENT, "demo")).contentType(MediaType.APPLICATION_JSON);
    }

    private ObjectNode secondVersion(int version) throws Exception {
        ObjectNode definition = (ObjectNode) json.readTree(mvc.perform(get("/api/forms/{version}", version - 1)
                .with(httpBasic("coordo", "demo"))).andReturn().getResponse().getContentAsString());
        definition.put("version", version).put("basedOn", version - 1);
        ArrayNode categories = (ArrayNode) definition.at("/codeLists/category");
        if (categories.findValuesAsText("code").stream().noneMatch("GENERATION_CONTENU"::equals)) {
            categories.addObject().put("code", "GENERATION_CONTENU").put("fr", "Génération de contenu")
                    .put("en", "Content generation").put("retired", false).put("portrait", "AUTOMATISATION");
        }
        for (JsonNode phase : definition.at("/codeLists/phase")) {
            if ("COLLECTE_TRAITEMENT_DONNEES".equals(phase.get("code").asText())) {
                ((ObjectNode) phase).put("retired", true);
            }
        }
        // what the newest version asked besides these two (other tests' versions) stays, retired: never removed
        List<ObjectNode> others = new ArrayList<>();
        for (JsonNode question : definition.path("questions")) {
            if (!Set.of("guidanceFollowed", "publicInformationPage").contains(question.get("id").asText())) {
                ObjectNode retired = ((ObjectNode) question.deepCopy()).put("retired", true).put("required", false);
                retired.remove("when");
                others.add(retired);
            }
        }
        ArrayNode questions = definition.putArray("questions");
        ObjectNode guidance = questions.addObject().put("id", "guidanceFollowed").put("type", "YES_NO")
                .put("fr", "L’initiative suit-elle les lignes directrices sur l’IA générative?")
                .put("en", "Does the initiative follow the generative AI guidance?")
                .put("helpFr", "Guide d’application de décembre 2025.").put("helpEn", "December 2025 guidance.")
                .put("required", true).put("public", false).put("retired", false);
        guidance.putObject("when").put("field", "generativeAi").put("value", "true");
        questions.addObject().put("id", "publicInformationPage").put("type", "SHORT_TEXT")
                .put("fr", "Page d’information publique").put("en", "Public information page")
                .put("required", false).put("public", true).put("retired", false);
        questions.addAll(others);
        return definition;
    }

    private int newest() throws Exception {
        return json.readTree(mvc.perform(get("/api/forms").with(httpBasic("coordo", "demo"))).andReturn().getResponse()
                .getContentAsString()).get(0).get("version").asInt();
    }

    private static String campaign(int year, String more) {
        return """
                {"year": %d, "referenceDate": "%d-06-30", "openingDate": "%d-09-01", "dueDate": "%d-10-31",
                 "closingDate": "%d-11-30", "organizationCodes": ["FORM-1"]%s}
                """.formatted(year, year, year, year, year, more);
    }

    /** An initiative meeting every rule, with the answers that make no other field needed. */
    private static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("id", "IA-FORM-0001");
        values.put("name", "Tri du courrier");
        values.put("objectType", "PROJET");
        values.put("description", "Un modèle classe le courrier reçu par sujet.");
        values.put("category", "AUTOMATISATION");
        values.put("benefits", "Moins de délais");
        values.put("phase", "EXPLORATION");
        values.put("startDate", "2023-04");
        values.put("servicesToPopulation", false);
        values.put("cybersecurity", false);
        values.put("generativeAi", false);
        values.put("acquisitionMode", "DEVELOPPEMENT_INTERNE");
        values.put("personalInformation", "NON");
        values.put("decisionRole", "SOUTIEN_OPERATIONNEL");
        values.put("humanOversight", "HUMAIN_SUR_LA_BOUCLE");
        values.put("riskLevel", "FAIBLE");
        values.put("publicDescription", "Le courrier est trié plus vite.");
        return values;
    }

    private List<Violation> check(Map<String, Object> values) {
        RecordComponent[] components = InitiativeSnapshot.class.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = "initiativeId".equals(components[i].getName()) ? "id" : components[i].getName();
            arguments[i] = "notPublishable".equals(name) ? false : FieldCatalogue.find(name)
                    .map(field -> field.stored(values.get(field.name()))).orElse(null);
        }
        InitiativeSnapshot initiative;
        try {
            initiative = InitiativeSnapshot.class.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        Declaration declaration = new Declaration(1L, YEAR, "FORM", "PF", false, DeclarationStatus.BROUILLON, false,
                null, new Declaration.Person("Personne", "personne@example.org"), false, null, null, false, null, 0,
                null, List.of(initiative), 1);
        return rules.check(declaration, YearMonth.of(YEAR, 6), List.of());
    }

    private static MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON);
    }
}
