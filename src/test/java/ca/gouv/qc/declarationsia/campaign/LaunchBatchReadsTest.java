package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.organization.SuccessionForm;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestForms;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A launch's batch reads its bodies' deadlines, organizations, respondents, sign-ins and last declarations once for
 * all of them (BatchReads); each body still gets its own: the task's due date and the invitation's date from its own
 * target, its own respondents, the first-sign-in link only for a respondent who never signed in, and its own last
 * year's active initiatives with their answers (or its predecessor's); what it writes at its end (BatchWrites) is each
 * body's own.
 */
@DatabaseTest
class LaunchBatchReadsTest {

    private static final int YEAR = 2032;
    /** The carry-over's years: this one and two before it, of this class only. */
    private static final int CARRY_YEAR = 2036;
    private static final String SIGNED_IN = "ia.lbr-a@example.qc.ca";
    private static final String NEWCOMER = "ia.lbr-b@example.qc.ca";

    @Autowired
    TestCampaigns campaigns;
    @Autowired
    OrganizationService organizations;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeclarationRepository declarations;
    @Autowired
    InitiativeIds initiativeIds;
    @Autowired
    FormVersions forms;
    @Autowired
    Successions successions;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(CARRY_YEAR);
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

    @Test
    void each_body_of_a_batch_carries_its_own_last_declaration_and_its_answers() {
        for (int year : List.of(CARRY_YEAR - 2, CARRY_YEAR - 1)) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, LocalDate.of(year, 6, 30),
                    LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 30));
        }
        List<String> codes = List.of("LBC-A", "LBC-B", "LBC-C", "LBC-D", "LBC-P");
        codes.forEach(code -> TestOrganizations.create(organizations, code));
        // A declared last year (two active, one retired), C two years ago, B never; D succeeded P, which declared
        List<String> ofA = TestDeclarations.accepted(declarations, initiativeIds, transactions, CARRY_YEAR - 1, "LBC-A", 2,
                true);
        List<String> ofC = TestDeclarations.accepted(declarations, initiativeIds, transactions, CARRY_YEAR - 2, "LBC-C", 1,
                false);
        List<String> ofP = TestDeclarations.accepted(declarations, initiativeIds, transactions, CARRY_YEAR - 1, "LBC-P", 1,
                false);
        SystemAuthentication.runAsSystem(() -> successions.record(new SuccessionForm(List.of("LBC-P"), "LBC-D",
                LocalDate.of(CARRY_YEAR - 1, 12, 1), "Fusion", null)));
        // the campaign's version asks one question, which A answered last year
        FormDefinition version = TestForms.next(forms, Map.of(), List.of(TestForms.question("lbcLink", "SHORT_TEXT",
                "Page publique", "Public page", null, true)));
        jdbc.update("update initiative_snapshot set answers = cast(? as jsonb) where initiative_id = ?",
                "{\"lbcLink\": \"https://www.quebec.ca/ia\"}", ofA.get(0));
        campaigns.create(CARRY_YEAR, List.of("LBC-A", "LBC-B", "LBC-C", "LBC-D"), version.version());
        TestCampaigns.clockAt(LocalDateTime.of(CARRY_YEAR, 9, 1, 13, 0));

        campaigns.launch(CARRY_YEAR);
        campaigns.runDueJobs(CARRY_YEAR);

        assertThat(initiatives("LBC-A")).as("its two active ones, in order, not the retired")
                .containsExactly(ofA.get(0), ofA.get(1));
        assertThat(answers(ofA.get(0))).as("with its answer").contains("https://www.quebec.ca/ia");
        assertThat(initiatives("LBC-B")).as("nothing declared before").isEmpty();
        assertThat(initiatives("LBC-C")).as("its last declaration, two years ago").containsExactlyElementsOf(ofC);
        assertThat(initiatives("LBC-D")).as("its predecessor's").containsExactlyElementsOf(ofP);
        // what the batch wrote at its end: each declaration's link to its own process, each body's invitation
        for (String code : List.of("LBC-A", "LBC-B", "LBC-C", "LBC-D")) {
            assertThat(jdbc.queryForObject("select process_instance_id from declaration where campaign_year = ? "
                    + "and organization_code = ?", String.class, CARRY_YEAR, code)).as(code)
                    .isEqualTo(runtime.createProcessInstanceQuery().processInstanceBusinessKey(CARRY_YEAR + "-" + code)
                            .singleResult().getId());
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where campaign_year = ? "
                    + "and organization_code = ? and kind = 'INVITATION'", Integer.class, CARRY_YEAR, code)).as(code)
                    .isEqualTo(1);
        }
    }

    private List<String> initiatives(String code) {
        return jdbc.queryForList("select s.initiative_id from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and d.organization_code = ? order by s.position",
                String.class, CARRY_YEAR, code);
    }

    private String answers(String initiativeId) {
        return jdbc.queryForObject("select s.answers::text from initiative_snapshot s join declaration d "
                + "on d.id = s.declaration_id where d.campaign_year = ? and s.initiative_id = ?", String.class,
                CARRY_YEAR, initiativeId);
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
