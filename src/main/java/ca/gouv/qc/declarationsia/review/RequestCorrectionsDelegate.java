package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Demander des corrections": A_CORRIGER with a new round, credited to the reviewer who decided, and the respondents
 * get the round's comments by mail, each field named by its label (the field catalogue's, the declaration's own fields
 * included), an answer by its question's (the form version's). The round is due {@code correction-days} from today,
 * never before the body's current due date: a body sent back early keeps the rest of its campaign.
 */
@Component("requestCorrections")
class RequestCorrectionsDelegate implements JavaDelegate {

    private final DeclarationLifecycle lifecycle;
    private final ReviewRounds rounds;
    private final DeclarationMails mails;
    private final int correctionDays;
    private final ReviewQuestions questions;

    RequestCorrectionsDelegate(DeclarationLifecycle lifecycle, ReviewRounds rounds, DeclarationMails mails,
            @Value("${declarations.review.correction-days:14}") int correctionDays, ReviewQuestions questions) {
        this.questions = questions;
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.mails = mails;
        this.correctionDays = correctionDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        ReviewRounds.Round decision = rounds.decisionOnCurrentSubmission(key).orElseThrow();
        LocalDate byRule = QuebecTime.engineToday().plusDays(correctionDays);
        LocalDate current = lifecycle.dueDateOf(key);
        LocalDate due = current.isAfter(byRule) ? current : byRule;
        int round = lifecycle.requestCorrections(key, decision.reviewer(), due);
        mails.queue(MailKind.CORRECTIONS_REQUESTED, key.campaignYear(), key.organizationCode(), due, "round-" + round,
                Map.of("correctionDays", correctionDays, "comments", rounds.comments(decision.id()),
                        "fieldLabels", FieldCatalogue.labelKeys(),
                        // a comment on an answer names its question, by its label in the form version
                        "questionLabelsFr", questions.labels(key.campaignYear(), Locale.CANADA_FRENCH),
                        "questionLabelsEn", questions.labels(key.campaignYear(), Locale.CANADA)));
    }
}
