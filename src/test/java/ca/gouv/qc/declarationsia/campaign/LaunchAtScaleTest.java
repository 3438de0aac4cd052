package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.notification.MailDispatcher;
import ca.gouv.qc.declarationsia.notification.MailDispatchers;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.FakeSmtpServer;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 1,000 organizations: one declaration process, one task and one invitation each, started in batches, while the mail
 * server is down and a hung one holds a dispatcher; every invitation arrives once when the server is back; re-running
 * the launch after a crash creates nothing twice.
 */
@DatabaseTest
class LaunchAtScaleTest {

    private static final int YEAR = 2090;
    private static final int ORGANIZATIONS = 1_000;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    MailDispatchers dispatchers;

    /** What the health endpoint's "mail" component answers. */
    @Autowired
    @Qualifier("mailHealthIndicator")
    HealthIndicator mailHealth;

    @AfterEach
    void cleanUp() {
        if (!mailCatcher.isRunning()) {
            mailCatcher.start();
        }
        campaigns.cleanUp(YEAR);
    }

    @Test
    void a_launch_of_1000_bodies_gives_each_its_task_at_once_whatever_smtp_does_and_each_invitation_once() throws Exception {
        List<String> codes = IntStream.rangeClosed(1, ORGANIZATIONS).mapToObj(i -> "SCALE-%04d".formatted(i)).toList();
        jdbc.batchUpdate("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', false, ?)
                """, codes.stream().map(code -> new Object[] {code, "Organisme " + code, "Body " + code,
                "dri." + code.toLowerCase() + "@scale.example.qc.ca"}).toList());
        jdbc.batchUpdate("insert into organization_respondent (organization_code, position, email) values (?, 0, ?)",
                codes.stream().map(code -> new Object[] {code, "ia." + code.toLowerCase() + "@scale.example.qc.ca"}).toList());
        campaigns.create(YEAR, codes);
        TestCampaigns.clockAt(LocalDateTime.of(2100, 10, 1, 13, 0));
        dispatcher.dispatchDue();

        mailCatcher.stop();
        try (FakeSmtpServer hung = FakeSmtpServer.hung()) {
            dispatchers.queue(YEAR, codes.get(0), "hung-probe");
            Thread hungDispatcher = new Thread(() -> dispatchers.to(hung.port(), Duration.ofMinutes(10)).dispatchDue());
            hungDispatcher.start();

            campaigns.launch(YEAR);
            campaigns.runDueJobs(YEAR);

            assertThat(tasks.createTaskQuery().taskDefinitionKey("UserTask_PrepareDeclaration")
                    .processInstanceBusinessKeyLike(YEAR + "-SCALE-%").count())
                    .as("every body has its task, mail server down or hung").isEqualTo(ORGANIZATIONS);
            assertThat(hungDispatcher.isAlive()).as("the launch did not wait for the hung server").isTrue();
        }
        assertThat(mailHealth.health().getStatus()).as("the outage shows at once").isEqualTo(Status.DOWN);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION' "
                + "and status = 'PENDING'", Integer.class, YEAR)).as("nothing lost").isEqualTo(ORGANIZATIONS);

        mailCatcher.start();
        TestCampaigns.clockAt(LocalDateTime.of(2100, 10, 1, 13, 10));
        dispatcher.dispatchDue();

        Map<String, Long> invitations = CaughtMail.countByRecipient(mailCatcher, "Campagne " + YEAR);
        assertThat(invitations).as("each invitation once, with no operator action").hasSize(ORGANIZATIONS)
                .allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1L));
        assertThat(mailHealth.health().getStatus()).isEqualTo(Status.UP);

        // A crash and a restart make the launch steps run again: they find every declaration open and do nothing.
        runtime.startProcessInstanceByKey("annual-campaign", String.valueOf(YEAR), Map.of("campaignYear", YEAR));
        campaigns.runDueJobs(YEAR);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("organization-declaration")
                .processInstanceBusinessKeyLike(YEAR + "-SCALE-%").count()).isEqualTo(ORGANIZATIONS);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION'",
                Integer.class, YEAR)).isEqualTo(ORGANIZATIONS);
        assertThat(CaughtMail.countByRecipient(mailCatcher, "Campagne " + YEAR).values()).as("no invitation twice")
                .containsOnly(1L);
    }
}
