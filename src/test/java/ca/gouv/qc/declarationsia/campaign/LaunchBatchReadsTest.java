package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A launch's batch reads its bodies' deadlines, organizations, respondents and sign-ins once for all of them
 * (BatchReads); each body still gets its own: the task's due date and the invitation's date from its own target,
 * its own respondents, and the first-sign-in link only for a respondent who never signed in.
 */
@DatabaseTest
class LaunchBatchReadsTest {

    private static final int YEAR = 2032;
    private static final String SIGNED_IN = "ia.lbr-a@example.qc.ca";
    private static final String NEWCOMER = "ia.lbr-b@example.qc.ca";

    @Autowired
    TestCampaigns campaigns;
    @Autowired
    OrganizationService organizations;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        jdbc.update("delete from account_sign_in where user_id = ?", SIGNED_IN);
    }

    @Test
    void each_body_of_a_batch_gets_its_own_due_date_recipients_and_link() {
        TestOrganizations.create(organizations, "LBR-A");
        TestOrganizations.create(organizations, "LBR-B");
        TestOrganizations.create(organizations, "LBR-C");
        campaigns.create(YEAR, List.of("LBR-A", "LBR-B", "LBR-C"));
        jdbc.update("update campaign_target set due_date = ? where campaign_year = ? and organization_code = 'LBR-B'",
                LocalDate.of(YEAR, 11, 20), YEAR);
        jdbc.update("insert into account_sign_in (user_id, last_signed_in_at) values (?, now())", SIGNED_IN);
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));

        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);

        assertThat(dueDate("LBR-A")).isEqualTo(QuebecTime.endOf(LocalDate.of(YEAR, 10, 31)));
        assertThat(dueDate("LBR-B")).as("its target's own due date").isEqualTo(QuebecTime.endOf(LocalDate.of(YEAR, 11, 20)));
        assertThat(dueDate("LBR-C")).isEqualTo(QuebecTime.endOf(LocalDate.of(YEAR, 10, 31)));
        Map<String, Object> signedIn = invitation("LBR-A");
        assertThat(signedIn.get("recipients").toString()).contains(SIGNED_IN);
        assertThat(signedIn.get("personal_link_for")).as("signed in before: the shared mail").isNull();
        assertThat(signedIn.get("body").toString()).contains("31 octobre " + YEAR);
        Map<String, Object> newcomer = invitation("LBR-B");
        assertThat(newcomer.get("recipients").toString()).contains(NEWCOMER);
        assertThat(newcomer.get("personal_link_for")).as("never signed in: a personal link").isEqualTo(NEWCOMER);
        assertThat(newcomer.get("body").toString()).contains("20 novembre " + YEAR).doesNotContain("31 octobre " + YEAR);
        assertThat(invitation("LBR-C").get("recipients").toString()).contains("ia.lbr-c@example.qc.ca");
    }

    private java.util.Date dueDate(String code) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(YEAR + "-" + code).singleResult();
        return task.getDueDate();
    }

    private Map<String, Object> invitation(String code) {
        return jdbc.queryForMap("select recipients, personal_link_for, body from mail_outbox where campaign_year = ? "
                + "and organization_code = ? and kind = 'INVITATION'", YEAR, code);
    }
}
