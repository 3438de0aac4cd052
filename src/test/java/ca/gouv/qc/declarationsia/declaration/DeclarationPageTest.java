package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestFormVersions;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The organization's declaration page: save, add, check, submit, through the same rules as the API. */
@IntegrationTest
class DeclarationPageTest {

    private static final int YEAR = 2088;
    private static final String ORG = "PAGE-DECL";
    private static final String RESPONDENT = "ia.page-decl@example.qc.ca";
    /** A campaign on a form version with questions (2071: only the database layer's schema test names it). */
    private static final int QUESTIONS_YEAR = 2071;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(QUESTIONS_YEAR);
    }

    @Test
    void a_respondent_fills_checks_and_submits_its_declaration_from_the_page() throws Exception {
        TestOrganizations.createWithLogin(organizations, identity, ORG);
        campaigns.create(YEAR, List.of(ORG));
        transactions.executeWithoutResult(status -> opening.open(YEAR, ORG));
        campaigns.runDueJobs(YEAR);
        String url = "/mes-declarations/" + YEAR + "/" + ORG;

        mvc.perform(get("/mes-declarations").with(httpBasic(RESPONDENT, "demo")))
                .andExpect(content().string(containsString("href=\"" + url + "\"")));
        mvc.perform(get(url).with(httpBasic(RESPONDENT, "demo")))
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
                + "s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class, YEAR, ORG);
        assertThat(id).isEqualTo("IA-PAGE-DECL-0001");

        int version = jdbc.queryForObject("select version from declaration where campaign_year = ? and organization_code = ?",
                Integer.class, YEAR, ORG);
        mvc.perform(complete(form(url, "submit").param("version", String.valueOf(version)), id)
                        .param("attestation", "true").param("signatoryName", "Denise Directrice")
                        .param("signatoryRole", "DPI").param("signatoryEmail", "dri.page-decl@example.qc.ca"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(url));
        campaigns.runDueJobs(YEAR);
        mvc.perform(get(url).with(httpBasic(RESPONDENT, "demo")))
                .andExpect(content().string(allOf(containsString("En révision"), containsString("ne peut être modifiée"),
                        not(containsString("Enregistrer le brouillon")), containsString(RESPONDENT))));

        mvc.perform(get(url).with(httpBasic("ia.mrnf@example.qc.ca", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post(url).with(httpBasic("analyste", "demo")).with(csrf()).param("save", "save"))
                .andExpect(status().isForbidden());
    }

    @Test
    void many_initiatives_come_in_by_csv_with_errors_by_line_and_all_or_nothing() throws Exception {
        String org = "CSV-DECL";
        TestOrganizations.create(organizations, org);
        campaigns.create(YEAR + 1, List.of(org));
        transactions.executeWithoutResult(status -> opening.open(YEAR + 1, org));
        String url = "/mes-declarations/" + (YEAR + 1) + "/" + org;

        String template = mvc.perform(get(url + "/modele.csv").with(httpBasic("coordo", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(template).startsWith("\uFEFFid,name,objectType,description,category,subcategory,benefits,phase,");
        mvc.perform(get(url + "/codes.csv").with(httpBasic("coordo", "demo")))
                .andExpect(content().string(containsString("category,TRAITEMENT_IMAGE,Traitement d’image/Imagerie médicale,")));

        String header = template.substring(1).lines().findFirst().orElseThrow();
        String good = ",Tri des courriels,PROJET,Classement des courriels entrants par sujet,AUTOMATISATION,,Délais réduits,"
                + "EXPLORATION,2088-01,,,non,non,non,DEVELOPPEMENT_INTERNE,,,NON,,SOUTIEN_OPERATIONNEL,HUMAIN_DANS_LA_BOUCLE,"
                + "NON_EVALUE,Tri des courriels";
        String bad = ",Robot,PROJET,Un robot qui répond aux demandes des citoyens,ROBOTIQUE,,,,,,,peut-être,,,,,,,,,,,";
        mvc.perform(upload(url, header + "\n" + good + "\n" + bad + "\n"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ligne 3 — Prestation de services à la population")));
        assertThat(jdbc.queryForObject("select count(*) from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = ?", Integer.class, YEAR + 1, org)).isZero();
        mvc.perform(upload(url, header + "\n" + good + "\n" + bad.replace("peut-être", "oui") + "\n"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ligne 3 — Catégorie : code inconnu")));

        mvc.perform(upload(url, header + "\n" + good + "\n" + good.replace("Tri des courriels", "Résumé des plaintes") + "\n"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select s.name from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = ? order by position", String.class, YEAR + 1, org))
                .containsExactly("Tri des courriels", "Résumé des plaintes");

        mvc.perform(upload(url, "id;name\nx;é"))
                .andExpect(content().string(containsString("colonnes manquantes")));
        campaigns.cleanUp(YEAR + 1);
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
                + "Délais réduits,EXPLORATION,2070-01,,,non,non,oui,DEVELOPPEMENT_INTERNE,,,NON,,SOUTIEN_OPERATIONNEL,"
                + "HUMAIN_DANS_LA_BOUCLE,NON_EVALUE,Rédaction assistée";
        String answers = ",oui,EN_COURS,DONNEES_INTERNES;DONNEES_OUVERTES,ia@csv-q.gouv.qc.ca,\"Secret industriel, "
                + "pour l’instant\",2070-05";
        mvc.perform(upload(url, header + "\n" + fields + answers + "\n")).andExpect(status().isFound());
        Map<String, Object> stored = answers(org);
        assertThat(stored).containsEntry("guidanceFollowed", true).containsEntry("impactAssessment", "EN_COURS")
                .containsEntry("dataSources", List.of("DONNEES_INTERNES", "DONNEES_OUVERTES"))
                .containsEntry("publicContact", "ia@csv-q.gouv.qc.ca")
                .containsEntry("withheldReason", "Secret industriel, pour l’instant")
                .containsEntry("assessmentMonth", "2070-05").hasSize(6);

        // generative AI: the page asks the guidance question without waiting for its script
        mvc.perform(get(url).with(httpBasic("coordo", "demo"))).andExpect(content().string(allOf(
                containsString(GUIDANCE_QUESTION + ">"),
                containsString("value=\"EN_COURS\" selected=\"selected\""))));

        // the template holds them as it takes them: sent back as it is, it changes nothing
        String template = mvc.perform(get(url + "/modele.csv").with(httpBasic("coordo", "demo")))
                .andReturn().getResponse().getContentAsString().substring(1);
        assertThat(template).contains(",oui,EN_COURS,DONNEES_INTERNES;DONNEES_OUVERTES,ia@csv-q.gouv.qc.ca,"
                + "\"Secret industriel, pour l’instant\",2070-05");
        mvc.perform(upload(url, template)).andExpect(status().isFound());
        assertThat(answers(org)).isEqualTo(stored);

        // what the version does not take: each refusal on its line, naming the question; nothing changed
        String id = jdbc.queryForObject("select s.initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class,
                QUESTIONS_YEAR, org);
        String bad = id + fields + ",peut-être,ABANDONNEE,DONNEES_INTERNES;INCONNUES,,,2070-13";
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
        return post(url).with(httpBasic(RESPONDENT, "demo")).with(csrf())
                .param("submit".equals(action) ? "submitDeclaration" : action, action)
                .param("contactName", "Rita Répondante").param("contactEmail", RESPONDENT);
    }

    private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request, String id) {
        return request.param("initiatives[0].id", id).param("initiatives[0].name", "Prévision des crues")
                .param("initiatives[0].objectType", "PROJET")
                .param("initiatives[0].description", "Prévoir les crues printanières à partir des relevés.")
                .param("initiatives[0].category", "AIDE_DECISION_PREDICTION").param("initiatives[0].benefits", "Alertes plus tôt")
                .param("initiatives[0].phase", "EXPLORATION").param("initiatives[0].startDate", "2087-11")
                .param("initiatives[0].servicesToPopulation", "true").param("initiatives[0].cybersecurity", "false")
                .param("initiatives[0].generativeAi", "false").param("initiatives[0].acquisitionMode", "DEVELOPPEMENT_INTERNE")
                .param("initiatives[0].personalInformation", "NON").param("initiatives[0].decisionRole", "AIDE_A_LA_DECISION")
                .param("initiatives[0].humanOversight", "HUMAIN_DANS_LA_BOUCLE").param("initiatives[0].riskLevel", "NON_EVALUE")
                .param("initiatives[0].publicDescription", "Prévision des crues.");
    }
}
