package ca.gouv.qc.declarationsia.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to a declaration, for its pages and its history: the audited transitions, the extensions granted and
 * the reviewer's latest comments.
 */
@Repository
public class DeclarationHistory {

    public record Transition(String fromStatus, String toStatus, String actor, String comment, Instant occurredAt) {

        public LocalDateTime occurredAtInQuebec() {
            return LocalDateTime.ofInstant(occurredAt, QuebecTime.ZONE);
        }
    }

    /** A new due date a coordinator granted, and why. */
    public record Extension(LocalDate previousDueDate, LocalDate newDueDate, String reason, String grantedBy,
            Instant grantedAt) {
    }

    /** A declaration's latest submission: which declaration, and the submission's number (1 for the first). */
    public record LatestSubmission(long declarationId, int number) {
    }

    private final JdbcClient jdbc;

    DeclarationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Transition> transitions(long declarationId) {
        return jdbc.sql("""
                select from_status, to_status, actor, comment, occurred_at from declaration_transition
                 where declaration_id = :id order by id
                """).param("id", declarationId)
                .query((rs, i) -> new Transition(rs.getString("from_status"), rs.getString("to_status"),
                        rs.getString("actor"), rs.getString("comment"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    public List<Extension> extensions(long declarationId) {
        return jdbc.sql("""
                select previous_due_date, new_due_date, reason, granted_by, granted_at from deadline_extension
                 where declaration_id = :id order by id
                """).param("id", declarationId)
                .query((rs, i) -> new Extension(rs.getObject("previous_due_date", LocalDate.class),
                        rs.getObject("new_due_date", LocalDate.class), rs.getString("reason"), rs.getString("granted_by"),
                        rs.getTimestamp("granted_at").toInstant()))
                .list();
    }

    /** The comments of the latest review round that requested corrections. */
    public List<ReviewComment> latestComments(long declarationId) {
        return jdbc.sql("""
                select initiative_id, field, question, message from review_latest_comment
                 where declaration_id = :id order by comment_id
                """).param("id", declarationId).query((rs, i) -> new ReviewComment(rs.getString("initiative_id"),
                        rs.getString("field"), rs.getString("question"), rs.getString("message"))).list();
    }

    /** The declaration's latest submission; empty if it was never submitted. */
    public Optional<LatestSubmission> latestSubmission(long declarationId) {
        return jdbc.sql("""
                select declaration_id, max(number) as number from declaration_submission
                 where declaration_id = :id group by declaration_id
                """).param("id", declarationId).query(LatestSubmission.class).optional();
    }

    /** The latest submission of the body's declaration of that year; empty if there is none. */
    public Optional<LatestSubmission> latestSubmission(DeclarationKey key) {
        return jdbc.sql("""
                select s.declaration_id, max(s.number) as number
                  from declaration d join declaration_submission s on s.declaration_id = d.id
                 where d.campaign_year = :year and d.organization_code = :organization
                 group by s.declaration_id
                """).param("year", key.campaignYear()).param("organization", key.organizationCode())
                .query(LatestSubmission.class).optional();
    }

    /** The initiatives as submitted the time before the latest (JSON); empty before a second submission. */
    public Optional<String> initiativesSubmittedBeforeLatest(long declarationId) {
        return jdbc.sql("""
                select initiatives::text from declaration_submission where declaration_id = :id
                 order by number desc offset 1 limit 1
                """).param("id", declarationId).query(String.class).optional();
    }
}
