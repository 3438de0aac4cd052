package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.declaration.SubmitForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.review.ReviewForm;
import ca.gouv.qc.declarationsia.review.ReviewService;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Submit, review, correct, accept: the organization's task completes only through a submission; a reviewer requests
 * a correction on one field and the body can resubmit at once, mail or no mail; the correction round has its own due
 * date; the second round's decision is its own. Every step is audited with who did it. Walking every path of
 * {@code organization-declaration} makes exactly the moves {@code DeclarationStatus} allows (the lifecycle's refusal of
 * every other move is in {@code DeclarationLifecycleTest}). The real delegates and listeners on the database layer's
 * engine; the respondent and the reviewer act through the services their pages and the API call, as themselves, in
 * French (what each door adds, the status codes and problem+json, is the API's tests').
 */
@DatabaseTest
class ReviewLoopProcessTest {

    private static final int YEAR = 2086;
    private static final String ORG = "REV-1";
    private static final String RESPONDENT = "ia.rev-1@example.qc.ca";
    /** The model's paths walked whole, with bodies of their own. */
    private static final int PATHS_YEAR = 2043;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

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

    @Autowired
    TestDeclarations declarations;

    @Autowired
    DeclarationService declarationService;

    @Autowired
    ReviewService reviews;

    @BeforeEach
    void setUp() {
        init(engine);
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(PATHS_YEAR);
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void every_path_of_the_model_makes_exactly_the_moves_the_status_allows() {
        List.of("TRN-A", "TRN-B").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(PATHS_YEAR, List.of("TRN-A", "TRN-B"));
        TestCampaigns.clockAt(LocalDateTime.of(PATHS_YEAR, 9, 1, 13, 0));
        campaigns.launch(PATHS_YEAR);
        campaigns.runDueJobs(PATHS_YEAR);
        // submit, corrections, resubmit, accept; and a body exempted
        declarations.submit(PATHS_YEAR, "TRN-A", List.of());
        campaigns.runDueJobs(PATHS_YEAR);
        decide("REQUEST_CORRECTIONS");
        declarations.submit(PATHS_YEAR, "TRN-A", List.of());
        campaigns.runDueJobs(PATHS_YEAR);
        decide("ACCEPT");
        SystemAuthentication.runAsSystem(() -> declarationService.exempt(PATHS_YEAR, "TRN-B", "Organisme dissous"));

        Set<String> made = Set.copyOf(jdbc.queryForList("""
                select t.from_status || '>' || t.to_status from declaration_transition t
                  join declaration d on d.id = t.declaration_id where d.campaign_year = ?""", String.class, PATHS_YEAR));
        Set<String> allowed = Arrays.stream(DeclarationStatus.values())
                .flatMap(from -> Arrays.stream(DeclarationStatus.values()).filter(from::canMoveTo).map(to -> from + ">" + to))
                .collect(Collectors.toSet());
        assertThat(made).as("the moves the model made are the moves the status allows").isEqualTo(allowed);
    }

    private void decide(String decision) {
        TestUsers.asReviewer(() -> {
            reviews.decide(PATHS_YEAR, "TRN-A", new ReviewForm(decision,
                    List.of(new ReviewComment(null, null, "Précisez.")), List.of()));
            return null;
        });
        campaigns.runDueJobs(PATHS_YEAR);
    }

    @Test
    void a_correction_round_ends_in_acceptance_each_decision_its_own_and_each_step_audited() {
        TestOrganizations.createWithLogin(organizations, identity, ORG);
        campaigns.create(YEAR, List.of(ORG));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        ProcessInstance declaration = runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-" + ORG)
                .singleResult();

        assertThatThrownBy(() -> tasks.complete(organizationTask().getId()))
                .as("the task completes only through a submission").isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("se soumet sur sa page");
        assertThat(declaration).isWaitingAt("UserTask_PrepareDeclaration");
        assertThat(declarationStatus()).isEqualTo("BROUILLON");

        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 20, 13, 0));
        save(null, "Réponses en tout temps");
        String initiativeId = jdbc.queryForObject("select initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ?", String.class, YEAR, ORG);
        assertThat(submit().status()).isEqualTo(DeclarationStatus.SOUMISE);
        campaigns.runDueJobs(YEAR);
        assertThat(declaration).hasPassed("ServiceTask_PutUnderReview").isWaitingAt("UserTask_ReviewDeclaration");
        assertThat(declarationStatus()).isEqualTo("EN_REVISION");

        assertThatThrownBy(() -> tasks.complete(reviewTask().getId()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("/revision/" + YEAR + "/" + ORG);
        assertThatThrownBy(() -> review("{\"decision\": \"REQUEST_CORRECTIONS\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal ->
                        assertThat(refusal.violations().get(0).path()).isEqualTo("comments"));
        assertThatThrownBy(() -> asRespondent(() -> {
            reviews.decide(YEAR, ORG, read("{\"decision\": \"ACCEPT\"}", ReviewForm.class));
            return null;
        })).as("a respondent does not decide").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> save(initiativeId, "Réponses en tout temps"))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal ->
                        assertThat(refusal.violations().get(0).code()).isEqualTo("Locked"));

        review("""
                {"decision": "REQUEST_CORRECTIONS", "comments": [{"initiativeId": "%s", "field": "benefits",
                 "message": "Précisez les bénéfices mesurés."}]}""".formatted(initiativeId));
        assertThat(declarationStatus()).isEqualTo("A_CORRIGER");
        assertThat(declaration).as("the body may correct at once, before any mail left")
                .hasPassed("ServiceTask_RequestCorrections").isWaitingAt("UserTask_CorrectDeclaration");
        assertThat(correctionDueDate()).as("14 days, or the body's own due date if later").isEqualTo("2086-11-03");

        campaigns.runDueJobs(YEAR);
        assertThat(CaughtMail.to(mailCatcher, RESPONDENT).stream().map(ReviewLoopProcessTest::body))
                .anyMatch(body -> body.contains("Précisez les bénéfices mesurés.") && body.contains(initiativeId)
                        && body.contains("Bénéfices") && body.contains("3 novembre 2086"));

        // the correction round has its own reminders, on its own due date
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 10, 27, 9, 0, 30));
        campaigns.runDueJobs(YEAR);
        assertThat(declaration).hasPassed("BoundaryEvent_CorrectionFollowUp", "ServiceTask_QueueFollowUp");
        assertThat(jdbc.queryForObject("select subject from mail_outbox where campaign_year = ? and organization_code = ? "
                + "and kind = 'REMINDER'", String.class, YEAR, ORG)).contains("3 novembre 2086");

        // corrected after the campaign's due date, before the round's: on time
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 11, 2, 13, 0));
        save(initiativeId, "Réponses en tout temps; 30 % d’appels en moins");
        submit();
        campaigns.runDueJobs(YEAR);
        assertThat(declaration).isWaitingAt("UserTask_ReviewDeclaration");
        assertThat(jdbc.queryForObject("select late from declaration where campaign_year = ? and organization_code = ?",
                Boolean.class, YEAR, ORG)).as("a correction on time is not late").isFalse();

        assertThatThrownBy(() -> tasks.complete(reviewTask().getId()))
                .as("round 2 has no decision yet: round 1's is not replayed").isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> review("""
                        {"decision": "ACCEPT", "overrides": [{"initiativeId": "%s", "genericProductName": "Fournisseur inc. agent"}]}
                        """.formatted(initiativeId)))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal ->
                        assertThat(refusal.violations().get(0).message()).contains("ni le fournisseur ni le produit"));
        review("""
                {"decision": "ACCEPT", "overrides": [{"initiativeId": "%s", "genericProductName": "Agent conversationnel infonuagique"}]}
                """.formatted(initiativeId));
        assertThat(declarationStatus()).isEqualTo("ACCEPTEE");
        campaigns.runDueJobs(YEAR);

        assertThat(declaration).hasPassed("ServiceTask_AcceptDeclaration", "EndEvent_DeclarationAccepted").isEnded();
        assertThat(jdbc.queryForObject("select generic_product_name from initiative_snapshot where initiative_id = ?",
                String.class, initiativeId)).isEqualTo("Agent conversationnel infonuagique");
        assertThat(jdbc.queryForList("""
                select coalesce(from_status, '-') || '>' || to_status || ' ' || actor from declaration_transition t
                  join declaration d on d.id = t.declaration_id where d.campaign_year = ? and d.organization_code = ?
                 order by t.id""", String.class, YEAR, ORG)).containsExactly(
                "BROUILLON>SOUMISE " + RESPONDENT, "SOUMISE>EN_REVISION system",
                "EN_REVISION>A_CORRIGER analyste",
                "A_CORRIGER>SOUMISE " + RESPONDENT, "SOUMISE>EN_REVISION system",
                "EN_REVISION>ACCEPTEE analyste");
        assertThat(jdbc.queryForList("select r.submission_number || ' ' || r.decision from review_round r join declaration d "
                + "on d.id = r.declaration_id where d.campaign_year = ? and d.organization_code = ? order by r.round",
                String.class, YEAR, ORG)).as("each decision belongs to the submission it decided")
                .containsExactly("1 REQUEST_CORRECTIONS", "2 ACCEPT");
        assertThat(CaughtMail.to(mailCatcher, RESPONDENT).stream().map(ReviewLoopProcessTest::subject))
                .anyMatch(subject -> subject.contains("acceptée"));
    }

    private String declarationStatus() {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, YEAR, ORG);
    }

    private String correctionDueDate() {
        return jdbc.queryForObject("select correction_due_date::text from declaration where campaign_year = ? "
                + "and organization_code = ?", String.class, YEAR, ORG);
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
    private static String draft(String id, String benefits) {
        return """
                {"noInitiatives": false, "contact": {"name": "Rita Répondante", "email": "%s"},
                 "initiatives": [{%s"name": "Agent des permis", "objectType": "ACTIF_INFORMATIONNEL",
                  "description": "Un agent conversationnel répond aux questions sur les permis de chasse.",
                  "category": "ASSISTANT_AGENT_CONVERSATIONNEL", "benefits": "%s",
                  "phase": "EXPLOITATION_SUIVI", "startDate": "2080-04", "productionDate": "2081-01",
                  "servicesToPopulation": true, "cybersecurity": false, "generativeAi": true,
                  "acquisitionMode": "SOLUTION_INFONUAGIQUE_COMMERCIALE", "supplierName": "Fournisseur inc.",
                  "productName": "Produit X", "personalInformation": "NON", "privacyImpactAssessment": "REALISEE",
                  "decisionRole": "SOUTIEN_OPERATIONNEL", "humanOversight": "HUMAIN_SUR_LA_BOUCLE", "riskLevel": "MODERE",
                  "publicDescription": "Un agent répond aux questions sur les permis."}]}""".formatted(RESPONDENT,
                id == null ? "" : "\"id\": \"" + id + "\", ", benefits);
    }

    private static String signature() {
        return "{\"attestation\": true, \"signatory\": {\"name\": \"Denise Directrice\", \"role\": \"DPI\", "
                + "\"email\": \"dri.rev-1@example.qc.ca\"}}";
    }

    /** The respondent saves its draft, as its page and the API do (the same JSON as the API's body). */
    private Declaration save(String id, String benefits) {
        return asRespondent(() -> declarationService.saveDraft(YEAR, ORG, read(draft(id, benefits), DeclarationForm.class)));
    }

    private Declaration submit() {
        return asRespondent(() -> declarationService.submit(YEAR, ORG, read(signature(), SubmitForm.class)));
    }

    /** The reviewer decides, as the review page and the API do. */
    private void review(String decision) {
        TestUsers.asReviewer(() -> {
            reviews.decide(YEAR, ORG, read(decision, ReviewForm.class));
            return null;
        });
    }

    /** As the body's respondent signed in: its address, its organization's group. */
    private static <T> T asRespondent(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(RESPONDENT, null,
                List.of(new SimpleGrantedAuthority(Roles.organizationGroup(ORG)))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
