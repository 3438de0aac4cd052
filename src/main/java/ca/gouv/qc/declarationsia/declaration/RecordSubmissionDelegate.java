package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.QuebecTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la soumission": the declaration is SOUMISE (audited: who submitted, from which status), stamped, and
 * flagged late if submitted after its due date (the campaign's, or the organization's extension). Late submissions
 * are accepted.
 */
@Component("recordSubmission")
class RecordSubmissionDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final DeclarationTransitions transitions;
    private final DeclarationRepository declarations;
    private final ObjectMapper json;

    RecordSubmissionDelegate(JdbcClient jdbc, DeclarationTransitions transitions, DeclarationRepository declarations,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.declarations = declarations;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey declaration = DeclarationKey.of(execution);
        String submittedBy = submitter(execution);
        jdbc.sql("""
                update declaration d set submitted_at = :now,
                       late = :today > coalesce(d.extended_due_date, c.due_date)
                  from campaign c
                 where c.year = d.campaign_year and d.campaign_year = :year and d.organization_code = :organization
                """)
                .param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("today", QuebecTime.engineToday())
                .param("year", declaration.campaignYear())
                .param("organization", declaration.organizationCode())
                .update();
        transitions.move(declaration, DeclarationStatus.SOUMISE, submittedBy, null);
        keepWhatWasSubmitted(declaration);
    }

    /** A copy of the initiatives as submitted: the reviewer's page compares the next submission with it. */
    private void keepWhatWasSubmitted(DeclarationKey key) {
        Declaration declaration = declarations.findByCampaignAndOrganization(key.campaignYear(), key.organizationCode())
                .orElseThrow();
        try {
            jdbc.sql("""
                    insert into declaration_submission (declaration_id, number, submitted_at, initiatives)
                    values (:id, (select coalesce(max(number), 0) + 1 from declaration_submission where declaration_id = :id),
                            :now, cast(:initiatives as jsonb))
                    """).param("id", declaration.id()).param("now", Timestamp.from(QuebecTime.engineNow()))
                    .param("initiatives", json.writeValueAsString(declaration.initiatives())).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Initiatives of declaration " + declaration.id() + " not serializable", e);
        }
    }

    /**
     * Who submitted: the API says so in {@code submittedBy} (removed once read, so that a later submission is not
     * credited to the same person); from Tasklist, the engine knows the logged-in user.
     */
    private static String submitter(DelegateExecution execution) {
        Object submittedBy = execution.getVariable("submittedBy");
        execution.removeVariable("submittedBy");
        if (submittedBy != null) {
            return submittedBy.toString();
        }
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "tasklist";
    }
}
