package ca.gouv.qc.declarationsia.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import ca.gouv.qc.declarationsia.shared.EngineInternals;
import org.camunda.bpm.engine.task.Task;

/**
 * A task as the engine's doors need it, and whether a caller may work it: Camunda's own answer (its TASK_WORK
 * authorization, which the engine gives a task's assignee and candidate groups, or UPDATE, which coordinators
 * hold), asked before anything else is said about the task.
 */
final class TaskWork {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuthorizationService authorizations;

    TaskWork(TaskService tasks, RuntimeService runtime, IdentityService identity, AuthorizationService authorizations) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.authorizations = authorizations;
    }

    /** Looked up as the product, not as the caller: an unknown id must answer 404, not the engine's 500. */
    Task find(String taskId) {
        return asProduct(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    boolean mayWork(EngineCaller caller, Task task) {
        List<String> groups = List.copyOf(caller.groups());
        return asProduct(() -> authorizations.isUserAuthorized(caller.id(), groups, TaskPermissions.TASK_WORK,
                Resources.TASK, task.getId())
                || authorizations.isUserAuthorized(caller.id(), groups, Permissions.UPDATE, Resources.TASK, task.getId()));
    }

    /** The task with the business key of its process, which the caller may not be allowed to read. */
    TaskDoor.DoorTask doorTask(Task task) {
        return asProduct(() -> new TaskDoor.DoorTask(task.getId(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()));
    }

    /** Reads the engine without the caller's authorizations, for what the door itself must know. */
    private <T> T asProduct(Supplier<T> read) {
        return EngineInternals.withoutUser(identity, read);
    }
}
