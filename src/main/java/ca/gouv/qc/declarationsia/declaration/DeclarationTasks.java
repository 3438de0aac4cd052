package ca.gouv.qc.declarationsia.declaration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * What the organization's user tasks need from the model, from the business key rather than from process variables
 * a caller could write: {@code ${declarationTasks.candidateGroup(execution)}} and
 * {@code ${declarationTasks.page(execution)}}.
 */
@Component("declarationTasks")
public class DeclarationTasks {

    /** The Camunda group of the body's respondents, who alone see and work its tasks. */
    public String candidateGroup(DelegateExecution execution) {
        return "org-" + DeclarationKey.of(execution).organizationCode();
    }

    /** The declaration's own page, which Tasklist links to as the task's form. */
    public String page(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        return pagePath(key.campaignYear(), key.organizationCode());
    }

    /** The body's open task (first submission or correction), if its process is waiting for it. */
    static TaskQuery organizationTask(TaskService tasks, DeclarationKey key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key.businessKey())
                .taskDefinitionKeyIn(DeclarationService.ORGANIZATION_TASKS.toArray(String[]::new));
    }

    public static String pagePath(int campaignYear, String organizationCode) {
        return "/mes-declarations/" + campaignYear + "/" + organizationCode;
    }
}
