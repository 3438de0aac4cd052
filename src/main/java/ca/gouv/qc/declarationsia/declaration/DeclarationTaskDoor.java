package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.security.TaskDoor;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The organization's tasks are not completed from Tasklist or the engine REST API: a declaration is submitted on its
 * page (or {@code POST /api/.../submit}), with the rules checked, the attestation and the signatory. Say where.
 */
@Component
class DeclarationTaskDoor implements TaskDoor {

    private final InputValidator validator;

    DeclarationTaskDoor(InputValidator validator) {
        this.validator = validator;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.copyOf(DeclarationService.ORGANIZATION_TASKS);
    }

    @Override
    public void complete(DoorTask task, Map<String, Object> values) {
        DeclarationKey key = DeclarationKey.ofBusinessKey(task.businessKey());
        throw new InvalidInputException(List.of(validator.violation("task", "SubmitOnPage",
                "validation.declaration.submitOnPage",
                DeclarationTasks.pagePath(key.campaignYear(), key.organizationCode()))));
    }
}
