package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of {@code organization-declaration.bpmn}, each on its own, on the deployment-only engine with the beans
 * replaced ({@link ModelDoubles}): what routes where, what waits as a job, who may work each task. Every element
 * of the model is on some path (the class's coverage must be 100 %). The same paths with the real beans, our
 * tables and mail: ReviewLoopProcessTest, CampaignCycleTest, CoordinatorJourneyTest (exemption) and
 * AnnualCampaignProcessTest (publication).
 */
@Deployment(resources = "bpmn/organization-declaration.bpmn")
class OrganizationDeclarationModelTest {

    private static final String KEY = "2090-MOD-1";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(DeploymentOnlyEngine.CONFIGURATION)
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final ModelDoubles beans = new ModelDoubles();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        beans.register();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void a_requested_declaration_is_the_bodys_task_with_its_page_group_and_due_date() {
        ProcessInstance declaration = start();

        assertThat(declaration).hasPassed("ServiceTask_QueueInvitation").isWaitingAt("UserTask_PrepareDeclaration");
        assertThat(task()).hasCandidateGroup("org-MOD-1").hasDueDate(Date.from(ModelDoubles.CampaignCalendar.DUE));
        Assertions.assertThat(formKey()).as("Tasklist links to the body's own page").isEqualTo("/mes-declarations/2090/MOD-1");
        Assertions.assertThat(beans.steps).containsExactly("queueInvitation " + KEY);
    }

    @Test
    void the_bodys_task_completes_only_through_a_submission() {
        ProcessInstance declaration = start();

        assertThatThrownBy(() -> complete(task())).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("se soumet sur sa page");
        assertThat(declaration).isWaitingAt("UserTask_PrepareDeclaration");
    }

    @Test
    void a_submission_is_put_under_review_in_a_job_of_its_own_then_acceptance_ends_the_declaration() {
        ProcessInstance declaration = start();

        submit();
        assertThat(declaration).as("the body's request returns before the review starts")
                .isWaitingAt("ServiceTask_PutUnderReview");
        execute(job("ServiceTask_PutUnderReview"));
        assertThat(declaration).isWaitingAt("UserTask_ReviewDeclaration");
        assertThat(task()).hasCandidateGroup("reviewers").hasName("Réviser la déclaration");

        decide("ACCEPT");
        assertThat(declaration).hasPassed("Gateway_ReviewDecision", "ServiceTask_AcceptDeclaration",
                "EndEvent_DeclarationAccepted").hasNotPassed("ServiceTask_RequestCorrections").isEnded();
        Assertions.assertThat(beans.steps).containsExactly("queueInvitation " + KEY, "putUnderReview " + KEY,
                "acceptDeclaration " + KEY);
    }

    @Test
    void a_review_completes_only_with_the_reviewers_decision() {
        ProcessInstance declaration = start();
        submit();
        execute(job("ServiceTask_PutUnderReview"));

        assertThatThrownBy(() -> complete(task())).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("page de révision");
        assertThat(declaration).isWaitingAt("UserTask_ReviewDeclaration");
    }

    @Test
    void corrections_requested_give_the_body_a_correction_task_whose_submission_goes_back_to_review() {
        ProcessInstance declaration = start();
        submit();
        execute(job("ServiceTask_PutUnderReview"));

        decide("REQUEST_CORRECTIONS");
        assertThat(declaration).hasPassed("ServiceTask_RequestCorrections").isWaitingAt("UserTask_CorrectDeclaration");
        assertThat(task()).hasCandidateGroup("org-MOD-1").hasDueDate(Date.from(ModelDoubles.CampaignCalendar.DUE));
        Assertions.assertThat(formKey()).as("Tasklist links to the body's own page").isEqualTo("/mes-declarations/2090/MOD-1");
        assertThatThrownBy(() -> complete(task())).as("a correction, too, completes only through a submission")
                .isInstanceOf(ProcessEngineException.class);

        submit();
        assertThat(declaration).isWaitingAt("ServiceTask_PutUnderReview");
        execute(job("ServiceTask_PutUnderReview"));
        assertThat(declaration).isWaitingAt("UserTask_ReviewDeclaration");
        decide("ACCEPT");
        assertThat(declaration).isEnded();
        Assertions.assertThat(beans.steps).containsExactly("queueInvitation " + KEY, "putUnderReview " + KEY,
                "requestCorrections " + KEY, "putUnderReview " + KEY, "acceptDeclaration " + KEY);
    }

    @Test
    void the_daily_follow_up_runs_beside_the_preparation_and_leaves_the_task_open() {
        ProcessInstance declaration = start();

        assertThat(job("BoundaryEvent_DailyFollowUp")).isNotNull();
        execute(job("BoundaryEvent_DailyFollowUp"));
        assertThat(declaration).hasPassed("Gateway_DailyCheck", "ServiceTask_QueueFollowUp", "EndEvent_FollowUpDone")
                .isWaitingAt("UserTask_PrepareDeclaration");
        Assertions.assertThat(job("BoundaryEvent_DailyFollowUp")).as("and is due again the next day").isNotNull();
        Assertions.assertThat(beans.steps).containsExactly("queueInvitation " + KEY, "queueFollowUp " + KEY);
    }

    @Test
    void the_correction_round_has_its_own_daily_follow_up_and_the_first_ones_stops() {
        ProcessInstance declaration = start();
        submit();
        execute(job("ServiceTask_PutUnderReview"));
        Assertions.assertThat(job("BoundaryEvent_DailyFollowUp")).as("no reminder while under review").isNull();
        decide("REQUEST_CORRECTIONS");

        execute(job("BoundaryEvent_CorrectionFollowUp"));
        assertThat(declaration).hasPassed("BoundaryEvent_CorrectionFollowUp", "ServiceTask_QueueFollowUp")
                .isWaitingAt("UserTask_CorrectDeclaration");
        Assertions.assertThat(beans.steps).endsWith("queueFollowUp " + KEY);
    }

    @Test
    void an_exempted_body_s_declaration_ends_and_its_reminders_with_it() {
        ProcessInstance declaration = start();

        runtimeService().createMessageCorrelation("declaration-exempted").processInstanceBusinessKey(KEY).correlate();
        assertThat(declaration).hasPassed("StartEvent_DeclarationExempted", "EndEvent_DeclarationClosedByExemption")
                .isEnded();
        Assertions.assertThat(job("BoundaryEvent_DailyFollowUp")).isNull();
    }

    @Test
    void the_publication_ends_a_declaration_still_under_review() {
        ProcessInstance declaration = start();
        submit();
        execute(job("ServiceTask_PutUnderReview"));

        runtimeService().createMessageCorrelation("campaign-published").processInstanceBusinessKey(KEY).correlateAll();
        assertThat(declaration).hasPassed("StartEvent_CampaignPublished", "EndEvent_DeclarationClosedAtPublication")
                .hasNotPassed("ServiceTask_AcceptDeclaration").isEnded();
    }

    private static String formKey() {
        return formService().getTaskFormData(task().getId()).getFormKey();
    }

    private static ProcessInstance start() {
        ProcessInstance declaration = runtimeService().startProcessInstanceByKey("organization-declaration", KEY,
                Map.of("campaignYear", 2090, "organizationCode", "MOD-1"));
        assertThat(declaration).isStarted();
        return declaration;
    }

    /** What the body's page does once the declaration is SOUMISE: complete the body's task. */
    private void submit() {
        beans.submitted.put(KEY, true);
        complete(task());
    }

    /** What the reviewer's page does once the round's decision is recorded: complete the review task. */
    private void decide(String decision) {
        beans.decisions.put(KEY, decision);
        complete(task());
    }
}
