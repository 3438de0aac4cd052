package ca.gouv.qc.declarationsia.declaration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Renvoyer à l'organisme": an invalid submission goes back as it was, a draft or a correction, with the reason. */
@Component("returnDeclaration")
class ReturnDeclarationDelegate implements JavaDelegate {

    private final DeclarationTransitions transitions;

    ReturnDeclarationDelegate(DeclarationTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = (Integer) execution.getVariable("correctionRound");
        transitions.move(DeclarationKey.of(execution), round == 0 ? DeclarationStatus.BROUILLON : DeclarationStatus.A_CORRIGER,
                "system", execution.getVariable("validationErrors") + " validation error(s)");
    }
}
