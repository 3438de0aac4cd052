package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission answers once the declaration is SOUMISE, audited and queued; the organization's task is completed
 * after that commit. Nothing is lost when the completion fails (it is tried again), nor done twice by two sweeps. The
 * database layer, its engine running the model with its real beans.
 */
@DatabaseTest
class SubmissionHandoffTest {

    private static final int YEAR = 2055;
    private static final int FAILING_YEAR = 2056;
    private static final int CONCURRENT_YEAR = 2057;
    private static final int WOKEN_YEAR = 2091;
    private static final String ORG = "HANDOFF";

    @Autowired
    SubmissionHandoff handoff;

    @Autowired
    SubmissionHandoffHealthIndicator health;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    /** What earlier tests left queued would count in this one's sweeps. */
    @BeforeEach
    void nothingQueued() {
        handoff.completeDue();
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(FAILING_YEAR);
        campaigns.cleanUp(CONCURRENT_YEAR);
        campaigns.cleanUp(WOKEN_YEAR);
    }

    @Test
    void the_task_completes_after_the_submission_committed_and_the_declaration_then_goes_under_review() {
        submitted(YEAR, List.of(ORG));
        assertThat(status(YEAR, ORG)).isEqualTo("SOUMISE");
        assertThat(organizationTasks(YEAR, ORG)).as("the engine's part comes after the respondent's answer").isOne();
        assertThat(queued(YEAR, ORG)).isOne();

        assertThat(handoff.completeDue()).isOne();

        assertThat(organizationTasks(YEAR, ORG)).isZero();
        assertThat(queued(YEAR, ORG)).as("leaves with its task").isZero();
        assertThat(handoff.completeDue()).as("nothing is completed twice").isZero();
        campaigns.runDueJobs(YEAR);
        assertThat(status(YEAR, ORG)).isEqualTo("EN_REVISION");
    }

    @Test
    void a_completion_that_fails_keeps_the_submission_and_its_error_and_is_tried_again() {
        submitted(FAILING_YEAR, List.of(ORG));
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(FAILING_YEAR + "-" + ORG)
                .singleResult().getId();
        runtime.suspendProcessInstanceById(process);

        assertThat(handoff.completeDue()).isZero();

        Map<String, Object> row = jdbc.queryForMap("select attempts, last_error, next_attempt_at > now() as waits "
                + "from submission_handoff h join declaration d on d.id = h.declaration_id "
                + "where d.campaign_year = ? and d.organization_code = ?", FAILING_YEAR, ORG);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).containsIgnoringCase("suspended");
        assertThat(row.get("waits")).as("tried again later, not at once").isEqualTo(true);
        assertThat(status(FAILING_YEAR, ORG)).isEqualTo("SOUMISE");
        assertThat(organizationTasks(FAILING_YEAR, ORG)).isOne();
        Health failing = health.health();
        assertThat(failing.getStatus()).as("the staff who act on it see it").isEqualTo(Status.DOWN);
        assertThat(failing.getDetails()).containsEntry("failing", 1L)
                .containsEntry("oldestFailing", FAILING_YEAR + "-" + ORG);
        assertThat((String) failing.getDetails().get("lastError")).containsIgnoringCase("suspended");

        runtime.activateProcessInstanceById(process);
        assertThat(handoff.completeDue()).as("not before its time").isZero();
        jdbc.update("update submission_handoff set next_attempt_at = now() where business_key = ?", FAILING_YEAR + "-" + ORG);
        assertThat(handoff.completeDue()).isOne();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        campaigns.runDueJobs(FAILING_YEAR);
        assertThat(status(FAILING_YEAR, ORG)).isEqualTo("EN_REVISION");
    }

    @Test
    void two_sweeps_at_once_complete_each_task_once() throws Exception {
        List<String> bodies = List.of(ORG + "-1", ORG + "-2", ORG + "-3", ORG + "-4");
        submitted(CONCURRENT_YEAR, bodies);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sweep = handoff::completeDue;
            List<Future<Integer>> sweeps = nodes.invokeAll(List.of(sweep, sweep));
            assertThat(sweeps.get(0).get() + sweeps.get(1).get()).isEqualTo(bodies.size());
        } finally {
            nodes.shutdown();
        }
        campaigns.runDueJobs(CONCURRENT_YEAR);
        bodies.forEach(body -> assertThat(status(CONCURRENT_YEAR, body)).as(body).isEqualTo("EN_REVISION"));
    }

    @Test
    void a_sweep_asked_for_runs_on_the_hand_off_thread() {
        String body = ORG + "-SOON";
        submitted(WOKEN_YEAR, List.of(body));

        handoff.sweepSoon();

        // a bound on a hang, not a speed target
        await("completed within ten seconds").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(queued(WOKEN_YEAR, body)).isZero());
        assertThat(organizationTasks(WOKEN_YEAR, body)).isZero();
    }

    private void submitted(int year, List<String> bodies) {
        bodies.forEach(body -> TestOrganizations.create(organizations, body));
        campaigns.create(year, bodies);
        for (String body : bodies) {
            transactions.executeWithoutResult(status -> opening.open(year, body));
            declarations.submit(year, body, List.of(TestDeclarations.complete(null, "Prévision des crues", year)));
        }
    }

    private String status(int year, String organizationCode) {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = ?",
                String.class, year, organizationCode);
    }

    private long organizationTasks(int year, String organizationCode) {
        return DeclarationTasks.organizationTask(tasks, new DeclarationKey(year, organizationCode)).count();
    }

    private int queued(int year, String organizationCode) {
        return jdbc.queryForObject("select count(*) from submission_handoff where business_key = ?", Integer.class,
                year + "-" + organizationCode);
    }
}
