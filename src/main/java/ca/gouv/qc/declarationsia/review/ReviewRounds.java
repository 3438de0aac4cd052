package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.DeclarationHistory.LatestSubmission;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review rounds and their comments: each decision on a submitted declaration, bound to the submission it decides
 * (the database allows one per submission). A later round never reads an earlier round's decision.
 */
@Repository
class ReviewRounds {

    /** A recorded decision: who decided, and what. */
    record Round(long id, String decision, String reviewer) {
    }

    /** A round as the declaration's history tells it. */
    record Decided(long id, int round, int submissionNumber, String decision, String reviewer, java.time.Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final DeclarationHistory declarations;

    ReviewRounds(JdbcClient jdbc, DeclarationHistory declarations) {
        this.jdbc = jdbc;
        this.declarations = declarations;
    }

    /** Records the decision on the declaration's latest submission, with its comments. */
    @Transactional(propagation = Propagation.MANDATORY)
    long record(long declarationId, String decision, String reviewer, List<ReviewComment> comments) {
        // never submitted: no number, and the database refuses the round
        Integer submission = declarations.latestSubmission(declarationId).map(LatestSubmission::number).orElse(null);
        long roundId = jdbc.sql("""
                insert into review_round (declaration_id, round, submission_number, decision, reviewer, decided_at)
                values (:declaration, (select coalesce(max(round), 0) + 1 from review_round where declaration_id = :declaration),
                        :submission, :decision, :reviewer, :now)
                returning id
                """).param("declaration", declarationId).param("submission", submission)
                .param("decision", decision).param("reviewer", reviewer)
                .param("now", Timestamp.from(QuebecTime.engineNow())).query(Long.class).single();
        for (ReviewComment comment : comments) {
            jdbc.sql("""
                    insert into review_comment (review_round_id, initiative_id, field, question, message)
                    values (:round, :initiative, :field, :question, :message)
                    """).param("round", roundId).param("initiative", comment.initiativeId())
                    .param("field", comment.field()).param("question", comment.question())
                    .param("message", comment.message()).update();
        }
        return roundId;
    }

    /** The decision on the submission now under review, if a reviewer took it. */
    Optional<Round> decisionOnCurrentSubmission(DeclarationKey key) {
        return declarations.latestSubmission(key).flatMap(latest -> jdbc.sql("""
                select id, decision, reviewer from review_round
                 where declaration_id = :declaration and submission_number = :submission
                """).param("declaration", latest.declarationId()).param("submission", latest.number())
                .query(Round.class).optional());
    }

    List<Decided> of(long declarationId) {
        return jdbc.sql("""
                select id, round, submission_number, decision, reviewer, decided_at from review_round
                 where declaration_id = :declaration order by round
                """).param("declaration", declarationId)
                .query((rs, i) -> new Decided(rs.getLong("id"), rs.getInt("round"), rs.getInt("submission_number"),
                        rs.getString("decision"), rs.getString("reviewer"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    List<ReviewComment> comments(long roundId) {
        return jdbc.sql("""
                select initiative_id, field, question, message from review_comment where review_round_id = :round order by id
                """).param("round", roundId).query((rs, i) -> new ReviewComment(rs.getString("initiative_id"),
                        rs.getString("field"), rs.getString("question"), rs.getString("message"))).list();
    }
}
