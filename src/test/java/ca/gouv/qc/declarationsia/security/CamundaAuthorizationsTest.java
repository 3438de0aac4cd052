package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.declaration.DeclarationTasks;
import ca.gouv.qc.declarationsia.process.DeploymentOnlyEngine;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What each group may see and do in the engine, as Tasklist and Cockpit ask it on the user's behalf: the
 * authorizations {@link CamundaAuthorizations} grants and the identity settings of {@link IdentityEnginePlugin}, on
 * the deployment-only engine (authorizations on, as the application's) with {@code organization-declaration}
 * deployed and its real {@link DeclarationTasks} naming each task's group. That the application's engine has
 * authorizations on at all is AccessRulesTest's (the engine REST API shows a respondent no process definition).
 */
@Deployment(resources = "bpmn/organization-declaration.bpmn")
class CamundaAuthorizationsTest {

    private static final int YEAR = 2081;

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(DeploymentOnlyEngine.CONFIGURATION)
            .build();

    private static boolean rolesAndUsersMade;

    private IdentityService identity;
    private RuntimeService runtime;
    private TaskService tasks;
    private FilterService filters;

    private ProcessInstance mrnf;
    private ProcessInstance msss;

    /** The groups and grants as the application makes sure of them at start, and its users. */
    @BeforeEach
    void rolesAndUsers() {
        identity = engine.getIdentityService();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        filters = engine.getFilterService();
        if (!rolesAndUsersMade) {
            // the engine lives as long as the JVM, and these with it
            new CamundaAuthorizations(identity, engine.getAuthorizationService(), filters, tasks, "").run(null);
            user("ia.mrnf@example.qc.ca", "org-MRNF");
            user("ia.msss@example.qc.ca", "org-MSSS");
            user("gestion", Roles.MANAGERS);
            user("coordo", Roles.COORDINATORS);
            rolesAndUsersMade = true;
        }

        Mocks.register("declarationTasks", new DeclarationTasks());
        Mocks.register("campaignCalendar", new Calendar());
        Mocks.register("queueInvitation", (JavaDelegate) execution -> { });
        Mocks.register("requireSubmission", (TaskListener) task -> {
            throw new ProcessEngineException("une déclaration se soumet sur sa page");
        });
    }

    /**
     * Fresh declarations of MRNF and MSSS, waiting at their task. Called by each test: camunda-bpm-junit5 deploys
     * the model (and the coverage run starts) only after {@code @BeforeEach}.
     */
    private void twoOrganizationsHaveATask() {
        mrnf = open("MRNF");
        msss = open("MSSS");
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void a_respondent_sees_only_its_own_organizations_tasks_in_tasklist() {
        twoOrganizationsHaveATask();
        List<Task> seen = as("ia.mrnf@example.qc.ca", () -> tasks.createTaskQuery()
                .processDefinitionKey("organization-declaration").list());

        assertThat(seen).extracting(Task::getProcessInstanceId).contains(mrnf.getId()).doesNotContain(msss.getId());
    }

    @Test
    void the_group_filter_of_tasklist_is_readable_by_a_respondent_and_lists_its_tasks_only() {
        twoOrganizationsHaveATask();
        Filter groupFilter = as("ia.mrnf@example.qc.ca", () -> filters.createTaskFilterQuery()
                .filterName(CamundaAuthorizations.GROUP_FILTER_NAME).singleResult());
        assertThat(groupFilter).as("filter visible to respondents").isNotNull();

        List<Task> listed = as("ia.mrnf@example.qc.ca", () -> filters.list(groupFilter.getId()));
        assertThat(listed).extracting(Task::getProcessInstanceId).contains(mrnf.getId()).doesNotContain(msss.getId());
    }

    @Test
    void a_manager_reads_every_process_but_changes_nothing() {
        twoOrganizationsHaveATask();
        long visible = as("gestion", () -> runtime.createProcessInstanceQuery()
                .processInstanceIds(Set.of(mrnf.getId(), msss.getId())).count());
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
        twoOrganizationsHaveATask();
        String othersTask = tasks.createTaskQuery().processInstanceId(msss.getId()).singleResult().getId();
        assertThatThrownBy(() -> as("ia.mrnf@example.qc.ca", () -> {
            tasks.complete(othersTask);
            return null;
        })).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void a_coordinator_administers_everything() {
        twoOrganizationsHaveATask();
        as("coordo", () -> {
            runtime.deleteProcessInstance(msss.getId(), "cancelled by the coordination");
            return null;
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(msss.getId()).count()).isZero();
    }

    /** As DeclarationLifecycle opens a body's declaration: the model, keyed by year and body, at the body's task. */
    private ProcessInstance open(String organizationCode) {
        ProcessInstance declaration = runtime.startProcessInstanceByKey("organization-declaration",
                YEAR + "-" + organizationCode, Map.of("campaignYear", YEAR, "organizationCode", organizationCode));
        assertThat(tasks.createTaskQuery().processInstanceId(declaration.getId()).count()).as("the body's task").isOne();
        return declaration;
    }

    private void user(String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword("not-used-here");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
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

    /** The due date and follow-up cycle the model asks of campaign.CampaignCalendar. */
    public static final class Calendar {

        public Date dueDateOf(DelegateExecution execution) {
            return Date.from(Instant.parse(YEAR + "-11-01T03:59:59Z"));
        }

        public String getFollowUpCycle() {
            return "0 0 9 * * ?";
        }
    }
}
