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
        Map<String, Object> model) {
}
