package ca.gouv.qc.declarationsia.review;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.review.ReviewComparison.AnswerLine;
import ca.gouv.qc.declarationsia.support.TestForms;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the reviewer reads of an initiative's answers beside the declaration (issue 26), with the product's message
 * bundles and no Spring context: the version's questions by their labels, choices by label (a retired one said so),
 * what changed since the previous submission and since last year, and a question last year's version did not ask
 * said to be new rather than changed. The page showing them is in {@code ReviewerJourneyTest}.
 */
class ReviewComparisonTest {

    private static final Question GUIDANCE = TestForms.question("guidance", "YES_NO",
            "L’initiative suit-elle le guide sur l’IA générative?", "Does the initiative follow the generative AI guidance?",
            null, false);
    private static final Question IMPACT = TestForms.question("impact", "ONE_CHOICE", "État de l’évaluation d’impact",
            "State of the impact assessment", "impact", true);
    private static final Question USES = TestForms.question("uses", "SEVERAL_CHOICES", "Usages", "Uses", "uses", false);

    /** Last year's version: the impact and the uses, their codes all offered. */
    private static final FormDefinition LAST_YEAR = form(1, List.of(IMPACT, USES), List.of(
            TestForms.code("REALISEE", "Réalisée", "Completed"), TestForms.code("EN_COURS", "En cours", "In progress")));
    /** This year's: « En cours » retired, and a new question on the guidance. */
    private static final FormDefinition THIS_YEAR = form(2, List.of(GUIDANCE, IMPACT, USES), List.of(
            TestForms.code("REALISEE", "Réalisée", "Completed"), TestForms.retiredCode("EN_COURS", "En cours", "In progress")));

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void a_question_last_years_version_did_not_ask_is_new_and_an_answer_that_changed_shows_last_years_by_its_label() {
        List<AnswerLine> lines = ReviewComparison.answerLines(THIS_YEAR, ALL,
                Map.of("guidance", true, "impact", "REALISEE", "uses", List.of("TRI", "RESUME")), null, LAST_YEAR,
                Map.of("impact", "EN_COURS", "uses", List.of("TRI", "RESUME")), Locale.CANADA_FRENCH, messages);

        assertThat(lines).extracting(AnswerLine::questionId).containsExactly("guidance", "impact", "uses");
        assertThat(lines.get(0)).isEqualTo(new AnswerLine("guidance", "L’initiative suit-elle le guide sur l’IA générative?",
                "Oui", "—", "—", false, false, true));
        assertThat(lines.get(1)).as("last year's choice, retired since, said so")
                .isEqualTo(new AnswerLine("impact", "État de l’évaluation d’impact", "Réalisée", "—",
                        "En cours (choix retiré)", false, true, false));
        assertThat(lines.get(2)).as("several choices one after the other, unchanged")
                .isEqualTo(new AnswerLine("uses", "Usages", "Tri; Résumé", "—", "Tri; Résumé", false, false, false));
    }

    @Test
    void since_the_previous_submission_a_removed_answer_is_a_change_a_blank_one_is_none_and_labels_follow_the_reader() {
        List<AnswerLine> lines = ReviewComparison.answerLines(THIS_YEAR, ALL, Map.of("impact", "REALISEE", "uses", List.of()),
                Map.of("guidance", false, "impact", "REALISEE"), LAST_YEAR, null, Locale.CANADA, messages);

        assertThat(lines).extracting(AnswerLine::question)
                .containsExactly("Does the initiative follow the generative AI guidance?", "State of the impact assessment",
                        "Uses");
        assertThat(lines.get(0)).as("answered before, not now")
                .isEqualTo(new AnswerLine("guidance", GUIDANCE.en(), "No answer", "No", "—", true, false, false));
        assertThat(lines.get(1).changedSinceSubmission()).isFalse();
        assertThat(lines.get(2).changedSinceSubmission()).as("no choice is no answer").isFalse();
        assertThat(lines).as("an initiative new this year has no last year: no question is new to it")
                .noneMatch(AnswerLine::newQuestion);
    }

    @Test
    void a_version_without_questions_shows_no_answer_line() {
        assertThat(ReviewComparison.answerLines(form(1, List.of(), List.of()), java.util.Set.of(), Map.of(), null, null,
                null, Locale.CANADA_FRENCH, messages)).isEmpty();
    }

    @Test
    void a_question_whose_condition_does_not_hold_for_the_initiative_has_no_line() {
        List<AnswerLine> lines = ReviewComparison.answerLines(THIS_YEAR, java.util.Set.of("impact", "uses"),
                Map.of("impact", "REALISEE"), null, null, null, Locale.CANADA_FRENCH, messages);

        assertThat(lines).extracting(AnswerLine::questionId).as("not asked, so not shown as unanswered")
                .containsExactly("impact", "uses");
    }

    /** Left unanswered, now or last year: said as the respondent's read-only page says it, not with a dash. */
    @Test
    void a_question_left_unanswered_reads_as_on_the_respondents_page() {
        List<AnswerLine> lines = ReviewComparison.answerLines(THIS_YEAR, ALL, Map.of("uses", List.of("TRI")),
                Map.of("impact", "REALISEE"), LAST_YEAR, Map.of("uses", List.of()), Locale.CANADA_FRENCH, messages);

        assertThat(messages.getMessage("declaration.readAnswers.none", null, Locale.CANADA_FRENCH))
                .isEqualTo("Sans réponse");
        assertThat(lines.get(1)).as("answered before, not now nor last year")
                .isEqualTo(new AnswerLine("impact", IMPACT.fr(), "Sans réponse", "Réalisée", "Sans réponse", true, false,
                        false));
        assertThat(lines.get(2)).as("no choice last year")
                .isEqualTo(new AnswerLine("uses", "Usages", "Tri", "Sans réponse", "Sans réponse", true, true, false));
    }

    /** Every question of {@link #THIS_YEAR} asked of the initiative. */
    private static final java.util.Set<String> ALL = java.util.Set.of("guidance", "impact", "uses");

    private static FormDefinition form(int version, List<Question> questions, List<Code> impact) {
        return new FormDefinition(version, version == 1 ? null : version - 1, Map.of("impact", impact, "uses", List.of(
                TestForms.code("TRI", "Tri", "Sorting"), TestForms.code("RESUME", "Résumé", "Summary"))), Map.of(),
                questions);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
