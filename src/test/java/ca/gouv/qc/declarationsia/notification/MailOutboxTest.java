package ca.gouv.qc.declarationsia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.transaction.support.TransactionTemplate;

/** An SMTP outage loses nothing and shows in Cockpit; a retry never sends a mail twice. */
@IntegrationTest
class MailOutboxTest {

    private static final int YEAR = 2051;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        if (!mailCatcher.isRunning()) {
            mailCatcher.start();
        }
        campaigns.cleanUp(YEAR);
    }

    @Test
    void an_smtp_outage_becomes_an_incident_and_a_retry_once_smtp_is_back_delivers_every_mail_once() throws Exception {
        TestOrganizations.create(organizations, "OUT-1");
        campaigns.create(YEAR, List.of("OUT-1"));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));

        mailCatcher.stop();
        campaigns.launch(YEAR);
        runJobsExpectingFailures();
        // the failed job waits for its next try (R5/PT5M): not due now
        Job sendInvitation = management.createJobQuery().activityId("ServiceTask_SendInvitation").singleResult();
        assertThat(sendInvitation.getRetries()).as("retries left after the first failure").isEqualTo(4);
        assertThat(sendInvitation.getExceptionMessage()).isNotBlank();
        Map<String, Object> queued = jdbc.queryForMap(
                "select status, attempts, last_error from mail_outbox where campaign_year = ? and kind = 'INVITATION'", YEAR);
        assertThat(queued).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) queued.get("last_error")).isNotBlank();

        management.setJobRetries(sendInvitation.getId(), 1);
        assertThatThrownBy(() -> management.executeJob(sendInvitation.getId())).isInstanceOf(MailException.class);
        Incident incident = runtime.createIncidentQuery().activityId("ServiceTask_SendInvitation").singleResult();
        assertThat(incident).as("an incident shows in Cockpit").isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);

        mailCatcher.start();
        management.setJobRetries(sendInvitation.getId(), 1);   // what "Retry" does in Cockpit
        management.executeJob(sendInvitation.getId());
        campaigns.runDueJobs(YEAR);

        assertThat(mailsTo("ia.out-1@example.qc.ca")).as("the invitation, once").isEqualTo(1);
        assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
        assertThat(jdbc.queryForObject("select status from mail_outbox where campaign_year = ? and kind = 'INVITATION'",
                String.class, YEAR)).isEqualTo("SENT");
    }

    @Test
    void a_step_that_rolls_back_after_sending_does_not_send_again_on_retry() throws Exception {
        TestOrganizations.create(organizations, "OUT-2");
        campaigns.create(YEAR + 1, List.of("OUT-2"));
        String businessKey = (YEAR + 1) + "-OUT-2";
        transactions.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail("TEST:" + businessKey, businessKey,
                YEAR + 1, "OUT-2", MailKind.INVITATION, java.util.Locale.CANADA_FRENCH, List.of("ia.out-2@example.qc.ca"),
                List.of(), Map.of("campaignYear", YEAR + 1, "organizationName", "Organisme OUT-2",
                        "dueDate", "31 octobre", "link", "http://localhost/mes-declarations"))));

        // the engine's transaction fails after the mail left (e.g. the respondent submitted at that very moment)
        transactions.executeWithoutResult(status -> {
            delivery.deliverPending(businessKey);
            status.setRollbackOnly();
        });
        int retried = delivery.deliverPending(businessKey);

        assertThat(retried).isZero();
        assertThat(mailsTo("ia.out-2@example.qc.ca")).isEqualTo(1);
        campaigns.cleanUp(YEAR + 1);
    }

    @Test
    void queuing_the_same_decision_twice_queues_one_mail() {
        TestOrganizations.create(organizations, "OUT-3");
        campaigns.create(YEAR + 2, List.of("OUT-3"));
        OutgoingMail mail = new OutgoingMail("TEST:twice", (YEAR + 2) + "-OUT-3", YEAR + 2, "OUT-3", MailKind.REMINDER,
                java.util.Locale.CANADA, List.of("ia.out-3@example.qc.ca"), List.of(),
                Map.of("campaignYear", YEAR + 2, "organizationName", "Body OUT-3", "dueDate", "October 31",
                        "link", "http://localhost/mes-declarations", "daysLeft", 7));
        Boolean first = transactions.execute(status -> outbox.enqueue(mail));
        Boolean second = transactions.execute(status -> outbox.enqueue(mail));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.queryForObject("select subject from mail_outbox where idempotency_key = 'TEST:twice'", String.class))
                .as("English for an English-speaking body").startsWith("Reminder: 2053 AI initiatives declaration of Body OUT-3");
    }

    /** Runs the launch: the mail job fails while SMTP is down, which is what the test wants to see. */
    private void runJobsExpectingFailures() {
        for (int round = 0; round < 10; round++) {
            try {
                if (campaigns.runDueJobs(YEAR) == 0) {
                    return;
                }
            } catch (MailException expected) {
                // the engine recorded the failure and decremented the job's retries
            }
        }
    }

    private long mailsTo(String address) {
        return CaughtMail.to(mailCatcher, address).size();
    }
}
