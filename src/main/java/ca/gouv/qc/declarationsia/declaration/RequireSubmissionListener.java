package ca.gouv.qc.declarationsia.declaration;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The organization's task completes only as part of a submission: {@link DeclarationLifecycle#submit} checks the
 * rules and the attestation and makes the declaration SOUMISE, and {@link SubmissionHandoff} completes the task once
 * that committed; the lifecycle says whether it was ({@link DeclarationLifecycle#submitted}). Any other
 * completion (the engine's Java API called directly; Tasklist and the engine REST API are refused before, with a clear
 * message, by {@link DeclarationTaskDoor}) finds the declaration not submitted and is refused.
 */
@Component("requireSubmission")
class RequireSubmissionListener implements TaskListener {

    private final DeclarationLifecycle lifecycle;

    RequireSubmissionListener(DeclarationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        DeclarationKey key = DeclarationKey.of(task);
        if (!lifecycle.submitted(key)) {
            throw new ProcessEngineException("La déclaration " + key.businessKey() + " se soumet sur sa page, "
                    + "avec l’attestation et le signataire / Submit the declaration on its page, with the attestation.");
        }
    }
}
