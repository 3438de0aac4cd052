package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's comment on a declaration, as the reviewer writes it (page, API, Tasklist), as it is stored with its
 * round, mailed, shown beside the field on the declaration's page and told in the history. It points at a field of
 * an initiative ({@code initiativeId} and {@code field}), at an initiative's answer to one of its campaign's form version
 * questions ({@code initiativeId} and {@code question}, the question's id; issue 26), at a whole initiative ({@code field}
 * and {@code question} null), at a field of the declaration itself ({@code initiativeId} null) or at the whole
 * declaration (all null); which fields may be commented on is {@link FieldCatalogue}'s to say, which questions the
 * version's.
 *
 * <p>It lives with the declaration, not with the review that writes it: the declaration's page shows it, and the
 * review capability already depends on the declaration (the other way round would be an import cycle).
 */
public record ReviewComment(
        @Size(max = 30) String initiativeId,
        @Size(max = 50) String field,
        @Size(max = 60) String question,
        @NotBlank @Size(max = 2000) @FreeText String message) {

    /** A comment on a field, an initiative or the declaration (no question). */
    public ReviewComment(String initiativeId, String field, String message) {
        this(initiativeId, field, null, message);
    }
}
