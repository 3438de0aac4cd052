package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each group may see and do in the engine, as Tasklist and Cockpit ask it on the user's behalf. */
@IntegrationTest
class CamundaAuthorizationsTest {

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    private static final int YEAR = 2081;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private ProcessInstance mrnf;
    private ProcessInstance msss;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    DeclarationLifecycle opening;

    @Autowired
    TransactionTemplate transactions;

    /** Each test gets fresh declarations of MRNF and MSSS, waiting at their task. */
    @BeforeEach
    void twoOrganizationsHaveATask() {
        if (jdbc.queryForObject("select count(*) from campaign where year = ?", Integer.class, YEAR) == 0) {
            campaigns.create(YEAR, List.of("MRNF", "MSSS"));
        }
        campaigns.cleanUp(YEAR);
        jdbc.update("delete from mail_outbox where campaign_year = ?", YEAR);
        jdbc.update("delete from declaration where campaign_year = ?", YEAR);
        transactions.executeWithoutResult(status -> List.of("MRNF", "MSSS").forEach(code -> opening.open(YEAR, code)));
        campaigns.runDueJobs(YEAR);
        mrnf = runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-MRNF").singleResult();
        msss = runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + "-MSSS").singleResult();
    }

    @Test
    void a_respondent_sees_only_its_own_organizations_tasks_in_tasklist() {
        List<Task> seen = as("ia.mrnf@example.qc.ca", () -> tasks.createTaskQuery()
                .processDefinitionKey("organization-declaration").list());

        assertThat(seen).extracting(Task::getProcessInstanceId).contains(mrnf.getId()).doesNotContain(msss.getId());
    }

    @Test
    void the_group_filter_of_tasklist_is_readable_by_a_respondent_and_lists_its_tasks_only() {
        Filter groupFilter = as("ia.mrnf@example.qc.ca", () -> filters.createTaskFilterQuery()
                .filterName(CamundaAuthorizations.GROUP_FILTER_NAME).singleResult());
        assertThat(groupFilter).as("filter visible to respondents").isNotNull();

        List<Task> listed = as("ia.mrnf@example.qc.ca", () -> filters.list(groupFilter.getId()));
        assertThat(listed).extracting(Task::getProcessInstanceId).contains(mrnf.getId()).doesNotContain(msss.getId());
    }

    @Test
    void a_manager_reads_every_process_but_changes_nothing() {
        long visible = as("gestion", () -> runtime.createProcessInstanceQuery()
                .processInstanceIds(java.util.Set.of(mrnf.getId(), msss.getId())).count());
        assertThat(visible).isEqualTo(2);

        assertThatThrownBy(() -> as("gestion", () -> {
            runtime.deleteProcessInstance(mrnf.getId(), "test");
            return null;
        })).isInstanceOf(AuthorizationException.class);
        String taskId = tasks.createTaskQuery().processInstanceId(mrnf.getId()).singleResult().getId();
        assertThatThrownBy(() -> as("gestion", () -> {
            tasks.complete(taskId);
            return null;
        })).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void a_respondent_cannot_complete_another_organizations_task() {
        String othersTask = tasks.createTaskQuery().processInstanceId(msss.getId()).singleResult().getId();
        assertThatThrownBy(() -> as("ia.mrnf@example.qc.ca", () -> {
            tasks.complete(othersTask);
            return null;
        })).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void a_coordinator_administers_everything() {
        as("coordo", () -> {
            runtime.deleteProcessInstance(msss.getId(), "cancelled by the coordination");
            return null;
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(msss.getId()).count()).isZero();
    }

    /** Runs as the webapps do: with the user and its groups set on the engine. */
    private <T> T as(String userId, Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
