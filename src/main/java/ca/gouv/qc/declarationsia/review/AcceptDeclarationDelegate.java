package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.DeclarationTransitions;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Accepter la déclaration": ACCEPTEE, audited with the reviewer, and the respondents told. */
@Component("acceptDeclaration")
class AcceptDeclarationDelegate implements JavaDelegate {

    private final DeclarationTransitions transitions;
    private final DeclarationMails mails;

    AcceptDeclarationDelegate(DeclarationTransitions transitions, DeclarationMails mails) {
        this.transitions = transitions;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        transitions.move(key, DeclarationStatus.ACCEPTEE, String.valueOf(execution.getVariable("reviewedBy")), null);
        mails.queue(MailKind.ACCEPTED, key.campaignYear(), key.organizationCode(), QuebecTime.engineToday(), "accepted",
                Map.of());
    }

}
