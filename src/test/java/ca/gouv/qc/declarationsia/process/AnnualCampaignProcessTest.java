package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.campaign.CampaignStatus;
import ca.gouv.qc.declarationsia.campaign.CampaignRepository;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A campaign opens every targeted declaration, then closes by its date or by a coordinator, then asks approval. */
@IntegrationTest
class AnnualCampaignProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    CampaignService campaignService;

    @Autowired
    CampaignRepository campaignRepository;

    @Autowired
    OrganizationService organizations;

    private int year;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(year);
    }

    @Test
    void the_closing_date_closes_the_campaign_then_coordinators_approve_the_publication() {
        year = 2041;
        ProcessInstance campaign = launchFor("ACP-A1", "ACP-A2");
        assertThat(campaign).isWaitingAt("Gateway_WaitForClosing");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "-ACP-%").count()).isEqualTo(2);

        TestCampaigns.clockAt(LocalDateTime.of(year, 12, 1, 6, 0));
        campaigns.runDueJobs(year);

        assertThat(campaign).hasPassed("Event_ClosingDateReached", "ServiceTask_CloseCampaign")
                .isWaitingAt("UserTask_ApprovePublication");
        assertThat(campaignRepository.findById(year).orElseThrow().status()).isEqualTo(CampaignStatus.FERMEE);
        assertThat(task()).hasCandidateGroup("coordinators").hasName("Approuver la publication");
        List<ProcessInstance> neverSubmitted = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(year + "-ACP-%").list();
        complete(task(), withVariables("publicationApproved", true));
        assertThat(campaign).hasPassed("ServiceTask_PublishEdition", "EndEvent_PortraitPublished").isEnded();
        assertThat(campaignRepository.findById(year).orElseThrow().status()).isEqualTo(CampaignStatus.PUBLIEE);
        // nothing left to wait for once the Portrait is out: no more daily checks, history that can expire
        assertThat(neverSubmitted).hasSize(2).allSatisfy(declaration -> assertThat(declaration)
                .hasPassed("StartEvent_CampaignPublished", "EndEvent_DeclarationClosedAtPublication").isEnded());
    }

    @Test
    void a_coordinator_may_close_the_campaign_before_its_closing_date() {
        year = 2042;
        ProcessInstance campaign = launchFor("ACP-B1");

        SystemAuthentication.runAsSystem(() -> campaignService.close(year));

        assertThat(campaign).hasPassed("Event_ClosedByCoordinator").hasNotPassed("Event_ClosingDateReached")
                .isWaitingAt("UserTask_ApprovePublication");
        assertThat(campaignRepository.findById(year).orElseThrow().status()).isEqualTo(CampaignStatus.FERMEE);
        complete(task(), withVariables("publicationApproved", true));
        assertThat(campaign).isEnded();
    }

    private ProcessInstance launchFor(String... organizationCodes) {
        List.of(organizationCodes).forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(year, List.of(organizationCodes));
        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 13, 0));
        campaigns.launch(year);
        ProcessInstance campaign = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(year))
                .singleResult();
        assertThat(campaign).isWaitingAt("ServiceTask_PlanLaunchBatches");
        campaigns.runDueJobs(year);
        return campaign;
    }
}
