package ca.gouv.qc.declarationsia.publication;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approuver la publication" completes only when approved, and records who approved: the engine knows the
 * Tasklist user; a call without one is credited to {@code approvedBy} if given.
 */
@Component("recordApproval")
class RecordApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("publicationApproved"))) {
            throw new ProcessEngineException("Cochez « J’approuve la publication » pour publier. "
                    + "Tick \"I approve the publication\" to publish.");
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            task.setVariable("approvedBy", authentication.getUserId());
        } else if (task.getVariable("approvedBy") == null) {
            task.setVariable("approvedBy", "tasklist");
        }
    }
}
