package ca.gouv.qc.declarationsia.shared.validation;

/**
 * One reason an input is refused. Serializable: a refused page form carries its violations to the next page in
 * the session, which lives in PostgreSQL.
 *
 * @param path where, as the API names it (e.g. {@code respondents[0].email})
 * @param code a stable code for scripts (e.g. {@code NotBlank}, {@code Size}, {@code Duplicate})
 * @param message in the user's language, naming the field
 */
public record Violation(String path, String code, String message) implements java.io.Serializable {
}
