package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.security.TaskDoor;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tasklist's form of "Approuver la publication": the approval and its note, as the authenticated coordinator. */
@Component
class ApprovalTaskDoor implements TaskDoor {

    private final PublicationApprovals approvals;

    ApprovalTaskDoor(PublicationApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ProcessModels.AnnualCampaign.APPROVE_PUBLICATION);
    }

    @Override
    public void complete(DoorTask task, Map<String, Object> values) {
        Object approved = values.get("publicationApproved");
        Object note = values.get("approvalNote");
        approvals.approve(Integer.parseInt(task.businessKey()), approved instanceof Boolean yes ? yes
                : Boolean.valueOf(String.valueOf(approved)), note == null ? null : note.toString());
    }
}
