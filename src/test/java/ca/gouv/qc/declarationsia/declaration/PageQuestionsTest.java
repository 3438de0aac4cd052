package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers.Choice;
import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers.Condition;
import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers.Kind;
import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers.Question;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The declaration page's answers to a form version's questions, as the page posts them: laid over the stored ones as
 * the fields are (what was not sent stays, a blank clears, a group of boxes says it was there), typed as the API takes
 * them, and shown back with the question asked or hidden.
 */
class PageQuestionsTest {

    private static final List<Question> QUESTIONS = List.of(
            new Question("guidanceFollowed", Kind.YES_NO, "Lignes directrices?", "Guidance?", "Aide", "Help", true,
                    new Condition("generativeAi", null, "true"), List.of()),
            new Question("dataSources", Kind.SEVERAL_CHOICES, "Sources", "Sources", null, null, false, null,
                    List.of(new Choice("INTERNES", "Internes", "Own"), new Choice("OUVERTES", "Ouvertes", "Open"))),
            new Question("publicContact", Kind.SHORT_TEXT, "Contact", "Contact", null, null, false, null, List.of()),
            new Question("assessmentMonth", Kind.MONTH, "Mois", "Month", null, null, false,
                    new Condition(null, "guidanceFollowed", "false"), List.of()));

    @Test
    void answers_sent_replace_the_stored_ones_typed_as_the_api_takes_them_and_what_was_not_sent_stays() {
        DeclarationPageForm form = formWith(Map.of("publicContact", "ancien@example.org", "assessmentMonth", "2024-05",
                "dataSources", List.of("INTERNES")));
        Map<String, String[]> sent = new HashMap<>();
        sent.put("answers[0].guidanceFollowed", new String[] {"false"});
        sent.put("answers[0].dataSources", new String[] {"INTERNES", "OUVERTES"});
        sent.put("_answers[0].dataSources", new String[] {"on"});
        sent.put("answers[0].publicContact", new String[] {"  "});

        form.bindAnswers(QUESTIONS, sent);

        assertThat(form.getInitiatives().get(0).answers()).isEqualTo(Map.of("guidanceFollowed", false,
                "dataSources", List.of("INTERNES", "OUVERTES"), "assessmentMonth", "2024-05"));
        assertThat(form.getInitiatives().get(0).toForm().answers()).containsEntry("guidanceFollowed", false);
    }

    @Test
    void no_box_ticked_clears_the_choices_and_what_is_not_yes_or_no_is_passed_on_for_the_rules_to_refuse() {
        DeclarationPageForm form = formWith(Map.of("dataSources", List.of("INTERNES")));

        form.bindAnswers(QUESTIONS, Map.of("_answers[0].dataSources", new String[] {"on"},
                "answers[0].guidanceFollowed", new String[] {"peut-être"}));

        assertThat(form.getInitiatives().get(0).answers()).isEqualTo(Map.of("guidanceFollowed", "peut-être"));
    }

    @Test
    void the_page_shows_each_question_in_the_persons_language_hidden_while_its_condition_does_not_hold() {
        DeclarationPageForm form = formWith(Map.of("dataSources", List.of("OUVERTES"), "guidanceFollowed", true));

        List<InitiativeQuestions.Question> shown = InitiativeQuestions.of(QUESTIONS, form,
                List.of(Set.of("guidanceFollowed", "dataSources", "publicContact")),
                Map.of("initiatives[0].answers.publicContact", "« Contact » (publicContact) : trop long"), Map.of(),
                true, key -> "(YYYY-MM)", remark -> remark, Map.of()).get(0);

        assertThat(shown).extracting(InitiativeQuestions.Question::label)
                .containsExactly("Guidance?", "Sources", "Contact", "Month (YYYY-MM)");
        assertThat(shown).extracting(InitiativeQuestions.Question::shown).containsExactly(true, true, true, false);
        assertThat(shown.get(0).options()).extracting(InitiativeQuestions.Option::id, InitiativeQuestions.Option::selected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i0-answers-guidanceFollowed-oui", true),
                        org.assertj.core.groups.Tuple.tuple("i0-answers-guidanceFollowed-non", false));
        assertThat(shown.get(0).whenName()).isEqualTo("initiatives[0].generativeAi");
        assertThat(shown.get(0).describedBy()).isEqualTo("i0-answers-guidanceFollowed-help");
        assertThat(shown.get(1).options()).extracting(InitiativeQuestions.Option::label, InitiativeQuestions.Option::selected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Own", false),
                        org.assertj.core.groups.Tuple.tuple("Open", true));
        assertThat(shown.get(2).describedBy()).isEqualTo("i0-answers-publicContact-error");
        assertThat(shown.get(3).whenName()).isEqualTo("answers[0].guidanceFollowed");
        assertThat(InitiativeQuestions.anchor(0, QUESTIONS.get(1))).isEqualTo("i0-answers-dataSources-INTERNES");
    }

    /** A reviewer's comment on an answer names it {@code answers.<question id>}: it sits beside the question. */
    @Test
    void a_reviewers_comment_on_an_answer_and_an_error_on_it_lead_to_the_question() {
        DeclarationPageForm form = formWith(Map.of());
        List<ReviewComment> comments = List.of(new ReviewComment("IA-Q-0001", "answers.guidanceFollowed", "Précisez."));
        Map<String, Question> byId = new LinkedHashMap<>();
        QUESTIONS.forEach(question -> byId.put(question.id(), question));

        assertThat(FieldAnchors.remarks(comments, form)).containsEntry("i0-answers-guidanceFollowed", "Précisez.");
        Map<String, String> anchors = FieldAnchors.of(List.of(new ca.gouv.qc.declarationsia.shared.validation.Violation(
                "initiatives[0].answers.publicContact", "Size", "trop long")), comments, form, byId);
        assertThat(anchors).containsEntry("comment:IA-Q-0001:answers.guidanceFollowed", "i0-answers-guidanceFollowed-oui")
                .containsEntry("initiatives[0].answers.publicContact", "i0-answers-publicContact");
    }

    /** Last year's choice no longer offered: its notice describes the question's input, with its help and error. */
    @Test
    void the_notice_of_a_dropped_choice_describes_its_question_beside_the_help_and_the_error() {
        DeclarationPageForm form = formWith(Map.of());

        List<InitiativeQuestions.Question> shown = InitiativeQuestions.of(QUESTIONS, form,
                List.of(Set.of("guidanceFollowed", "dataSources", "publicContact")),
                Map.of("initiatives[0].answers.guidanceFollowed", "obligatoire"), Map.of(), false, key -> "(AAAA-MM)",
                remark -> remark, Map.of("IA-Q-0001", Map.of("guidanceFollowed", "L’an dernier…"),
                        "IA-Q-0002", Map.of("dataSources", "une autre initiative"))).get(0);

        assertThat(shown.get(0).dropped()).isEqualTo("L’an dernier…");
        assertThat(shown.get(0).describedBy()).isEqualTo("i0-answers-guidanceFollowed-dropped "
                + "i0-answers-guidanceFollowed-help i0-answers-guidanceFollowed-error");
        assertThat(shown.get(1).dropped()).as("another initiative's notice").isNull();
        assertThat(shown.get(1).describedBy()).isNull();
    }

    private static DeclarationPageForm formWith(Map<String, Object> stored) {
        DeclarationPageForm form = new DeclarationPageForm();
        DeclarationForm.InitiativeForm initiative = TestInitiative.with(stored);
        form.getInitiatives().add(DeclarationPageForm.Initiative.of(Snapshots.of("IA-Q-0001", initiative, null)));
        return form;
    }

    /** An initiative with these answers and no field given. */
    private static final class TestInitiative {
        static DeclarationForm.InitiativeForm with(Map<String, Object> answers) {
            Map<String, Object> values = new HashMap<>();
            values.put("answers", new LinkedHashMap<>(answers));
            return FieldCatalogue.form(values);
        }
    }
}
