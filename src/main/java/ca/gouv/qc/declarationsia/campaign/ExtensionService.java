package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants an extension in one transaction: the new due date and its audit, the mail to the respondents, the task's
 * due date. The daily follow-up reads the new date, so reminders and escalation move with it.
 */
@Service
public class ExtensionService {

    private final DeclarationLifecycle declarations;
    private final DeclarationMails mails;
    private final CampaignCalendar calendar;
    private final TaskService tasks;
    private final InputValidator validator;
    private final AccessPolicy access;

    ExtensionService(DeclarationLifecycle declarations, DeclarationMails mails, CampaignCalendar calendar,
            TaskService tasks, InputValidator validator, AccessPolicy access) {
        this.declarations = declarations;
        this.mails = mails;
        this.calendar = calendar;
        this.tasks = tasks;
        this.validator = validator;
        this.access = access;
    }

    @Transactional
    public LocalDate grant(int year, String organizationCode, ExtensionForm form) {
        access.requireCoordinator();
        validator.requireValid(form);
        DeclarationKey key = new DeclarationKey(year, organizationCode);
        LocalDate previous = declarations.dueDateOf(key);
        if (!form.dueDate().isAfter(previous) || !form.dueDate().isAfter(QuebecTime.engineToday())
                || form.dueDate().isAfter(calendar.deadline(year, organizationCode).closingDate())) {
            throw new InvalidInputException(List.of(validator.violation("dueDate", "State", "validation.extension.later",
                    previous, calendar.deadline(year, organizationCode).closingDate())));
        }
        long auditId = declarations.extend(key, previous, form.dueDate(), form.reason().trim(), CurrentUser.actorId());
        mails.queue(MailKind.EXTENSION, year, organizationCode, form.dueDate(), String.valueOf(auditId),
                Map.of("previousDueDate", previous, "reason", form.reason().trim()));
        tasks.createTaskQuery().processInstanceBusinessKey(key.businessKey())
                .taskDefinitionKey(ProcessModels.OrganizationDeclaration.PREPARE_DECLARATION).list()
                .forEach(task -> tasks.setDueDate(task.getId(), QuebecTime.endOf(form.dueDate())));
        return form.dueDate();
    }
}
