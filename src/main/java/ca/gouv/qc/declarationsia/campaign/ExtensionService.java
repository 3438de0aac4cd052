package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.DeadlineExtensions;
import ca.gouv.qc.declarationsia.declaration.DeclarationOpening;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants an extension in one transaction: the new due date and its audit, the mail to the respondents, the task's
 * due date, and the process told (its daily follow-up reads the new date, so reminders and escalation move).
 */
@Service
public class ExtensionService {

    static final String EXTENDED_MESSAGE = "deadline-extended";

    private final JdbcClient jdbc;
    private final DeadlineExtensions extensions;
    private final DeclarationMails mails;
    private final CampaignCalendar calendar;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final InputValidator validator;
    private final AccessPolicy access;

    ExtensionService(JdbcClient jdbc, DeadlineExtensions extensions, DeclarationMails mails, CampaignCalendar calendar,
            TaskService tasks, RuntimeService runtime, InputValidator validator, AccessPolicy access) {
        this.jdbc = jdbc;
        this.extensions = extensions;
        this.mails = mails;
        this.calendar = calendar;
        this.tasks = tasks;
        this.runtime = runtime;
        this.validator = validator;
        this.access = access;
    }

    private record OpenDeclaration(long id, String status) {
    }

    @Transactional
    public LocalDate grant(int year, String organizationCode, ExtensionForm form) {
        access.requireCoordinator();
        validator.requireValid(form);
        OpenDeclaration declaration = jdbc.sql("""
                select id, status from declaration where campaign_year = :year and organization_code = :organization
                """).param("year", year).param("organization", organizationCode).query(OpenDeclaration.class).optional()
                .orElseThrow(() -> new NotFoundException("error.declaration.notFound", year, organizationCode));
        if (!"BROUILLON".equals(declaration.status())) {
            throw refused("status", "validation.extension.alreadySubmitted");
        }
        LocalDate previous = calendar.deadline(year, organizationCode).dueDate();
        if (!form.dueDate().isAfter(previous) || !form.dueDate().isAfter(QuebecTime.engineToday())) {
            throw refused("dueDate", "validation.extension.later", previous);
        }
        long auditId = extensions.extend(declaration.id(), previous, form.dueDate(), form.reason().trim(),
                CurrentUser.get().id());
        mails.queue(MailKind.EXTENSION, year, organizationCode, form.dueDate(), String.valueOf(auditId),
                Map.of("previousDueDate", previous, "reason", form.reason().trim()));
        String businessKey = DeclarationOpening.businessKey(year, organizationCode);
        tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(DeclarationService.PREPARE_TASK).list()
                .forEach(task -> tasks.setDueDate(task.getId(), QuebecTime.endOf(form.dueDate())));
        runtime.createMessageCorrelation(EXTENDED_MESSAGE).processInstanceBusinessKey(businessKey).correlateAll();
        return form.dueDate();
    }

    private InvalidInputException refused(String path, String key, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation(path, "State", key, arguments)));
    }
}
