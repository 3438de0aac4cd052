package ca.gouv.qc.declarationsia.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Form versions made by tests through {@code POST /api/forms}, as a coordinator makes them. Made from version 1 (no
 * question), so that what the other tests' versions asked need not be carried: a version keeps its base's questions,
 * and version 1 has none.
 */
public final class TestFormVersions {

    private TestFormVersions() {
    }

    /**
     * The next version, with a question of every kind: a required yes/no asked only for generative AI
     * ({@code guidanceFollowed}), one choice ({@code impactAssessment}), several choices ({@code dataSources}), a short
     * text ({@code publicContact}), a long text ({@code withheldReason}) and a month ({@code assessmentMonth}).
     *
     * @return its number
     */
    public static int withEveryKindOfQuestion(MockMvc mvc, ObjectMapper json) throws Exception {
        int next = json.readTree(mvc.perform(get("/api/forms").with(httpBasic("coordo", "demo")))
                .andReturn().getResponse().getContentAsString()).get(0).get("version").asInt() + 1;
        ObjectNode definition = (ObjectNode) json.readTree(mvc.perform(get("/api/forms/1")
                .with(httpBasic("coordo", "demo"))).andReturn().getResponse().getContentAsString());
        definition.put("version", next).put("basedOn", 1);
        ObjectNode lists = (ObjectNode) definition.get("codeLists");
        ArrayNode impact = lists.putArray("impactAssessmentState");
        impact.addObject().put("code", "REALISEE").put("fr", "Réalisée").put("en", "Done");
        impact.addObject().put("code", "EN_COURS").put("fr", "En cours").put("en", "Under way");
        impact.addObject().put("code", "PREVUE").put("fr", "Prévue").put("en", "Planned");
        ArrayNode sources = lists.putArray("dataSources");
        sources.addObject().put("code", "DONNEES_INTERNES").put("fr", "Données de l’organisme").put("en", "The body's own data");
        sources.addObject().put("code", "DONNEES_OUVERTES").put("fr", "Données ouvertes").put("en", "Open data");
        sources.addObject().put("code", "DONNEES_FOURNISSEUR").put("fr", "Données d’un fournisseur").put("en", "A supplier's data");

        ArrayNode questions = definition.putArray("questions");
        ObjectNode guidance = questions.addObject().put("id", "guidanceFollowed").put("type", "YES_NO")
                .put("fr", "L’initiative suit-elle les lignes directrices sur l’IA générative?")
                .put("en", "Does the initiative follow the generative AI guidance?")
                .put("helpFr", "Guide d’application de décembre 2025.").put("helpEn", "December 2025 guidance.")
                .put("required", true);
        guidance.putObject("when").put("field", "generativeAi").put("value", "true");
        questions.addObject().put("id", "impactAssessment").put("type", "ONE_CHOICE")
                .put("fr", "État de l’évaluation d’impact").put("en", "State of the impact assessment")
                .put("codeList", "impactAssessmentState").put("public", true);
        questions.addObject().put("id", "dataSources").put("type", "SEVERAL_CHOICES")
                .put("fr", "Sources de données").put("en", "Data sources").put("codeList", "dataSources")
                .put("helpFr", "Cochez toutes celles qui s’appliquent.").put("helpEn", "Tick all that apply.");
        questions.addObject().put("id", "publicContact").put("type", "SHORT_TEXT")
                .put("fr", "Personne-ressource publique").put("en", "Public contact").put("public", true);
        questions.addObject().put("id", "withheldReason").put("type", "LONG_TEXT")
                .put("fr", "Pourquoi certains renseignements ne sont-ils pas publiés?")
                .put("en", "Why is some information withheld?");
        questions.addObject().put("id", "assessmentMonth").put("type", "MONTH")
                .put("fr", "Mois de l’évaluation").put("en", "Month of the assessment");

        mvc.perform(post("/api/forms").with(httpBasic("coordo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(definition.toString())).andExpect(status().isCreated());
        return next;
    }
}
