package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's approval of a year's publication, recorded with the authenticated coordinator, then the task
 * "Approuver la publication" completed: the publication itself runs next as a job, so the approval returns at once.
 */
@Service
public class PublicationApprovals {


    /** Who approved, and the note they left for the edition. */
    record Approval(String approvedBy, String note) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final AccessPolicy access;
    private final InputValidator validator;

    PublicationApprovals(JdbcClient jdbc, TaskService tasks, AccessPolicy access, InputValidator validator) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.access = access;
        this.validator = validator;
    }

    @Transactional
    public void approve(int year, Boolean approved, String note) {
        access.requireCoordinator();
        if (!Boolean.TRUE.equals(approved)) {
            throw refused("publicationApproved", "Required", "validation.publication.approve");
        }
        if (note != null && (note.length() > 1000 || note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'
                && c != '\r' && c != '\t'))) {
            throw refused("approvalNote", "Size", "validation.publication.note");
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(year))
                .taskDefinitionKey(ProcessModels.AnnualCampaign.APPROVE_PUBLICATION).singleResult();
        if (task == null) {
            throw refused("status", "State", "validation.publication.notAwaiting", year);
        }
        jdbc.sql("""
                insert into publication_approval (campaign_year, approved_by, approved_at, note)
                values (:year, :by, :at, :note)
                """).param("year", year).param("by", CurrentUser.actorId())
                .param("at", Timestamp.from(QuebecTime.engineNow()))
                .param("note", note == null || note.isBlank() ? null : note.strip()).update();
        tasks.complete(task.getId());
    }

    Optional<Approval> of(int year) {
        return jdbc.sql("select approved_by, note from publication_approval where campaign_year = :year")
                .param("year", year).query(Approval.class).optional();
    }

    private InvalidInputException refused(String path, String code, String key, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation(path, code, key, arguments)));
    }
}
