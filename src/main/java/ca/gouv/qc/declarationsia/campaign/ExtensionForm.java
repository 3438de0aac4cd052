package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.validation.PlainText;
import ca.gouv.qc.declarationsia.shared.validation.PlausibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A coordinator grants an organization a new due date, and says why. */
public record ExtensionForm(@NotNull @PlausibleDate LocalDate dueDate, @NotBlank @Size(max = 1000) @PlainText String reason) {
}
