package ca.gouv.qc.declarationsia.publication;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approuver la publication" completes only once the approval is recorded ({@link PublicationApprovals#approve},
 * from Tasklist's form or our own code): a completion that bypassed it is refused.
 */
@Component("recordApproval")
class RecordApprovalListener implements TaskListener {

    private final PublicationApprovals approvals;

    RecordApprovalListener(PublicationApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void notify(DelegateTask task) {
        String year = task.getExecution().getProcessBusinessKey();
        if (approvals.of(Integer.parseInt(year)).isEmpty()) {
            throw new ProcessEngineException("Approuvez la publication " + year + " dans son formulaire. "
                    + "Approve the publication in its form.");
        }
    }
}
