package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Valider la déclaration": the submission rules again, whatever way the task was completed (API, page, Tasklist).
 * Valid: EN_REVISION, and a reviewer gets it. Invalid: {@code declarationValid} is false and "Renvoyer à
 * l'organisme" gives it back.
 */
@Component("validateDeclaration")
class ValidateDeclarationDelegate implements JavaDelegate {

    private final DeclarationService declarations;
    private final DeclarationTransitions transitions;

    ValidateDeclarationDelegate(DeclarationService declarations, DeclarationTransitions transitions) {
        this.declarations = declarations;
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        List<Violation> violations = declarations.violations(key);
        execution.setVariable("declarationValid", violations.isEmpty());
        execution.setVariable("correctionRound", declarations.correctionRound(key));
        if (violations.isEmpty()) {
            transitions.move(key, DeclarationStatus.EN_REVISION, "system", null);
        } else {
            execution.setVariable("validationErrors", violations.size());
        }
    }
}
