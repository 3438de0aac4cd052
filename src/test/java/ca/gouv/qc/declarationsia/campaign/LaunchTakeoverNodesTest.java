package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestNodes;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A node that dies in the middle of a launch, holding the launch's batches, delays the rest of it by the job lock
 * time only: another node that is up finishes the launch within 30 s. Production's settings (lock time, batch size,
 * acquisition), two nodes on one PostgreSQL.
 */
class LaunchTakeoverNodesTest {

    private static final int YEAR = 2034;
    private static final int ORGANIZATIONS = 100;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static JdbcTemplate jdbc;
    private static ConfigurableApplicationContext survivor;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").setServerConfig("fsync", "off")
                .start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        ClockUtil.reset();
        if (survivor != null && survivor.isActive()) {
            survivor.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_launch_whose_batches_a_dead_node_held_finishes_within_30_s_of_another_nodes_start() {
        // one job thread on the node that will die: held, so the batches it takes stay taken, none run
        ConfigurableApplicationContext dying = TestNodes.start(postgres, smtp, "dying", Map.of(
                "camunda.bpm.job-execution.core-pool-size", 1, "camunda.bpm.job-execution.max-pool-size", 1,
                "logging.level.ca.gouv.qc.declarationsia.campaign.LaunchDeclarationBatchDelegate", "debug"));
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        List<String> organizations = organizations();
        JobExecutor dyingJobs = jobExecutor(dying);
        dyingJobs.shutdown();
        survivor = TestNodes.start(postgres, smtp, "survivor", Map.of(
                "logging.level.ca.gouv.qc.declarationsia.campaign.LaunchDeclarationBatchDelegate", "debug"));
        JobExecutor survivorJobs = jobExecutor(survivor);
        survivorJobs.shutdown();
        int lockTime = survivorJobs.getLockTimeInMillis();

        // on its opening date, the clock running on (a lock expires as time passes)
        ClockUtil.offset(LocalDateTime.of(YEAR, 9, 1, 13, 0).toInstant(ZoneOffset.UTC).toEpochMilli()
                - System.currentTimeMillis());
        TestCampaigns campaigns = survivor.getBean(TestCampaigns.class);
        campaigns.create(YEAR, organizations);
        campaigns.launch(YEAR);
        // its plan and its first batch run: the launch is under way
        runCampaignJob(survivor, "Event_OpeningDateReached");
        runCampaignJob(survivor, "ServiceTask_PlanLaunchBatches");
        runCampaignJob(survivor, "SubProcess_LaunchDeclarationBatch");
        int batchSize = survivor.getBean(CampaignProperties.class).launchBatchSize();
        assertThat(opened()).isEqualTo(batchSize);
        int pending = campaignJobs("true");
        assertThat(pending).as("batches to run, and the first one's continuation")
                .isEqualTo(ORGANIZATIONS / batchSize);

        // the dying node takes the other batches, as its job acquisition does, and dies before running them
        CountDownLatch held = new CountDownLatch(1);
        ThreadPoolExecutor dyingThreads = threads(dying);
        dyingThreads.execute(() -> {
            try {
                held.await();
            } catch (InterruptedException dead) {
                Thread.currentThread().interrupt();
            }
        });
        dyingJobs.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> campaignJobs("j.lock_owner_ is not null") == pending);
        dyingThreads.shutdownNow();
        dyingJobs.shutdown();
        dying.close();
        assertThat(campaignJobs("j.lock_owner_ is not null")).as("as after kill -9: the jobs it took stay locked")
                .isEqualTo(pending);

        long start = System.nanoTime();
        Timestamp started = new Timestamp(ClockUtil.getCurrentTime().getTime());
        survivorJobs.start();
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> opened() == ORGANIZATIONS);
        Duration finished = Duration.ofNanos(System.nanoTime() - start);

        Map<String, Object> takeover = jdbc.queryForMap("""
                select min(start_time_) as first, max(start_time_) as last from act_hi_procinst
                 where business_key_ like ? || '-%' and start_time_ > ?""", String.valueOf(YEAR), started);
        long firstMs = ((Timestamp) takeover.get("first")).getTime() - started.getTime();
        long lastMs = ((Timestamp) takeover.get("last")).getTime() - started.getTime();
        System.out.printf("launch-takeover: job lock time %d ms, max wait %d ms; the survivor's job executor started "
                + "%d ms before the first of the dead node's batches opened its first declaration; its %d declarations "
                + "(batches of %d) opened in %d ms; launch finished %d ms after the survivor's start%n",
                lockTime, survivorJobs.getMaxWait(), firstMs, ORGANIZATIONS - batchSize, batchSize, lastMs - firstMs,
                finished.toMillis());
        assertThat(jdbc.queryForObject("select count(distinct business_key_) = count(*) from act_hi_procinst "
                + "where business_key_ like ? || '-%'", Boolean.class, String.valueOf(YEAR)))
                .as("one process per organization").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION'",
                Integer.class, YEAR)).as("one invitation each").isEqualTo(ORGANIZATIONS);
        jdbc.update("update campaign set status = 'FERMEE' where year = ?", YEAR);
    }

    /** Runs the campaign's job at this activity (its timer or its continuation before it), as a job executor would. */
    private static void runCampaignJob(ConfigurableApplicationContext node, String activity) {
        ManagementService management = node.getBean(ManagementService.class);
        Set<String> after = management.createJobDefinitionQuery().activityIdIn(activity).list().stream()
                .filter(definition -> "async-after".equals(definition.getJobConfiguration()))
                .map(JobDefinition::getId).collect(Collectors.toSet());
        String campaign = node.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(YEAR)).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(campaign).activityId(activity).list().stream()
                .filter(candidate -> !after.contains(candidate.getJobDefinitionId())).findFirst().orElseThrow();
        management.executeJob(job.getId());
    }

    private static int opened() {
        return jdbc.queryForObject("select count(*) from declaration where campaign_year = ? "
                + "and process_instance_id is not null", Integer.class, YEAR);
    }

    /** The campaign process's jobs that meet this condition. */
    private static int campaignJobs(String condition) {
        return jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = "
                + "j.process_instance_id_ where e.business_key_ = ? and " + condition, Integer.class, String.valueOf(YEAR));
    }

    private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return node.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
    }

    private static ThreadPoolExecutor threads(ConfigurableApplicationContext node) {
        return ((ThreadPoolTaskExecutor) ((SpringJobExecutor) jobExecutor(node)).getTaskExecutor()).getThreadPoolExecutor();
    }

    /** The bodies of the campaign, with a respondent each. */
    private static List<String> organizations() {
        List<String> codes = IntStream.rangeClosed(1, ORGANIZATIONS).mapToObj("LT-%04d"::formatted).toList();
        jdbc.batchUpdate("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', false, ?)
                """, codes.stream().map(code -> new Object[] {code, "Organisme " + code, "Body " + code,
                "dri." + code.toLowerCase() + "@relais.example.qc.ca"}).toList());
        jdbc.batchUpdate("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                codes.stream().map(code -> new Object[] {code, "ia." + code.toLowerCase() + "@relais.example.qc.ca"})
                        .toList());
        return codes;
    }
}
