package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Réviser la déclaration" completes only once a reviewer decided on this submission ({@link ReviewService#decide},
 * from the review page, the API or Tasklist's form). The gateway then follows that decision, read from our table:
 * whatever a caller put in {@code reviewDecision} is overwritten, and an earlier round's decision is never replayed.
 */
@Component("requireReviewDecision")
class ReviewDecisionListener implements TaskListener {

    static final String DECISION_VARIABLE = "reviewDecision";

    private final ReviewRounds rounds;

    ReviewDecisionListener(ReviewRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateTask task) {
        DeclarationKey key = DeclarationKey.of(task);
        ReviewRounds.Round round = rounds.decisionOnCurrentSubmission(key).orElseThrow(() -> new ProcessEngineException(
                "Décidez sur la page de révision /revision/" + key.campaignYear() + "/" + key.organizationCode()
                        + " (accepter ou demander des corrections). Decide on the review page."));
        task.getExecution().setVariable(DECISION_VARIABLE, round.decision());
    }
}
