package ca.gouv.qc.declarationsia.notification;

/** The mails of the campaign cycle; each has a template per language in templates/notification/mail. */
public enum MailKind {
    INVITATION,
    REMINDER,
    OVERDUE_REMINDER,
    ESCALATION,
    EXTENSION,
    ACCEPTED,
    CORRECTIONS_REQUESTED,
    /** A person asked for a new password ("Mot de passe oublié ?"): no campaign, no body. */
    PASSWORD_RESET
}
