package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.DeclarationsIaApplication;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily follow-up's time is configuration ({@code declarations.campaign.follow-up-cycle}): changed and restarted,
 * it reaches the declarations already open, from their next check on, without redeploying or touching a process.
 */
class FollowUpCycleAcrossNodesTest {

    private static final int YEAR = 2044;
    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        try (ConfigurableApplicationContext first = node("0 0 9 * * ?")) {
            jdbc.update("""
                    insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                    values ('CYCLE-1', 'Organisme CYCLE-1', 'Body CYCLE-1', 'ORGANISME_BUDGETAIRE', 'FINANCES', false,
                            'dri@cycle.example.qc.ca')""");
            jdbc.update("insert into organization_respondent (organization_code, position, email) values ('CYCLE-1', 0, "
                    + "'ia@cycle.example.qc.ca')");
            TestCampaigns campaigns = first.getBean(TestCampaigns.class);
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
            campaigns.create(YEAR, List.of("CYCLE-1"));
            campaigns.launch(YEAR);
            campaigns.runDueJobs(YEAR);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        ClockUtil.reset();
        smtp.stop();
        postgres.close();
    }

    @Test
    void a_changed_follow_up_cycle_reaches_the_declarations_already_open_at_their_next_check() {
        try (ConfigurableApplicationContext restarted = node("0 30 10 * * ?")) {
            ManagementService management = restarted.getBean(ManagementService.class);
            TestCampaigns campaigns = restarted.getBean(TestCampaigns.class);
            assertThat(followUpTimer(management).getDuedate()).as("opened under the old cycle")
                    .isEqualTo(utc(LocalDateTime.of(YEAR, 9, 2, 9, 0)));

            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 2, 9, 0, 30));
            campaigns.runDueJobs(YEAR);

            // the next check follows the new cycle (that day's follow-up mail, keyed by the date, is queued once)
            assertThat(followUpTimer(management).getDuedate()).as("the next check follows the new cycle")
                    .isEqualTo(utc(LocalDateTime.of(YEAR, 9, 2, 10, 30)));
            TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 2, 10, 30, 30));
            campaigns.runDueJobs(YEAR);
            assertThat(followUpTimer(management).getDuedate()).isEqualTo(utc(LocalDateTime.of(YEAR, 9, 3, 10, 30)));
        }
    }

    private static Job followUpTimer(ManagementService management) {
        return management.createJobQuery().timers().activityId("BoundaryEvent_DailyFollowUp").singleResult();
    }

    private static Date utc(LocalDateTime time) {
        return Date.from(time.toInstant(ZoneOffset.UTC));
    }

    /** The application as production runs it on this database, jobs run by the test, with this follow-up cycle. */
    private static ConfigurableApplicationContext node(String followUpCycle) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.mail.host", "localhost");
        properties.put("spring.mail.port", smtp.getSmtp().getPort());
        properties.put("server.port", 0);
        properties.put("camunda.bpm.job-execution.enabled", false);
        // this JVM runs the other tests' engine too: a name of its own keeps Camunda's engine registry apart
        properties.put("camunda.bpm.process-engine-name", "cycleNode");
        properties.put("declarations.mail.dispatch.enabled", false);
        properties.put("declarations.campaign.follow-up-cycle", followUpCycle);
        return new SpringApplicationBuilder(DeclarationsIaApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }
}
