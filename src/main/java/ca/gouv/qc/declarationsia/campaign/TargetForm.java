package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.validation.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A body a coordinator adds to a campaign after its creation (created or merged during the year), with the due date
 * it is given; none: the campaign's. Serializable: a refused form comes back through the session (in PostgreSQL).
 */
public record TargetForm(
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}", message = "{validation.organization.code}") String organizationCode,
        @PlausibleDate LocalDate dueDate) implements Serializable {
}
