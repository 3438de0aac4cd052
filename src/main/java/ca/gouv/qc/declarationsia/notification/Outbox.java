package ca.gouv.qc.declarationsia.notification;

import ca.gouv.qc.declarationsia.shared.BatchWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the caller's transaction: the mail exists if and only if the decision to send it was committed.
 * The dispatcher then delivers it ({@link MailDispatcher}), off the process's path. What was queued, and where each
 * mail stands, is read here too, for the histories.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final MailTemplates templates;
    private final Clock clock;

    Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, MailTemplates templates, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * @return true if queued now (or, within a launch's batch, to be queued at its end with the batch's other mails,
     *     in its transaction: {@link BatchWrites}), false if a mail with this idempotency key was queued before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(OutgoingMail mail) {
        MailTemplates.Rendered rendered = templates.render(mail.kind(), mail.locale(), mail.model());
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("key", mail.idempotencyKey())
                .addValue("businessKey", mail.processBusinessKey())
                .addValue("year", mail.campaignYear())
                .addValue("organization", mail.organizationCode())
                .addValue("kind", mail.kind().name())
                .addValue("recipients", join(mail.recipients()))
                .addValue("cc", mail.cc().isEmpty() ? null : join(mail.cc()))
                .addValue("subject", rendered.subject())
                .addValue("body", rendered.body())
                .addValue("linkFor", mail.personalLink() == null ? null : mail.personalLink().userId())
                .addValue("linkTarget", mail.personalLink() == null ? null : mail.personalLink().targetPath())
                .addValue("now", java.sql.Timestamp.from(clock.instant()));
        if (BatchWrites.defer(Outbox.class, row, this::insertAll)) {
            return true;
        }
        return named.update(INSERT, row) == 1;
    }

    private void insertAll(List<MapSqlParameterSource> rows) {
        named.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
    }

    private static final String INSERT = """
            insert into mail_outbox (idempotency_key, process_business_key, campaign_year, organization_code, kind,
                                     recipients, cc, subject, body, personal_link_for, personal_link_target,
                                     created_at, next_attempt_at)
            values (:key, :businessKey, :year, :organization, :kind, :recipients, :cc, :subject, :body,
                    :linkFor, :linkTarget, :now, :now)
            on conflict (idempotency_key) do nothing
            """;

    /**
     * One queued mail and where it stands.
     *
     * @param status PENDING (not sent yet: {@code attempts} and {@code lastError} say why), SENT or REJECTED
     */
    public record QueuedMail(MailKind kind, String recipients, String cc, String subject, String status, int attempts,
            String lastError, String rejectedAddresses, Instant createdAt, Instant sentAt) {
    }

    /** How many mails of a kind are in a status, for a campaign's history. */
    public record MailCount(MailKind kind, String status, int count) {
    }

    /** Every mail of one body's declaration, oldest first. */
    @Transactional(readOnly = true)
    public List<QueuedMail> mailsOf(int campaignYear, String organizationCode) {
        return jdbc.sql("""
                select kind, recipients, cc, subject, status, attempts, last_error, rejected_addresses, created_at, sent_at
                  from mail_outbox where campaign_year = :year and organization_code = :organization
                 order by created_at, id
                """).param("year", campaignYear).param("organization", organizationCode)
                .query((rs, i) -> new QueuedMail(MailKind.valueOf(rs.getString("kind")), rs.getString("recipients"),
                        rs.getString("cc"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getString("rejected_addresses"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at"))))
                .list();
    }

    /** How many mails of this kind were queued to this one address since then (whatever became of them). */
    @Transactional(readOnly = true)
    public int queuedSince(MailKind kind, String recipient, Instant since) {
        return jdbc.sql("select count(*) from mail_outbox where kind = :kind and recipients = :recipient and created_at >= :since")
                .param("kind", kind.name()).param("recipient", recipient).param("since", java.sql.Timestamp.from(since))
                .query(Integer.class).single();
    }

    /** A campaign's mail, counted by kind and status. */
    @Transactional(readOnly = true)
    public List<MailCount> countsOf(int campaignYear) {
        return jdbc.sql("""
                select kind, status, count(*) as n from mail_outbox where campaign_year = :year
                 group by kind, status order by kind, status
                """).param("year", campaignYear)
                .query((rs, i) -> new MailCount(MailKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getInt("n")))
                .list();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String join(List<String> addresses) {
        return String.join(", ", addresses);
    }
}
