package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import ca.gouv.qc.declarationsia.shared.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A reviewer's decision on a submitted declaration ({@code POST …/review}).
 *
 * @param overrides what only the ministry sets: a generic product name, or the status "information unavailable"
 */
public record ReviewForm(
        @NotNull @Pattern(regexp = "ACCEPT|REQUEST_CORRECTIONS", message = "{validation.review.decision}") String decision,
        @Size(max = 200, message = "{validation.list.size}") List<@Valid @NotNull ReviewComment> comments,
        @Size(max = 1000, message = "{validation.list.size}") List<@Valid @NotNull Override> overrides) {

    public record Override(@NotBlank @Size(max = 30) String initiativeId,
            @Size(max = 200) @PlainText(markupAllowed = true, message = "{validation.singleLine}") String genericProductName,
            @Size(max = 1000) @FreeText String statusUnavailableReason) {
    }
}
