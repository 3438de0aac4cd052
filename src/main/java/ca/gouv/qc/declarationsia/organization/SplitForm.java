package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One body split into several: {@code assignments} gives, for each initiative still active at the predecessor, the
 * one successor that carries it on (every one of them, exactly once).
 */
public record SplitForm(
        @NotBlank String predecessor,
        @NotNull @Size(min = 2, max = 20) List<@NotBlank String> successors,
        @NotNull LocalDate effectiveDate,
        @NotBlank @Size(max = 1000) @FreeText String reason,
        Map<String, String> assignments) {
}
