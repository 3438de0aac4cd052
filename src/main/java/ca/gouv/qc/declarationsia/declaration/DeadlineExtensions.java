package ca.gouv.qc.declarationsia.declaration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The one write path of a declaration's extended due date, with its audit (who, when, from, to, why). */
@Service
public class DeadlineExtensions {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadlineExtensions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the id of the audit row */
    @Transactional(propagation = Propagation.MANDATORY)
    public long extend(long declarationId, LocalDate previousDueDate, LocalDate newDueDate, String reason, String grantedBy) {
        jdbc.sql("update declaration set extended_due_date = :due, version = version + 1 where id = :id")
                .param("due", newDueDate).param("id", declarationId).update();
        return jdbc.sql("""
                insert into deadline_extension (declaration_id, previous_due_date, new_due_date, reason, granted_by, granted_at)
                values (:id, :previous, :due, :reason, :by, :at) returning id
                """)
                .param("id", declarationId).param("previous", previousDueDate).param("due", newDueDate)
                .param("reason", reason).param("by", grantedBy).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }
}
