package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves a declaration from one status to the next and writes the audit row (who, when, from, to, why) with it. */
@Component
public class DeclarationTransitions {

    private final JdbcClient jdbc;

    DeclarationTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void move(DeclarationKey key, DeclarationStatus to, String actor, String comment) {
        jdbc.sql("""
                insert into declaration_transition (declaration_id, from_status, to_status, actor, comment, occurred_at)
                select id, status, :to, :actor, left(:comment, 2000), :now from declaration
                 where campaign_year = :year and organization_code = :organization
                """)
                .param("to", to.name()).param("actor", actor).param("comment", comment)
                .param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("year", key.campaignYear()).param("organization", key.organizationCode())
                .update();
        jdbc.sql("""
                update declaration set status = :to, version = version + 1
                 where campaign_year = :year and organization_code = :organization
                """).param("to", to.name()).param("year", key.campaignYear())
                .param("organization", key.organizationCode()).update();
    }
}
