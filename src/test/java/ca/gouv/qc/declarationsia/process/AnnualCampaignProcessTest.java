package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import ca.gouv.qc.declarationsia.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Both ways a campaign closes lead coordinators to approve the publication. */
@IntegrationTest
class AnnualCampaignProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @Test
    void the_closing_date_closes_the_campaign_then_coordinators_approve_the_publication() {
        ProcessInstance campaign = launch("2091", "2091-06-30T17:00:00");
        assertThat(campaign).isWaitingAt("Gateway_WaitForClosing");

        Job closingTimer = management.createJobQuery().processInstanceId(campaign.getId()).timers().singleResult();
        assertThat(closingTimer.getDuedate()).hasYear(2091).hasMonth(6).hasDayOfMonth(30);
        management.executeJob(closingTimer.getId());

        assertThat(campaign).hasPassed("Event_ClosingDateReached").isWaitingAt("UserTask_ApprovePublication");
        assertThat(task()).hasCandidateGroup("coordinators").hasName("Approuver la publication");
        complete(task(), withVariables("publicationApproved", true));

        assertThat(campaign).hasPassed("EndEvent_PublicationApproved").isEnded();
    }

    @Test
    void a_coordinator_may_close_the_campaign_before_its_closing_date() {
        ProcessInstance campaign = launch("2092", "2092-06-30T17:00:00");

        runtime.createMessageCorrelation("close-campaign").processInstanceBusinessKey("2092").correlate();

        assertThat(campaign).hasPassed("Event_ClosedByCoordinator").hasNotPassed("Event_ClosingDateReached")
                .isWaitingAt("UserTask_ApprovePublication");
        assertThat(management.createJobQuery().processInstanceId(campaign.getId()).count())
                .as("the closing timer is gone").isZero();
        complete(task(), withVariables("publicationApproved", true));
        assertThat(campaign).isEnded();
    }

    private ProcessInstance launch(String year, String closingDate) {
        return runtime.startProcessInstanceByKey("annual-campaign", year,
                Map.of("campaignYear", Integer.valueOf(year), "closingDate", closingDate));
    }
}
