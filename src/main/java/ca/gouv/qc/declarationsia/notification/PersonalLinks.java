package ca.gouv.qc.declarationsia.notification;

/**
 * Mints the personal sign-in link a mail carries, when the mail is sent (the security capability owns the tokens):
 * the outbox keeps {@link #PLACEHOLDER}, so that the token is nowhere but in the mail itself.
 */
public interface PersonalLinks {

    /** Where a template writes the personal link. */
    String PLACEHOLDER = "%LIEN_PERSONNEL%";

    /** A new single-use link for this person, for this kind of mail, leading to {@code targetPath}. */
    String mint(MailKind kind, String userId, String targetPath);
}
