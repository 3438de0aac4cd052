package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Accepter la déclaration": ACCEPTEE, credited to the reviewer who decided, and the respondents told. */
@Component("acceptDeclaration")
class AcceptDeclarationDelegate implements JavaDelegate {

    private final DeclarationLifecycle lifecycle;
    private final ReviewRounds rounds;
    private final DeclarationMails mails;

    AcceptDeclarationDelegate(DeclarationLifecycle lifecycle, ReviewRounds rounds, DeclarationMails mails) {
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        ReviewRounds.Round decision = rounds.decisionOnCurrentSubmission(key).orElseThrow();
        lifecycle.accept(key, decision.reviewer());
        mails.queue(MailKind.ACCEPTED, key.campaignYear(), key.organizationCode(), QuebecTime.engineToday(),
                "accepted", Map.of());
    }
}
