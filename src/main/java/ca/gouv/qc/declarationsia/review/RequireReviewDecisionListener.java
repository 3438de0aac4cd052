package ca.gouv.qc.declarationsia.review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Réviser la déclaration" in Tasklist without deciding would leave the process with no way to go: the
 * decision is taken on the review page, which records the comments; say so instead.
 */
@Component("requireReviewDecision")
class RequireReviewDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("reviewDecision");
        if (!"ACCEPT".equals(decision) && !"REQUEST_CORRECTIONS".equals(decision)) {
            throw new ProcessEngineException("Décidez sur la page de révision /revision/" + task.getVariable("campaignYear")
                    + "/" + task.getVariable("organizationCode") + " (accepter ou demander des corrections). "
                    + "Decide on the review page (accept or request corrections).");
        }
    }
}
