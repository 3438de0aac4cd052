package ca.gouv.qc.declarationsia.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mail to queue.
 *
 * @param idempotencyKey one key per decision (e.g. {@code REMINDER:2025-MRNF:2025-10-01}): queuing it twice queues it once
 * @param processBusinessKey the process the mail belongs to (its history shows it)
 * @param model what the template shows (organization name, due date, link…)
 * @param personalLink for whom the dispatcher mints a personal sign-in link at sending time, and where it leads (the
 *     template writes {@link PersonalLinks#PLACEHOLDER} where it goes); null for a mail without one
 */
public record OutgoingMail(
        String idempotencyKey,
        String processBusinessKey,
        Integer campaignYear,
        String organizationCode,
        MailKind kind,
        Locale locale,
        List<String> recipients,
        List<String> cc,
        Map<String, Object> model,
        PersonalLink personalLink) {

    public OutgoingMail(String idempotencyKey, String processBusinessKey, Integer campaignYear, String organizationCode,
            MailKind kind, Locale locale, List<String> recipients, List<String> cc, Map<String, Object> model) {
        this(idempotencyKey, processBusinessKey, campaignYear, organizationCode, kind, locale, recipients, cc, model, null);
    }

    /** The person a link signs in (its account id) and the path of ours it lands on. */
    public record PersonalLink(String userId, String targetPath) {
    }
}
