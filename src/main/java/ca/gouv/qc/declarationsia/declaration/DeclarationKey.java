package ca.gouv.qc.declarationsia.declaration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Which declaration an {@code organization-declaration} step works on, read from its business key
 * {@code <year>-<ORGCODE>}: set by the launch and writable by no respondent or reviewer, unlike a process variable.
 */
public record DeclarationKey(int campaignYear, String organizationCode) {

    public static DeclarationKey of(DelegateExecution execution) {
        return ofBusinessKey(execution.getProcessBusinessKey());
    }

    public static DeclarationKey of(DelegateTask task) {
        return ofBusinessKey(task.getExecution().getProcessBusinessKey());
    }

    public static DeclarationKey ofBusinessKey(String businessKey) {
        int dash = businessKey == null ? -1 : businessKey.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("Not a declaration's business key: " + businessKey);
        }
        return new DeclarationKey(Integer.parseInt(businessKey.substring(0, dash)), businessKey.substring(dash + 1));
    }

    /** The business key managers search in Cockpit: {@code <year>-<ORGCODE>}. */
    public String businessKey() {
        return campaignYear + "-" + organizationCode;
    }
}
