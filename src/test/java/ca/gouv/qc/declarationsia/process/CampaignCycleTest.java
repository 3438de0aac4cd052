package ca.gouv.qc.declarationsia.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import ca.gouv.qc.declarationsia.campaign.ExtensionForm;
import ca.gouv.qc.declarationsia.campaign.ExtensionService;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.SubmitForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.support.CaughtMail;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole campaign season, day by day on the engine's clock: invitations, reminders on the right days, none after
 * submission, overdue reminders and the escalation after the due date, an extension that moves them all, and every
 * mail delivered exactly once.
 */
@DatabaseTest
class CampaignCycleTest {

    private static final int YEAR = 2031;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ExtensionService extensions;

    @Autowired
    DeclarationService declarations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    IdentityService identity;

    /** A coordinator with an address, whom every escalation copies (the demo's, in local mode). */
    @BeforeEach
    void coordinatorWithAnAddress() {
        if (identity.createGroupQuery().groupId(Roles.COORDINATORS).count() == 0) {
            Group coordinators = identity.newGroup(Roles.COORDINATORS);
            coordinators.setName("Coordination");
            identity.saveGroup(coordinators);
        }
        if (identity.createUserQuery().userId("coordo").count() == 0) {
            User coordinator = identity.newUser("coordo");
            coordinator.setFirstName("Claire");
            coordinator.setLastName("Coordination");
            coordinator.setEmail("coordo@mcn.example.qc.ca");
            identity.saveUser(coordinator);
            identity.createMembership("coordo", Roles.COORDINATORS);
        }
    }

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
    }

    @Test
    void a_campaign_season_sends_each_mail_on_its_day_and_exactly_once() throws Exception {
        init(engine);
        List.of("CYC-A", "CYC-B", "CYC-C").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(YEAR, List.of("CYC-A", "CYC-B", "CYC-C"));

        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);

        ProcessInstance a = declarationProcess("CYC-A");
        assertThat(a).isWaitingAt("UserTask_PrepareDeclaration");
        assertThat(prepareTask("CYC-A").getDueDate()).isEqualTo(QuebecTime.endOf(LocalDate.of(YEAR, 10, 31)));
        MimeMessage invitation = mailsTo("ia.cyc-a@example.qc.ca").get(0);
        assertThat(invitation.getSubject())
                .isEqualTo("Campagne 2031 – Organisme de test CYC-A : déclaration des initiatives d’IA attendue le 31 octobre 2031");
        assertThat(invitation.getContent().toString()).as("the link goes to the body's own declaration")
                .contains("http://localhost:8080/mes-declarations/2031/CYC-A", "31 octobre 2031");

        for (LocalDate day = LocalDate.of(YEAR, 9, 2); !day.isAfter(LocalDate.of(YEAR, 12, 5)); day = day.plusDays(1)) {
            TestCampaigns.clockAt(day.atTime(9, 0, 30));
            campaigns.runDueJobs(YEAR);
            if (day.equals(LocalDate.of(YEAR, 10, 20))) {
                submitNilDeclaration("CYC-B");
            }
            if (day.equals(LocalDate.of(YEAR, 10, 25))) {
                SystemAuthentication.runAsSystem(() -> extensions.grant(YEAR, "CYC-C",
                        new ExtensionForm(LocalDate.of(YEAR, 11, 15), "Changement de direction informatique")));
                campaigns.runDueJobs(YEAR);
            }
        }

        assertThat(mailDays("CYC-A")).containsExactly(
                "INVITATION 2031-09-01",
                "REMINDER 2031-10-01", "REMINDER 2031-10-17", "REMINDER 2031-10-24", "REMINDER 2031-10-30",
                "OVERDUE_REMINDER 2031-11-01", "ESCALATION 2031-11-07", "OVERDUE_REMINDER 2031-11-14",
                "OVERDUE_REMINDER 2031-11-21", "OVERDUE_REMINDER 2031-11-28");
        assertThat(mailDays("CYC-B")).as("nothing after the submission").containsExactly(
                "INVITATION 2031-09-01", "REMINDER 2031-10-01", "REMINDER 2031-10-17");
        assertThat(mailDays("CYC-C")).as("the extension moves every reminder").containsExactly(
                "INVITATION 2031-09-01", "REMINDER 2031-10-01", "REMINDER 2031-10-17", "REMINDER 2031-10-24",
                "EXTENSION 2031-10-25",
                "REMINDER 2031-11-01", "REMINDER 2031-11-08", "REMINDER 2031-11-14",
                "OVERDUE_REMINDER 2031-11-16", "ESCALATION 2031-11-22", "OVERDUE_REMINDER 2031-11-29");

        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ? and status <> 'SENT'",
                Integer.class, YEAR)).as("every mail delivered").isZero();
        assertThat(mailsTo("ia.cyc-a@example.qc.ca")).as("each respondent mail arrived once").hasSize(9);
        assertThat(mailsTo("ia.cyc-b@example.qc.ca")).hasSize(3);

        MimeMessage escalation = mailsTo("dri.cyc-a@example.qc.ca").get(0);
        assertThat(escalation.getSubject()).startsWith("Escalade – Organisme de test CYC-A");
        assertThat(Arrays.stream(escalation.getRecipients(Message.RecipientType.CC)).map(Object::toString))
                .as("coordinators in copy").contains("coordo@mcn.example.qc.ca");
        assertThat(escalation.getContent().toString()).contains("en retard de 7 jour(s)");

        MimeMessage extension = mailsTo("ia.cyc-c@example.qc.ca").stream()
                .filter(mail -> subject(mail).startsWith("Délai accordé")).findFirst().orElseThrow();
        assertThat(extension.getContent().toString()).contains("15 novembre 2031", "31 octobre 2031",
                "Changement de direction informatique");
        assertThat(prepareTask("CYC-C").getDueDate()).isEqualTo(QuebecTime.endOf(LocalDate.of(YEAR, 11, 15)));
        assertThat(jdbc.queryForObject("select granted_by from deadline_extension e join declaration d on d.id = e.declaration_id "
                + "where d.organization_code = 'CYC-C'", String.class)).isEqualTo(SystemAuthentication.SYSTEM_USER);

        assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = 'CYC-B'",
                String.class, YEAR)).as("valid, so a reviewer has it").isEqualTo("EN_REVISION");
    }

    /** The organization declares it has no AI initiative and submits, through the service its pages and API use. */
    private void submitNilDeclaration(String organizationCode) {
        SystemAuthentication.runAsSystem(() -> {
            declarations.saveDraft(YEAR, organizationCode, new DeclarationForm(true,
                    new DeclarationForm.Person("Rita Répondante", "ia.cyc-b@example.qc.ca"), null, List.of()));
            return declarations.submit(YEAR, organizationCode, new SubmitForm(true,
                    new SubmitForm.Signatory("Denise Directrice", "DPI", "dri.cyc-b@example.qc.ca")));
        });
    }

    private List<String> mailDays(String organizationCode) {
        return jdbc.queryForList("""
                select kind || ' ' || to_char(created_at at time zone 'America/Toronto', 'YYYY-MM-DD')
                  from mail_outbox where campaign_year = ? and organization_code = ? order by created_at, id
                """, String.class, YEAR, organizationCode);
    }

    private List<MimeMessage> mailsTo(String address) {
        return CaughtMail.to(mailCatcher, address);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProcessInstance declarationProcess(String organizationCode) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-" + organizationCode).singleResult();
    }

    private Task prepareTask(String organizationCode) {
        return tasks.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + organizationCode)
                .taskDefinitionKey("UserTask_PrepareDeclaration").singleResult();
    }
}
