package ca.gouv.qc.declarationsia.declaration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mettre en révision": a submitted declaration goes to the ministry's reviewers. A job of its own, after the
 * submission committed: the respondent's request does not wait for the review task to be made.
 */
@Component("putUnderReview")
class PutUnderReviewDelegate implements JavaDelegate {

    private final DeclarationLifecycle lifecycle;

    PutUnderReviewDelegate(DeclarationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.putUnderReview(DeclarationKey.of(execution));
    }
}
