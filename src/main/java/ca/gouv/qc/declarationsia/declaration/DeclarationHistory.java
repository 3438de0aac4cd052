package ca.gouv.qc.declarationsia.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
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
                select c.initiative_id, c.field, c.message from review_comment c
                  join review_round r on r.id = c.review_round_id
                 where r.declaration_id = :id
                   and r.round = (select max(round) from review_round where declaration_id = :id)
                 order by c.id
                """).param("id", declarationId).query(ReviewComment.class).list();
    }
}
