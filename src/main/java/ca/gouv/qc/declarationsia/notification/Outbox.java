package ca.gouv.qc.declarationsia.notification;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the caller's transaction: the mail exists if and only if the decision to send it was committed.
 * The dispatcher then delivers it ({@link MailDispatcher}), off the process's path.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final Clock clock;

    Outbox(JdbcClient jdbc, MailTemplates templates, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /** @return true if queued now, false if a mail with this idempotency key was queued before */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(OutgoingMail mail) {
        MailTemplates.Rendered rendered = templates.render(mail.kind(), mail.locale(), mail.model());
        int inserted = jdbc.sql("""
                insert into mail_outbox (idempotency_key, process_business_key, campaign_year, organization_code, kind,
                                         recipients, cc, subject, body, created_at, next_attempt_at)
                values (:key, :businessKey, :year, :organization, :kind, :recipients, :cc, :subject, :body, :now, :now)
                on conflict (idempotency_key) do nothing
                """)
                .param("key", mail.idempotencyKey())
                .param("businessKey", mail.processBusinessKey())
                .param("year", mail.campaignYear())
                .param("organization", mail.organizationCode())
                .param("kind", mail.kind().name())
                .param("recipients", join(mail.recipients()))
                .param("cc", mail.cc().isEmpty() ? null : join(mail.cc()))
                .param("subject", rendered.subject())
                .param("body", rendered.body())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        return inserted == 1;
    }

    private static String join(List<String> addresses) {
        return String.join(", ", addresses);
    }
}
