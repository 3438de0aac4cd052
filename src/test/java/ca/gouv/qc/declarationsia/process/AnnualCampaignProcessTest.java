package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ca.gouv.qc.declarationsia.campaign.CampaignDashboard;
import ca.gouv.qc.declarationsia.campaign.CampaignRepository;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.campaign.CampaignStatus;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.publication.PublicationApprovals;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign opens every targeted declaration, then closes by its date or by a coordinator, then asks approval; the
 * publication runs as a job after it, with retries and an incident when it keeps failing. The real delegates on the
 * database layer's engine, the test running the jobs that are due.
 */
@DatabaseTest
class AnnualCampaignProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    CampaignService campaignService;

    @Autowired
    CampaignRepository campaignRepository;

    @Autowired
    CampaignDashboard dashboard;

    @Autowired
    PublicationApprovals approvals;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcTemplate jdbc;

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
    void the_closing_date_closes_the_campaign_then_the_approval_publishes_as_a_job() {
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
        assertThatThrownBy(() -> tasks.complete(task().getId()))
                .as("a completion that did not record the approval").isInstanceOf(ProcessEngineException.class);
        List<ProcessInstance> neverSubmitted = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(year + "-ACP-%").list();

        approve();
        assertThat(campaign).as("the approval returns at once").isWaitingAt("ServiceTask_PublishEdition");
        assertThat(dashboard.summary(campaignRepository.findById(year).orElseThrow()).publication()).isEqualTo("EN_COURS");
        campaigns.runDueJobs(year);

        assertThat(campaign).hasPassed("ServiceTask_PublishEdition", "EndEvent_PortraitPublished").isEnded();
        assertThat(campaignRepository.findById(year).orElseThrow().status()).isEqualTo(CampaignStatus.PUBLIEE);
        assertThat(jdbc.queryForObject("select approved_by from published_edition where campaign_year = ?", String.class, year))
                .isEqualTo(SystemAuthentication.SYSTEM_USER);
        // nothing left to wait for once the Portrait is out: no more daily checks, history that can expire
        assertThat(neverSubmitted).hasSize(2).allSatisfy(declaration -> assertThat(declaration)
                .hasPassed("StartEvent_CampaignPublished", "EndEvent_DeclarationClosedAtPublication").isEnded());
    }

    @Test
    void a_publication_that_fails_leaves_an_incident_and_a_retry_publishes_once() {
        year = 2042;
        ProcessInstance campaign = launchFor("ACP-B1");
        SystemAuthentication.runAsSystem(() -> campaignService.close(year));
        assertThat(campaign).hasPassed("Event_ClosedByCoordinator").hasNotPassed("Event_ClosingDateReached")
                .isWaitingAt("UserTask_ApprovePublication");
        assertThat(campaignRepository.findById(year).orElseThrow().status()).isEqualTo(CampaignStatus.FERMEE);
        approve();

        // the campaign row is not what the publication expects: the job fails, is retried (R3/PT2M), then an incident
        jdbc.update("update campaign set status = 'OUVERTE' where year = ?", year);
        Job publishing = management.createJobQuery().processInstanceId(campaign.getId()).singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            TestCampaigns.clockAt(LocalDateTime.of(year, 9, 2, 10, attempt * 3));
            assertThatThrownBy(() -> management.executeJob(publishing.getId())).isInstanceOf(IllegalStateException.class);
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(campaign.getId()).count()).as("an incident in Cockpit")
                .isOne();
        assertThat(dashboard.summary(campaignRepository.findById(year).orElseThrow()).publication()).isEqualTo("ECHEC");
        assertThat(jdbc.queryForObject("select count(*) from published_edition where campaign_year = ?", Integer.class, year))
                .as("nothing published by the failed attempt").isZero();

        jdbc.update("update campaign set status = 'FERMEE' where year = ?", year);
        management.setJobRetries(publishing.getId(), 1);   // Cockpit's "Retry"
        management.executeJob(publishing.getId());

        assertThat(campaign).isEnded();
        assertThat(jdbc.queryForObject("select count(*) from published_edition where campaign_year = ?", Integer.class, year))
                .as("published once").isOne();
        assertThat(runtime.createIncidentQuery().processInstanceId(campaign.getId()).count()).isZero();
    }

    @Test
    void a_campaign_launched_before_its_opening_date_waits_for_it_then_invites_every_body_that_day() {
        year = 2070;
        List.of("ACP-E1", "ACP-E2").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(year, List.of("ACP-E1", "ACP-E2"));
        // launched in the December before, the campaign opening on September 1st (04:00 UTC is midnight in Québec)
        TestCampaigns.clockAt(LocalDateTime.of(year - 1, 12, 1, 18, 31));
        campaigns.launch(year);
        ProcessInstance campaign = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(year))
                .singleResult();

        campaigns.runDueJobs(year);
        assertThat(campaign).isWaitingAt("Event_OpeningDateReached");
        assertThat(campaignRepository.findById(year).orElseThrow())
                .satisfies(scheduled -> assertThat(scheduled.status()).isEqualTo(CampaignStatus.PLANIFIEE))
                .satisfies(scheduled -> assertThat(scheduled.openingScheduled()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ?", Integer.class, year))
                .as("nothing opened before the opening date").isZero();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ?", Integer.class, year))
                .as("no invitation before the opening date").isZero();
        assertThatThrownBy(() -> campaigns.launch(year)).as("launched once").isInstanceOf(
                ca.gouv.qc.declarationsia.shared.validation.InvalidInputException.class);
        assertThatThrownBy(() -> SystemAuthentication.runAsSystem(() -> campaignService.close(year)))
                .as("not open yet, so not closed either").isInstanceOf(
                        ca.gouv.qc.declarationsia.shared.validation.InvalidInputException.class);

        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 3, 59));
        campaigns.runDueJobs(year);
        assertThat(campaign).as("a minute before midnight in Québec").isWaitingAt("Event_OpeningDateReached");

        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 4, 0));
        campaigns.runDueJobs(year);
        assertThat(campaign).hasPassed("Event_OpeningDateReached", "ServiceTask_OpenCampaign", "ServiceTask_LaunchDeclarationBatch")
                .isWaitingAt("Gateway_WaitForClosing");
        assertThat(campaignRepository.findById(year).orElseThrow())
                .satisfies(open -> assertThat(open.status()).isEqualTo(CampaignStatus.OUVERTE))
                .satisfies(open -> assertThat(open.openedAt()).isEqualTo(java.time.Instant.parse(year + "-09-01T04:00:00Z")));
        assertThat(jdbc.queryForList("select organization_code from mail_outbox where campaign_year = ? and kind = 'INVITATION' "
                + "and status = 'SENT' order by 1", String.class, year)).as("every body invited on the opening day")
                .containsExactly("ACP-E1", "ACP-E2");
    }

    private void approve() {
        SystemAuthentication.runAsSystem(() -> {
            approvals.approve(year, true, "Portrait relu");
            return null;
        });
    }

    private ProcessInstance launchFor(String... organizationCodes) {
        List.of(organizationCodes).forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(year, List.of(organizationCodes));
        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 13, 0));
        campaigns.launch(year);
        ProcessInstance campaign = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(year))
                .singleResult();
        assertThat(campaign).as("on its opening date, the timer is already due").isWaitingAt("Event_OpeningDateReached");
        campaigns.runDueJobs(year);
        assertThat(campaign).hasPassed("Event_OpeningDateReached", "ServiceTask_OpenCampaign", "ServiceTask_PlanLaunchBatches");
        return campaign;
    }
}
