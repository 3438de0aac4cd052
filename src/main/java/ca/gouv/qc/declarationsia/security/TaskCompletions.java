package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.web.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;

/**
 * Completing one of our user tasks from outside our pages: its capability's {@link TaskDoor} does what completing
 * it means, as the caller, and the task completes; or it refuses, and nothing changes.
 */
final class TaskCompletions {

    private final Map<String, TaskDoor> doors;
    private final Problems problems;

    TaskCompletions(List<TaskDoor> doors, Problems problems) {
        this.doors = doors.stream().flatMap(door -> door.taskDefinitionKeys().stream().map(key -> Map.entry(key, door)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.problems = problems;
    }

    /** The door of a task definition, or null when the engine completes it as it is. */
    TaskDoor doorFor(String taskDefinitionKey) {
        return doors.get(taskDefinitionKey);
    }

    /** @return the refusal, in the caller's language; empty when the task completed */
    Optional<ProblemDetail> complete(TaskDoor door, TaskDoor.DoorTask task, Map<String, Object> values,
            EngineCaller caller, Locale locale) {
        Locale previous = LocaleContextHolder.getLocale();
        // the door's messages in the caller's language, as on our pages (this runs outside Spring MVC)
        LocaleContextHolder.setLocale(locale);
        try {
            caller.run(() -> door.complete(task, values));
            return Optional.empty();
        } catch (InvalidInputException refused) {
            return Optional.of(problems.refusal(HttpStatus.UNPROCESSABLE_ENTITY, "error.invalidInput",
                    refused.violations(), locale));
        } catch (AccessDeniedException denied) {
            return Optional.of(problems.problem(HttpStatus.FORBIDDEN, "error.forbidden", locale));
        } catch (OptimisticLockingFailureException concurrent) {
            return Optional.of(problems.problem(HttpStatus.CONFLICT, "error.concurrentModification", locale));
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }
}
