package ca.gouv.qc.declarationsia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.FakeSmtpServer;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail leaves the outbox off the processes' path: an SMTP outage never stops a body's work, shows to operators at
 * once, and ends by itself with every mail delivered once; a slow or hung server neither duplicates mail nor holds
 * anything but the dispatcher.
 */
@DatabaseTest
class MailOutboxTest {

    private static final int YEAR = 2051;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TaskService tasks;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    MailHealthIndicator health;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;


    @Autowired
    JdbcTemplate jdbc;


    @Autowired
    MailDispatchers dispatchers;

    @AfterEach
    void cleanUp() {
        if (!mailCatcher.isRunning()) {
            mailCatcher.start();
        }
        campaigns.cleanUp(YEAR);
    }

    @Test
    void an_smtp_outage_stops_no_body_shows_at_once_and_ends_by_itself_with_each_mail_once() {
        List.of("OUT-1", "OUT-2").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(YEAR, List.of("OUT-1", "OUT-2"));
        // later than any other test's clock: this test's attempts are the latest the health check reads
        TestCampaigns.clockAt(LocalDateTime.of(2100, 9, 1, 13, 0));
        dispatcher.dispatchDue();

        mailCatcher.stop();
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike(YEAR + "-OUT-%").count())
                .as("every body has its task, whatever SMTP does").isEqualTo(2);
        assertThat(health.health().getStatus()).as("visible to operators at the first failed attempt")
                .isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsKey("lastError").containsEntry("pending", pendingMails());
        Map<String, Object> first = jdbc.queryForMap("select status, attempts, last_error from mail_outbox "
                + "where campaign_year = ? and attempts > 0", YEAR);
        assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1);

        // twenty minutes of outage, a round every minute: each probes the server, and tries no mail while it is down
        for (int minute = 1; minute <= 20; minute++) {
            TestCampaigns.clockAt(LocalDateTime.of(2100, 9, 1, 13, minute));
            dispatcher.dispatchDue();
        }
        assertThat(jdbc.queryForObject("select max(attempts) from mail_outbox where campaign_year = ?", Integer.class, YEAR))
                .as("a probe, not a mail, while the server is down").isEqualTo(1);
        assertThat(health.health().getDetails().get("lastError")).as("the probe's news").asString().isNotBlank();

        // back: delivered at the next probe, 10 s later, however long the outage was
        mailCatcher.start();
        TestCampaigns.clockAt(LocalDateTime.of(2100, 9, 1, 13, 20, 5));
        assertThat(dispatcher.dispatchDue()).as("still pausing between probes").isZero();
        TestCampaigns.clockAt(LocalDateTime.of(2100, 9, 1, 13, 20, 10));
        dispatcher.dispatchDue();

        assertThat(CaughtMail.countByRecipient(mailCatcher, "Campagne " + YEAR))
                .as("each invitation arrived once, with no operator action")
                .containsEntry("ia.out-1@example.qc.ca", 1L).containsEntry("ia.out-2@example.qc.ca", 1L);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        dispatcher.dispatchDue();
        assertThat(CaughtMail.to(mailCatcher, "ia.out-1@example.qc.ca")).as("a later round sends nothing again").hasSize(1);
    }

    @Test
    void a_server_that_acknowledges_late_gets_each_mail_once() throws Exception {
        TestOrganizations.create(organizations, "OUT-3");
        campaigns.create(YEAR + 1, List.of("OUT-3"));
        dispatcher.dispatchDue();
        queue(YEAR + 1, "OUT-3", "slow-1");
        queue(YEAR + 1, "OUT-3", "slow-2");
        // a short command timeout, so the test is quick: the server answers the end of the message after 3 times it
        try (FakeSmtpServer slow = FakeSmtpServer.acknowledgingAfter(Duration.ofSeconds(3))) {
            MailDispatcher toSlowServer = dispatcherTo(slow.port(), Duration.ofSeconds(1), Duration.ofSeconds(20));
            toSlowServer.dispatchDue();
            assertThat(slow.storedMessageIds()).hasSize(2).doesNotHaveDuplicates()
                    .allMatch(id -> id.startsWith("<outbox-") && id.endsWith("@mcn.example.qc.ca>"));
            toSlowServer.dispatchDue();
            assertThat(slow.storedMessageIds()).as("nothing sent twice, not even a second round").hasSize(2);
        }
        assertThat(jdbc.queryForList("select status from mail_outbox where idempotency_key like 'TEST:slow-%'", String.class))
                .containsOnly("SENT");
        campaigns.cleanUp(YEAR + 1);
    }

    @Test
    void a_hung_server_fails_the_attempt_within_the_command_timeout_and_the_mail_waits() {
        TestOrganizations.create(organizations, "OUT-4");
        campaigns.create(YEAR + 2, List.of("OUT-4"));
        dispatcher.dispatchDue();
        queue(YEAR + 2, "OUT-4", "hung");
        try (FakeSmtpServer hung = FakeSmtpServer.hung()) {
            dispatcherTo(hung.port(), Duration.ofSeconds(1), Duration.ofMinutes(10)).dispatchDue();
        }
        Map<String, Object> mail = jdbc.queryForMap("select status, attempts, last_error from mail_outbox "
                + "where idempotency_key = 'TEST:hung'");
        assertThat(mail).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) mail.get("last_error")).containsIgnoringCase("timed out");
        campaigns.cleanUp(YEAR + 2);
    }

    @Test
    void queuing_the_same_decision_twice_queues_one_mail() {
        TestOrganizations.create(organizations, "OUT-5");
        campaigns.create(YEAR + 3, List.of("OUT-5"));
        OutgoingMail mail = new OutgoingMail("TEST:twice", (YEAR + 3) + "-OUT-5", YEAR + 3, "OUT-5", MailKind.REMINDER,
                Locale.CANADA, List.of("ia.out-5@example.qc.ca"), List.of(),
                Map.of("campaignYear", YEAR + 3, "organizationName", "Body OUT-5", "dueDate", "October 31",
                        "link", "http://localhost/mes-declarations", "daysLeft", 7));
        Boolean first = transactions.execute(status -> outbox.enqueue(mail));
        Boolean second = transactions.execute(status -> outbox.enqueue(mail));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.queryForObject("select subject from mail_outbox where idempotency_key = 'TEST:twice'", String.class))
                .as("English for an English-speaking body").startsWith("Reminder – Body OUT-5");
        campaigns.cleanUp(YEAR + 3);
    }

    private void queue(int year, String organizationCode, String key) {
        dispatchers.queue(year, organizationCode, key);
    }

    private int pendingMails() {
        return jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Integer.class);
    }

    private MailDispatcher dispatcherTo(int port, Duration command, Duration finalReply) {
        return dispatchers.to(port, command, finalReply);
    }
}
