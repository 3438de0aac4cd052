package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gouv.qc.declarationsia.DeclarationsIaApplication;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Two application instances on one PostgreSQL, as {@code docker/compose.yaml} runs them with two replicas: both
 * job executors work on the same jobs, and the database's locks keep every timer and every mail to once.
 */
class TwoNodesTest {

    private static final int ORGANIZATIONS = 120;

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static JdbcTemplate jdbc;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").setServerConfig("fsync", "off").start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        nodeA = node("nodeA", Map.of());
        nodeB = node("nodeB", Map.of());
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        List<String> codes = codes("TN", ORGANIZATIONS + 300);
        jdbc.batchUpdate("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', false, ?)
                """, codes.stream().map(code -> new Object[] {code, "Organisme " + code, "Body " + code,
                "dri." + code.toLowerCase() + "@deux.example.qc.ca"}).toList());
        jdbc.batchUpdate("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                codes.stream().map(code -> new Object[] {code, respondent(code)}).toList());
    }

    /** One instance as production runs it (no local mode): its own engine, job executor and web server. */
    private static ConfigurableApplicationContext node(String name, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.putAll(Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.mail.host", "localhost",
                "spring.mail.port", smtp.getSmtp().getPort(),
                "server.port", 0,
                // both engines live in this one JVM: distinct names keep Camunda's engine registry apart
                "camunda.bpm.process-engine-name", name,
                "camunda.bpm.generic-properties.properties.hostname", name,
                "camunda.bpm.job-execution.wait-time-in-millis", 100,
                "camunda.bpm.job-execution.lock-time-in-millis", 5000,
                "declarations.campaign.launch-batch-size", 10));
        // an idle node waits longer and longer between polls (up to a minute by default): capped, so that when the
        // clock jumps to the reminders both nodes are awake to share them
        properties.putIfAbsent("camunda.bpm.job-execution.max-wait", 500);
        // as command-line arguments: they outrank application.yml (builder properties are only defaults)
        return new SpringApplicationBuilder(DeclarationsIaApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        // a test that failed midway must not leave its campaign open: only one is open at a time
        jdbc.update("update campaign set status = 'FERMEE' where status in ('PLANIFIEE', 'OUVERTE')");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_campaign_launched_on_one_node_is_served_by_both_and_each_timer_and_mail_happens_once() throws Exception {
        int year = 2035;
        List<String> organizations = codes("TN", ORGANIZATIONS);
        TestCampaigns.clockAt(LocalDateTime.of(year, 9, 1, 13, 0));
        TestCampaigns campaigns = nodeA.getBean(TestCampaigns.class);
        campaigns.create(year, organizations);
        campaigns.launch(year);

        awaitCount(ORGANIZATIONS, "select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION' "
                + "and status = 'SENT'", year);
        assertThat(count("select count(*) from declaration where campaign_year = ? and process_instance_id is not null", year))
                .isEqualTo(ORGANIZATIONS);
        assertThat(CaughtMail.countByRecipient(smtp, "Campagne ")).as("one invitation each")
                .isEqualTo(organizations.stream().collect(Collectors.toMap(TwoNodesTest::respondent, code -> 1L)));

        // Node B shows what node A launched.
        String coordinator = TestUsers.coordinator(nodeA.getBean(IdentityService.class));
        HttpResponse<String> read = get(nodeB, "/api/campaigns/" + year + "/declarations/" + organizations.get(0), coordinator);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"BROUILLON\"");

        // Six weeks later, 14 days before the due date: both nodes find every daily check due at once.
        TestCampaigns.clockAt(LocalDateTime.of(year, 10, 17, 13, 0));
        awaitCount(ORGANIZATIONS, "select count(*) from mail_outbox where campaign_year = ? and kind = 'REMINDER' "
                + "and status = 'SENT'", year);
        awaitCount(0, "select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ "
                + "where e.business_key_ like ? || '-%' and (j.duedate_ is null or j.duedate_ <= ?)", year,
                java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
        List<Map<String, Object>> firings = jdbc.queryForList("""
                select a.proc_inst_id_, count(*) as fired from act_hi_actinst a
                  join act_hi_procinst p on p.id_ = a.proc_inst_id_
                 where a.act_id_ = 'ServiceTask_QueueFollowUp' and p.business_key_ like ? || '-%'
                 group by 1""", String.valueOf(year));
        assertThat(firings).hasSize(ORGANIZATIONS).allSatisfy(row -> assertThat(row.get("fired")).isEqualTo(1L));
        assertThat(count("select count(*) from mail_outbox where campaign_year = ? and kind = 'REMINDER'", year))
                .as("one reminder queued per organization").isEqualTo(ORGANIZATIONS);
        assertThat(CaughtMail.countByRecipient(smtp, "Rappel")).as("one reminder received each")
                .isEqualTo(organizations.stream().collect(Collectors.toMap(TwoNodesTest::respondent, code -> 1L)));
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            node.getBean(ManagementService.class).reportDbMetricsNow();
        }
        assertThat(jdbc.queryForList("select distinct reporter_ from act_ru_meter_log where name_ = 'job-successful' "
                + "and value_ > 0", String.class)).as("jobs run by both nodes").contains("nodeA", "nodeB");

        // A respondent submits on node B: woken by the commit, the hand-off's worker completes the task and a job
        // executor puts the declaration under review, nobody running anything by hand (production's settings).
        String submitting = organizations.get(1);
        nodeB.getBean(TestDeclarations.class).submit(year, submitting,
                List.of(TestDeclarations.complete(null, "Tri du courrier", year)));
        await("under review, by the hand-off's worker and a job executor").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> "EN_REVISION".equals(jdbc.queryForObject(
                        "select status from declaration where campaign_year = ? and organization_code = ?",
                        String.class, year, submitting)));
        assertThat(jdbc.queryForObject("select count(*) from submission_handoff where business_key = ?", Integer.class,
                year + "-" + submitting)).as("the queued hand-off left with its task").isZero();
    }

    @Test
    void a_node_stopped_in_the_middle_of_a_launch_leaves_no_organization_without_its_process() throws Exception {
        int year = 2036;
        List<String> organizations = codes("TN", ORGANIZATIONS + 300).subList(ORGANIZATIONS, ORGANIZATIONS + 300);
        // one job at a time, so that it is still launching when it stops
        ConfigurableApplicationContext nodeC = node("nodeC", Map.of("camunda.bpm.job-execution.core-pool-size", 1,
                "camunda.bpm.job-execution.max-pool-size", 1, "camunda.bpm.job-execution.max-jobs-per-acquisition", 1));
        // node B's job executor paused, so that node C alone is launching when it stops
        JobExecutor nodeBJobs = nodeB.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
        nodeBJobs.shutdown();
        try {
            // on its opening date (launched earlier, it would wait for that date), the clock running on: the batches
            // the stopped node had taken stay locked until their lock expires, as after a kill -9
            ClockUtil.offset(LocalDateTime.of(year, 9, 1, 13, 0).toInstant(ZoneOffset.UTC).toEpochMilli()
                    - System.currentTimeMillis());
            TestCampaigns campaigns = nodeC.getBean(TestCampaigns.class);
            campaigns.create(year, organizations);
            campaigns.launch(year);
            awaitCount(1, "select least(count(*), 1) from declaration where campaign_year = ?", year);
            crash(nodeC);
        } finally {
            nodeBJobs.start();
        }
        int openWhenStopped = count("select count(*) from declaration where campaign_year = ?", year);

        awaitCount(organizations.size(), "select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION' "
                + "and status = 'SENT'", year);
        assertThat(openWhenStopped).as("stopped mid-launch").isLessThan(organizations.size());
        assertThat(count("select count(*) from declaration where campaign_year = ? and process_instance_id is not null", year))
                .isEqualTo(organizations.size());
        assertThat(jdbc.queryForObject("select count(distinct business_key_) = count(*) from act_ru_execution "
                + "where business_key_ like ? || '-%' and parent_id_ is null", Boolean.class, String.valueOf(year)))
                .as("one process per organization").isTrue();
        assertThat(count("select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION'", year))
                .isEqualTo(organizations.size());    }

    /**
     * As a node that dies: its job threads stop at once, the jobs it had fetched stay locked in the database (until
     * their lock expires) and the batch it was running is interrupted; then the rest of the application goes.
     */
    private static void crash(ConfigurableApplicationContext node) {
        JobExecutor jobExecutor = node.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
        ((ThreadPoolTaskExecutor) ((SpringJobExecutor) jobExecutor).getTaskExecutor()).getThreadPoolExecutor().shutdownNow();
        jobExecutor.shutdown();
        node.close();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext node, String path, String user) throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitCount(int expected, String sql, Object... arguments) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(jdbc.queryForObject(sql, Integer.class, arguments)).as(sql).isEqualTo(expected));
    }

    private static int count(String sql, int year) {
        return jdbc.queryForObject(sql, Integer.class, year);
    }

    private static List<String> codes(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-%04d".formatted(i)).toList();
    }

    private static String respondent(String code) {
        return "ia." + code.toLowerCase() + "@deux.example.qc.ca";
    }
}
