package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.DeclarationTransitions;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Demander des corrections": A_CORRIGER with a new round and its own due date, audited with the reviewer, and the
 * respondents get the reviewer's comments by mail.
 */
@Component("requestCorrections")
class RequestCorrectionsDelegate implements JavaDelegate {

    private final DeclarationTransitions transitions;
    private final DeclarationMails mails;
    private final DeclarationHistory history;
    private final JdbcClient jdbc;
    private final int correctionDays;

    RequestCorrectionsDelegate(DeclarationTransitions transitions, DeclarationMails mails, DeclarationHistory history,
            JdbcClient jdbc, @Value("${declarations.review.correction-days:14}") int correctionDays) {
        this.transitions = transitions;
        this.mails = mails;
        this.history = history;
        this.jdbc = jdbc;
        this.correctionDays = correctionDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        LocalDate due = QuebecTime.engineToday().plusDays(correctionDays);
        long declarationId = jdbc.sql("""
                update declaration set correction_round = correction_round + 1, correction_due_date = :due
                 where campaign_year = :year and organization_code = :organization returning id
                """).param("due", due).param("year", key.campaignYear()).param("organization", key.organizationCode())
                .query(Long.class).single();
        transitions.move(key, DeclarationStatus.A_CORRIGER, String.valueOf(execution.getVariable("reviewedBy")), null);
        int round = jdbc.sql("select correction_round from declaration where id = :id").param("id", declarationId)
                .query(Integer.class).single();
        execution.setVariable("correctionRound", round);
        mails.queue(MailKind.CORRECTIONS_REQUESTED, key.campaignYear(), key.organizationCode(), due, "round-" + round,
                Map.of("comments", history.latestComments(declarationId).stream()
                        .map(comment -> (comment.initiativeId() == null ? "" : comment.initiativeId() + " – ")
                                + (comment.field() == null ? "" : comment.field() + " : ") + comment.message())
                        .collect(java.util.stream.Collectors.joining("\n"))));
    }
}
