package ca.gouv.qc.declarationsia.campaign;

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
        int year = (Integer) execution.getVariable("campaignYear");
        String organization = (String) execution.getVariable("organizationCode");
        mails.queue(MailKind.INVITATION, year, organization, calendar.deadline(year, organization).dueDate(), "1", Map.of());
    }
}
