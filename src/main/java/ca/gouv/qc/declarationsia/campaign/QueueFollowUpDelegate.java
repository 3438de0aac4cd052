package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer le suivi du jour": on the daily check of a declaration still not submitted, queues today's reminder,
 * overdue reminder or escalation, if any. The outbox's dispatcher sends it.
 */
@Component("queueFollowUp")
class QueueFollowUpDelegate implements JavaDelegate {

    private final DeclarationMails mails;
    private final CampaignCalendar calendar;

    QueueFollowUpDelegate(DeclarationMails mails, CampaignCalendar calendar) {
        this.mails = mails;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey declaration = DeclarationKey.of(execution);
        LocalDate today = QuebecTime.engineToday();
        Deadline deadline = calendar.deadline(declaration.campaignYear(), declaration.organizationCode());
        FollowUp followUp = deadline.followUpOn(today);
        if (followUp != FollowUp.NONE) {
            long daysLeft = ChronoUnit.DAYS.between(today, deadline.dueDate());
            mails.queue(MailKind.valueOf(followUp.name()), declaration.campaignYear(), declaration.organizationCode(),
                    deadline.dueDate(), today.toString(),
                    Map.of("daysLeft", daysLeft, "daysLate", -daysLeft));
        }
    }
}
