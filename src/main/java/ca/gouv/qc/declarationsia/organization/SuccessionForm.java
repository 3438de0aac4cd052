package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.shared.validation.EnumCode;
import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A merge (several bodies into one, new or existing), an absorption (one into an existing one) or a renaming (one under
 * a new code): every initiative active at a predecessor goes to the successor. {@code kind} is optional: FUSION when
 * several predecessors, ABSORPTION otherwise.
 */
public record SuccessionForm(
        @NotEmpty @Size(max = 100) List<@NotBlank String> predecessors,
        @NotBlank String successor,
        @NotNull LocalDate effectiveDate,
        @NotBlank @Size(max = 1000) @FreeText String reason,
        @EnumCode(SuccessionKind.class) String kind) {
}
