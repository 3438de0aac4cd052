package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups and their Camunda authorizations, made sure of at every start (idempotent):
 * coordinators administer everything (engine admin group, all permissions), managers read Cockpit and nothing else,
 * every user may open Tasklist where candidate groups show each group only its own tasks.
 */
@Component
@Order(0)
class CamundaAuthorizations implements ApplicationRunner {

    static final String GROUP_FILTER_NAME = "Tâches de mes groupes / My group tasks";
    static final String MY_TASKS_FILTER_NAME = "Mes tâches / My tasks";

    private static final Map<String, String> ROLE_GROUPS = Map.of(
            Roles.COORDINATORS, "Coordination des campagnes (MCN)",
            Roles.REVIEWERS, "Analystes - révision des déclarations (MCN)",
            Roles.MANAGERS, "Gestionnaires - suivi (MCN)");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String bootstrapAdminId;

    CamundaAuthorizations(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, @Value("${camunda.bpm.admin-user.id:}") String bootstrapAdminId) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.bootstrapAdminId = bootstrapAdminId;
    }

    @Override
    public void run(ApplicationArguments args) {
        ROLE_GROUPS.forEach((id, name) -> ensureGroup(id, name, Groups.GROUP_TYPE_WORKFLOW));
        // The webapps offer a first-admin setup page while this group has no member; it must at least exist.
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda BPM Administrators", Groups.GROUP_TYPE_SYSTEM);
        // The first administrator of a new installation (camunda.bpm.admin-user) also runs the campaigns.
        if (!bootstrapAdminId.isBlank() && identity.createUserQuery().userId(bootstrapAdminId).count() == 1
                && identity.createUserQuery().userId(bootstrapAdminId).memberOfGroup(Roles.COORDINATORS).count() == 0) {
            identity.createMembership(bootstrapAdminId, Roles.COORDINATORS);
        }

        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);

        // Engine admin groups bypass checks, but the webapps still ask for an authorization per application.
        for (Resources resource : Resources.values()) {
            grantGroup(Roles.COORDINATORS, resource, ANY, Permissions.ALL);
        }

        grantGroup(Roles.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grantGroup(Roles.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grantGroup(Roles.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grantGroup(Roles.MANAGERS, Resources.TASK, ANY, Permissions.READ);
        grantGroup(Roles.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grantGroup(Roles.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grantGroup(Roles.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

        grantGroup(Roles.REVIEWERS, Resources.PROCESS_DEFINITION, ProcessModels.OrganizationDeclaration.KEY, Permissions.READ);

        ensureTaskFilter(GROUP_FILTER_NAME, -10, tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensureTaskFilter(MY_TASKS_FILTER_NAME, -5, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            authorization.setUserId(ANY);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void ensureTaskFilter(String name, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query)
                    .setProperties(Map.of("priority", priority, "refresh", true));
            filters.saveFilter(filter);
        }
        grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
