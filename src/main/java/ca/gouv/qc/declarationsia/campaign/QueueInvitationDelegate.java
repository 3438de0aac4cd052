package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.notification.MailKind;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer l'invitation": queues the invitation in the transaction that opens the declaration. */
@Component("queueInvitation")
class QueueInvitationDelegate implements JavaDelegate {

    private final DeclarationMails mails;
    private final CampaignCalendar calendar;

    QueueInvitationDelegate(DeclarationMails mails, CampaignCalendar calendar) {
        this.mails = mails;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey declaration = DeclarationKey.of(execution);
        mails.queue(MailKind.INVITATION, declaration.campaignYear(), declaration.organizationCode(),
                calendar.deadline(declaration.campaignYear(), declaration.organizationCode()).dueDate(), "1", Map.of());
    }
}
