package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Submit, validate, review: an invalid submission comes back to the organization; a reviewer requests a correction
 * on one field; the organization corrects and resubmits; the reviewer accepts. Every step is audited.
 */
@IntegrationTest
class ReviewLoopProcessTest {

    private static final int YEAR = 2086;
    private static final String ORG = "REV-1";
    private static final String RESPONDENT = "ia.rev-1@example.qc.ca";

    @Autowired
    ProcessEngine engine;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void an_invalid_submission_comes_back_then_a_correction_round_ends_in_acceptance() throws Exception {
        TestOrganizations.createWithLogin(organizations, identity, ORG);
        campaigns.create(YEAR, List.of(ORG));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        ProcessInstance declaration = runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-" + ORG)
                .singleResult();

        // completed from Tasklist with nothing declared: the process's own validation sends it back
        tasks.complete(organizationTask().getId());
        assertThat(declaration).hasPassed("ServiceTask_ValidateDeclaration", "ServiceTask_ReturnDeclaration")
                .isWaitingAt("UserTask_PrepareDeclaration");
        assertThat(declarationStatus()).isEqualTo("BROUILLON");

        mvc.perform(asRespondent(put(url())).content(draft("Agent des permis", "Fournisseur inc.", null)))
                .andExpect(status().isOk());
        String initiativeId = jdbc.queryForObject("select initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class, YEAR, ORG);
        mvc.perform(asRespondent(post(url() + "/submit")).content(signature())).andExpect(status().isOk());
        assertThat(declaration).isWaitingAt("UserTask_ReviewDeclaration");
        assertThat(declarationStatus()).isEqualTo("EN_REVISION");

        assertThatThrownBy(() -> tasks.complete(reviewTask().getId()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("/revision/" + YEAR + "/" + ORG);
        mvc.perform(asReviewer(post(url() + "/review")).content("{\"decision\": \"REQUEST_CORRECTIONS\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].path").value("comments"));
        mvc.perform(asRespondent(post(url() + "/review")).content("{\"decision\": \"ACCEPT\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(asRespondent(put(url())).content(draft("Agent des permis", "Fournisseur inc.", initiativeId)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("Locked"));

        mvc.perform(asReviewer(post(url() + "/review")).content("""
                        {"decision": "REQUEST_CORRECTIONS", "comments": [{"initiativeId": "%s", "field": "benefits",
                         "message": "Précisez les bénéfices mesurés."}]}""".formatted(initiativeId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("A_CORRIGER"));
        campaigns.runDueJobs(YEAR);
        assertThat(declaration).hasPassed("ServiceTask_RequestCorrections", "ServiceTask_SendCorrectionRequest")
                .isWaitingAt("UserTask_CorrectDeclaration");
        assertThat(CaughtMail.to(mailCatcher, RESPONDENT).stream().map(ReviewLoopProcessTest::body))
                .anyMatch(body -> body.contains("Précisez les bénéfices mesurés.") && body.contains(initiativeId));

        // the correction round has its own due date (14 days) and its own reminders
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 8, 9, 0, 30));
        campaigns.runDueJobs(YEAR);
        assertThat(declaration).hasPassed("BoundaryEvent_CorrectionFollowUp", "Gateway_DailyCheck");
        assertThat(jdbc.queryForObject("select subject from mail_outbox where campaign_year = ? and organization_code = ? "
                + "and kind = 'REMINDER'", String.class, YEAR, ORG)).contains("15 septembre 2086");

        // the correction is invalid at first: it comes back to the correction task, not to the first one
        String broken = draft("Agent des permis", "Fournisseur inc.", initiativeId).replace("\"riskLevel\": \"MODERE\"", "\"riskLevel\": null");
        mvc.perform(asRespondent(put(url())).content(broken)).andExpect(status().isOk());
        tasks.complete(organizationTask().getId());
        assertThat(declaration).isWaitingAt("UserTask_CorrectDeclaration");
        assertThat(declarationStatus()).isEqualTo("A_CORRIGER");

        mvc.perform(asRespondent(put(url())).content(draft("Agent des permis", "Fournisseur inc.", initiativeId)
                .replace("Réponses en tout temps", "Réponses en tout temps; 30 % d’appels en moins"))).andExpect(status().isOk());
        mvc.perform(asRespondent(post(url() + "/submit")).content(signature())).andExpect(status().isOk());
        assertThat(declaration).isWaitingAt("UserTask_ReviewDeclaration");

        mvc.perform(asReviewer(post(url() + "/review")).content("""
                        {"decision": "ACCEPT", "overrides": [{"initiativeId": "%s", "genericProductName": "Fournisseur inc. agent"}]}
                        """.formatted(initiativeId)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("ni le fournisseur ni le produit")));
        mvc.perform(asReviewer(post(url() + "/review")).content("""
                        {"decision": "ACCEPT", "overrides": [{"initiativeId": "%s", "genericProductName": "Agent conversationnel infonuagique"}]}
                        """.formatted(initiativeId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTEE"));
        campaigns.runDueJobs(YEAR);

        assertThat(declaration).hasPassed("ServiceTask_AcceptDeclaration", "ServiceTask_SendAcceptance",
                "EndEvent_DeclarationAccepted").isEnded();
        assertThat(jdbc.queryForObject("select generic_product_name from initiative_snapshot where initiative_id = ?",
                String.class, initiativeId)).isEqualTo("Agent conversationnel infonuagique");
        assertThat(jdbc.queryForList("""
                select coalesce(from_status, '-') || '>' || to_status || ' ' || actor from declaration_transition t
                  join declaration d on d.id = t.declaration_id where d.campaign_year = ? and d.organization_code = ?
                 order by t.id""", String.class, YEAR, ORG)).containsExactly(
                "BROUILLON>SOUMISE tasklist", "SOUMISE>BROUILLON system",
                "BROUILLON>SOUMISE " + RESPONDENT, "SOUMISE>EN_REVISION system",
                "EN_REVISION>A_CORRIGER analyste",
                "A_CORRIGER>SOUMISE tasklist", "SOUMISE>A_CORRIGER system",
                "A_CORRIGER>SOUMISE " + RESPONDENT, "SOUMISE>EN_REVISION system",
                "EN_REVISION>ACCEPTEE analyste");
        assertThat(jdbc.queryForObject("select count(*) from review_round r join declaration d on d.id = r.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = ?", Integer.class, YEAR, ORG)).isEqualTo(2);
        assertThat(CaughtMail.to(mailCatcher, RESPONDENT).stream().map(ReviewLoopProcessTest::subject))
                .anyMatch(subject -> subject.contains("acceptée"));
    }

    private String declarationStatus() {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, ORG);
    }

    private org.camunda.bpm.engine.task.Task organizationTask() {
        return tasks.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + ORG)
                .taskDefinitionKeyIn("UserTask_PrepareDeclaration", "UserTask_CorrectDeclaration").singleResult();
    }

    private org.camunda.bpm.engine.task.Task reviewTask() {
        return tasks.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + ORG)
                .taskDefinitionKey("UserTask_ReviewDeclaration").singleResult();
    }

    /** The draft; without an id the initiative is new, with one it is the same initiative updated. */
    private static String draft(String name, String supplier, String id) {
        return """
                {"noInitiatives": false, "contact": {"name": "Rita Répondante", "email": "%s"},
                 "initiatives": [{%s"name": "%s", "objectType": "ACTIF_INFORMATIONNEL",
                  "description": "Un agent conversationnel répond aux questions sur les permis de chasse.",
                  "category": "ASSISTANT_AGENT_CONVERSATIONNEL", "benefits": "Réponses en tout temps",
                  "phase": "EXPLOITATION_SUIVI", "startDate": "2080-04", "productionDate": "2081-01",
                  "servicesToPopulation": true, "cybersecurity": false, "generativeAi": true,
                  "acquisitionMode": "SOLUTION_INFONUAGIQUE_COMMERCIALE", "supplierName": "%s",
                  "productName": "Produit X", "personalInformation": "NON", "privacyImpactAssessment": "REALISEE",
                  "decisionRole": "SOUTIEN_OPERATIONNEL", "humanOversight": "HUMAIN_SUR_LA_BOUCLE", "riskLevel": "MODERE",
                  "publicDescription": "Un agent répond aux questions sur les permis."}]}""".formatted(RESPONDENT,
                id == null ? "" : "\"id\": \"" + id + "\", ", name, supplier);
    }

    private static String signature() {
        return "{\"attestation\": true, \"signatory\": {\"name\": \"Denise Directrice\", \"role\": \"DPI\", "
                + "\"email\": \"dri.rev-1@example.qc.ca\"}}";
    }

    private static String url() {
        return "/api/campaigns/" + YEAR + "/declarations/" + ORG;
    }

    private static MockHttpServletRequestBuilder asRespondent(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(RESPONDENT, "demo")).contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder asReviewer(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("analyste", "demo")).contentType(MediaType.APPLICATION_JSON);
    }

    private static String body(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
