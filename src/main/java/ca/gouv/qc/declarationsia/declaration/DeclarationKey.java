package ca.gouv.qc.declarationsia.declaration;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Which declaration an {@code organization-declaration} step works on: the two variables the process carries. */
public record DeclarationKey(int campaignYear, String organizationCode) {

    public static DeclarationKey of(VariableScope execution) {
        return new DeclarationKey((Integer) execution.getVariable("campaignYear"),
                (String) execution.getVariable("organizationCode"));
    }
}
