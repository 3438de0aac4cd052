package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ca.gouv.qc.declarationsia.support.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paths of {@code annual-campaign.bpmn}, each on its own, on the deployment-only engine with the beans replaced
 * ({@link ModelDoubles}): the opening date's timer, the launch in batches as jobs, the two ways to close, the
 * approval, and the publication as a job with its retries. Every element of the model is on some path (the class's
 * coverage must be 100 %). The same paths with the real beans, our tables and mail: AnnualCampaignProcessTest,
 * LaunchAtScaleTest, CoordinatorJourneyTest.
 */
@Deployment(resources = "bpmn/annual-campaign.bpmn")
class AnnualCampaignModelTest {

    private static final int YEAR = 2091;

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(DeploymentOnlyEngine.CONFIGURATION)
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final ModelDoubles beans = new ModelDoubles();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine.getProcessEngine());
        beans.register();
        beans.openings.put(YEAR, Instant.parse("2091-09-01T04:00:00Z"));
        beans.closings.put(YEAR, Instant.parse("2091-12-01T04:59:59Z"));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void a_launched_campaign_waits_for_its_opening_date_then_opens_and_launches_every_batch_as_its_own_job() {
        beans.launchBatchCount = 3;
        ProcessInstance campaign = start();
        assertThat(campaign).isWaitingAt("Event_OpeningDateReached");
        Assertions.assertThat(job("Event_OpeningDateReached").getDuedate()).as("the opening day, midnight in Québec")
                .isEqualTo(java.util.Date.from(beans.openings.get(YEAR)));
        Assertions.assertThat(beans.steps).as("nothing opened before the opening date").isEmpty();

        execute(job("Event_OpeningDateReached"));
        assertThat(campaign).hasPassed("ServiceTask_OpenCampaign").isWaitingAt("ServiceTask_PlanLaunchBatches");
        execute(job("ServiceTask_PlanLaunchBatches"));
        List<Job> batches = jobQuery().activityId("SubProcess_LaunchDeclarationBatch").list();
        Assertions.assertThat(batches).as("one job per batch, first of the jobs due, run in parallel")
                .hasSize(3).allSatisfy(batch -> {
                    Assertions.assertThat(batch.getPriority()).isEqualTo(10);
                    Assertions.assertThat(isExclusive(batch)).isFalse();
                });
        execute(batches.get(0));
        Job end = jobQuery().activityId("ServiceTask_LaunchDeclarationBatch").singleResult();
        Assertions.assertThat(isExclusive(end)).as("a batch's end counts on the multi-instance: one at a time")
                .isTrue();
        Assertions.assertThat(end.getPriority()).isEqualTo(10);
        runLaunchJobs();

        assertThat(campaign).hasPassed("ServiceTask_LaunchDeclarationBatch").isWaitingAt("Gateway_WaitForClosing");
        Assertions.assertThat(beans.steps).containsExactlyInAnyOrder("openCampaign " + YEAR, "planLaunchBatches " + YEAR,
                "launchDeclarationBatch " + YEAR + " 0", "launchDeclarationBatch " + YEAR + " 1",
                "launchDeclarationBatch " + YEAR + " 2");
    }

    @Test
    void the_closing_date_closes_the_campaign_then_the_coordinators_approval_publishes_as_a_job() {
        ProcessInstance campaign = open();

        Assertions.assertThat(job("Event_ClosingDateReached").getDuedate()).isEqualTo(java.util.Date.from(beans.closings.get(YEAR)));
        execute(job("Event_ClosingDateReached"));
        assertThat(campaign).hasPassed("Event_ClosingDateReached", "ServiceTask_CloseCampaign")
                .hasNotPassed("Event_ClosedByCoordinator").isWaitingAt("UserTask_ApprovePublication");
        assertThat(task()).hasCandidateGroup("coordinators").hasName("Approuver la publication");
        assertThatThrownBy(() -> complete(task())).as("a completion that did not record the approval")
                .isInstanceOf(ProcessEngineException.class);

        approve();
        assertThat(campaign).as("the approval returns at once").isWaitingAt("ServiceTask_PublishEdition");
        execute(job("ServiceTask_PublishEdition"));
        assertThat(campaign).hasPassed("ServiceTask_PublishEdition", "EndEvent_PortraitPublished").isEnded();
        Assertions.assertThat(beans.steps).endsWith("closeCampaign " + YEAR, "publishEdition " + YEAR);
    }

    @Test
    void a_coordinator_closes_the_campaign_before_its_closing_date() {
        ProcessInstance campaign = open();

        runtimeService().createMessageCorrelation("close-campaign").processInstanceBusinessKey(String.valueOf(YEAR))
                .correlate();
        assertThat(campaign).hasPassed("Event_ClosedByCoordinator", "ServiceTask_CloseCampaign")
                .hasNotPassed("Event_ClosingDateReached").isWaitingAt("UserTask_ApprovePublication");
        Assertions.assertThat(job("Event_ClosingDateReached")).as("the closing date's timer is gone").isNull();
    }

    @Test
    void a_publication_that_keeps_failing_is_tried_three_times_then_leaves_an_incident_and_a_retry_publishes() {
        ProcessInstance campaign = open();
        execute(job("Event_ClosingDateReached"));
        approve();
        beans.publicationFailure = new IllegalStateException("the campaign is not closed");

        Job publishing = job("ServiceTask_PublishEdition");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(publishing.getId()))
                    .isInstanceOf(IllegalStateException.class);
        }
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(campaign.getId()).count())
                .as("an incident in Cockpit after R3").isOne();
        assertThat(campaign).isWaitingAt("ServiceTask_PublishEdition");

        beans.publicationFailure = null;
        managementService().setJobRetries(publishing.getId(), 1);   // Cockpit's "Retry"
        managementService().executeJob(publishing.getId());
        assertThat(campaign).isEnded();
        Assertions.assertThat(beans.steps).containsOnlyOnce("publishEdition " + YEAR);
    }

    private ProcessInstance start() {
        ProcessInstance campaign = runtimeService().startProcessInstanceByKey("annual-campaign", String.valueOf(YEAR),
                Map.of("campaignYear", YEAR));
        assertThat(campaign).isStarted();
        return campaign;
    }

    /** Launched, opened, every batch launched: waiting to close. */
    private ProcessInstance open() {
        ProcessInstance campaign = start();
        execute(job("Event_OpeningDateReached"));
        execute(job("ServiceTask_PlanLaunchBatches"));
        runLaunchJobs();
        assertThat(campaign).isWaitingAt("Gateway_WaitForClosing");
        return campaign;
    }

    /** The launch's jobs (before and after each batch) until none is left; the closing date's timer stays. */
    private static void runLaunchJobs() {
        for (int guard = 0; guard < 20; guard++) {
            Job next = jobQuery().activityId("SubProcess_LaunchDeclarationBatch").list().stream().findFirst()
                    .orElse(jobQuery().activityId("ServiceTask_LaunchDeclarationBatch").list().stream().findFirst()
                            .orElse(null));
            if (next == null) {
                return;
            }
            execute(next);
        }
        throw new AssertionError("the launch's jobs never ended");
    }

    private void approve() {
        beans.approved.put(YEAR, true);
        complete(task());
    }

    /** Whether the job executor runs this job alone among its process's jobs (the engine's API does not say). */
    private static boolean isExclusive(Job job) {
        return new JdbcTemplate(TestPostgres.dataSource())
                .queryForObject("select exclusive_ from act_ru_job where id_ = ?", Boolean.class, job.getId());
    }
}
