package ca.gouv.qc.declarationsia.security;

import java.util.Map;
import java.util.Set;

/**
 * What completing one of a capability's user tasks from Tasklist or the engine REST API means. The capability does
 * it through its own service, with its own rules, as the authenticated user, and completes the task itself; or it
 * refuses ({@code InvalidInputException}, {@code AccessDeniedException}), and nothing changes. So a task completed
 * from outside our pages passes the same checks as from them.
 */
public interface TaskDoor {

    /** The task definition keys of the user tasks this door answers for. */
    Set<String> taskDefinitionKeys();

    /** The task being completed, with the business key of its process (which the caller may not be allowed to read). */
    record DoorTask(String id, String taskDefinitionKey, String processInstanceId, String businessKey) {
    }

    /**
     * @param task the task being completed
     * @param values the variables the caller sent (a Camunda Form's fields), as plain values; untrusted input
     */
    void complete(DoorTask task, Map<String, Object> values);
}
