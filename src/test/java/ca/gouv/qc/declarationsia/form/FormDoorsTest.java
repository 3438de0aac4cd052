package ca.gouv.qc.declarationsia.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The form versions' doors, over HTTP in the whole application: what JSON itself says wrong about a definition, and
 * the coordinators' page judging and saving as the API does. The rules behind them are {@link FormVersionsTest}'s.
 */
@IntegrationTest
class FormDoorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    FormVersions forms;

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
                // the place as a coordinator reads it, not its path
                .andExpect(content().string(containsString("Liste category, code " + (categories + 1)
                        + ", code : le code AUTOMATISATION figure deux fois dans la liste")))
                .andExpect(content().string(containsString("Liste category, code " + (categories + 1)
                        + ", libellé anglais : l’étiquette anglaise manque")));
        assertThat(newest()).as("nothing stored").isEqualTo(before);

        mvc.perform(post("/formulaires").with(httpBasic("coordo", "demo")).with(csrf()).params(pageInputs(base))
                        .param("action", "save"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/formulaires"));
        FormDefinition saved = json.readValue(mvc.perform(get("/api/forms/{version}", before + 1)
                .with(httpBasic("coordo", "demo"))).andReturn().getResponse().getContentAsString(), FormDefinition.class);
        assertThat(saved).isEqualTo(base);
    }

    /**
     * A code list the page adds is judged by the API's own rules, each problem beside the new list's row (a code twice,
     * an English label missing, a question naming a list none has); the page alone says what the API's JSON cannot
     * carry: a new list without an id, with the id of a list of the version, or with the id of another new list.
     */
    @Test
    void a_code_list_the_page_adds_is_judged_by_the_apis_rules_beside_its_row_and_nothing_is_stored() throws Exception {
        int before = newest();
        ObjectNode api = secondVersion(before + 1);
        FormDefinition base = json.treeToValue(api, FormDefinition.class);
        MultiValueMap<String, String> inputs = pageInputs(base);
        int asked = base.questions().size();
        String question = "questions[" + asked + "]";
        inputs.add("newLists[0].id", "pageMeasure");
        code(inputs, "newLists[0][0]", "UN", "Un", "One");
        code(inputs, "newLists[0][1]", "un", "Encore un", "");
        inputs.add("newLists[1].id", "category");
        code(inputs, "newLists[1][0]", "X", "Ex", "Ex");
        code(inputs, "newLists[2][0]", "Y", "Igrec", "Why");
        inputs.add("newLists[3].id", "pageMeasure");
        code(inputs, "newLists[3][0]", "Z", "Zède", "Zed");
        inputs.add(question + ".id", "pageQuestion");
        inputs.add(question + ".type", "ONE_CHOICE");
        inputs.add(question + ".fr", "Quelle mesure?");
        inputs.add(question + ".en", "Which measure?");
        inputs.add(question + ".codeList", "pageMeasures");

        mvc.perform(post("/formulaires").with(httpBasic("coordo", "demo")).with(csrf()).params(inputs)
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"newLists[0][1].code-error\" class=\"field-error\">"
                        + "Liste pageMeasure, code 2, code : le code UN figure deux fois dans la liste<")))
                .andExpect(content().string(containsString("id=\"newLists[0][1].en-error\" class=\"field-error\">"
                        + "Liste pageMeasure, code 2, libellé anglais : l’étiquette anglaise manque<")))
                .andExpect(content().string(containsString("id=\"newLists[1].id-error\" class=\"field-error\">"
                        + "Identifiant de la nouvelle liste : une liste category existe déjà : choisissez un autre identifiant<")))
                .andExpect(content().string(containsString("id=\"newLists[2].id-error\" class=\"field-error\">"
                        + "Identifiant de la nouvelle liste : donnez un identifiant à la liste<")))
                .andExpect(content().string(containsString("id=\"newLists[3].id-error\" class=\"field-error\">"
                        + "Identifiant de la nouvelle liste : deux nouvelles listes s’appellent pageMeasure<")))
                .andExpect(content().string(containsString("id=\"" + question + ".codeList-error\" class=\"field-error\">"
                        + "Question " + (asked + 1) + ", liste de codes : aucune liste de codes « pageMeasures » pour cette "
                        + "question à choix<")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<option value=\"pageMeasures\"\\s+"
                        + "selected>pageMeasures \\(aucune liste de ce nom\\)</option>.*")));
        assertThat(newest()).as("nothing stored").isEqualTo(before);

        // the same list and question through the API: the same rules, at the same places of the definition
        ((ObjectNode) api.get("codeLists")).putArray("pageMeasure").add(json.createObjectNode()
                .put("code", "UN").put("fr", "Un").put("en", "One")).add(json.createObjectNode()
                .put("code", "UN").put("fr", "Encore un"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) api.get("questions")).add(json.createObjectNode()
                .put("id", "pageQuestion").put("type", "ONE_CHOICE").put("fr", "Quelle mesure?").put("en", "Which measure?")
                .put("codeList", "pageMeasures"));
        mvc.perform(asCoordinator(post("/api/forms")).content(api.toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].path").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "codeLists.pageMeasure[1].code", "codeLists.pageMeasure[1].en", question + ".codeList")));
        assertThat(newest()).isEqualTo(before);
    }

    private static void code(MultiValueMap<String, String> inputs, String row, String code, String fr, String en) {
        inputs.add(row + ".code", code);
        inputs.add(row + ".fr", fr);
        inputs.add(row + ".en", en);
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

    private ObjectNode secondVersion(int version) throws Exception {
        ObjectNode newest = (ObjectNode) json.readTree(mvc.perform(get("/api/forms/{version}", version - 1)
                .with(httpBasic("coordo", "demo"))).andReturn().getResponse().getContentAsString());
        return FormVersionsTest.secondVersion(json, newest, version);
    }

    private int newest() throws Exception {
        return json.readTree(mvc.perform(get("/api/forms").with(httpBasic("coordo", "demo"))).andReturn().getResponse()
                .getContentAsString()).get(0).get("version").asInt();
    }

    private static MockHttpServletRequestBuilder asCoordinator(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON);
    }
}
