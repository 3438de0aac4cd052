package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la soumission": the transition is audited (who submitted, from which status), the declaration is
 * SOUMISE, stamped, and flagged late if submitted after its due date
 * (the campaign's, or the organization's extension). Late submissions are accepted.
 */
@Component("recordSubmission")
class RecordSubmissionDelegate implements JavaDelegate {

    private final JdbcClient jdbc;

    RecordSubmissionDelegate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey declaration = DeclarationKey.of(execution);
        Object submittedBy = execution.getVariable("submittedBy");
        jdbc.sql("""
                insert into declaration_transition (declaration_id, from_status, to_status, actor, occurred_at)
                select id, status, 'SOUMISE', :actor, :now from declaration
                 where campaign_year = :year and organization_code = :organization
                """)
                .param("actor", submittedBy == null ? "tasklist" : submittedBy.toString())
                .param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("year", declaration.campaignYear())
                .param("organization", declaration.organizationCode())
                .update();
        jdbc.sql("""
                update declaration d set status = 'SOUMISE', submitted_at = :now,
                       late = :today > coalesce(d.extended_due_date, c.due_date)
                  from campaign c
                 where c.year = d.campaign_year and d.campaign_year = :year and d.organization_code = :organization
                """)
                .param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("today", QuebecTime.engineToday())
                .param("year", declaration.campaignYear())
                .param("organization", declaration.organizationCode())
                .update();
    }
}
