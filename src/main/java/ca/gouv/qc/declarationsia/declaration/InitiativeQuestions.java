package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the declaration page shows of each initiative's extra questions (those of its campaign's form version), worked
 * out once per page as {@link InitiativeFields} does for the catalogue's: label and help in the page's language, the
 * input's id and name, the answer, the options, the error and the reviewer's remark, and whether the question is asked
 * of the initiative as it stands. A question with a condition is on the page either way, hidden while its condition
 * does not hold: without JavaScript it shows once the draft is saved with the value it waits for; the page's script
 * shows it at once ({@code data-when-name}, {@code data-when-value}).
 */
public final class InitiativeQuestions {

    /** An option of a choice: its element id (for a box or a radio), the code it posts, its label, whether chosen. */
    public record Option(String id, String code, String label, boolean selected) {
    }

    /**
     * One question of one initiative: {@code id} is its input's id (a group's: the prefix of its boxes' or radios'
     * ids, {@code <id>-oui}, {@code <id>-<code>}), {@code name} the parameter its input posts; {@code help},
     * {@code error}, {@code remark}, {@code whenName} are null when there is none; {@code dropped} is the notice that
     * last year's choice is no longer offered, null when there is none.
     */
    public record Question(Kind kind, String id, String name, String label, String help, boolean required,
            Object value, List<Option> options, String error, String remark, boolean shown, String whenName,
            String whenValue, String dropped) {

        public boolean yesNo() {
            return kind == Kind.YES_NO;
        }

        public boolean oneChoice() {
            return kind == Kind.ONE_CHOICE;
        }

        public boolean severalChoices() {
            return kind == Kind.SEVERAL_CHOICES;
        }

        public boolean line() {
            return kind == Kind.SHORT_TEXT || kind == Kind.MONTH;
        }

        public boolean paragraph() {
            return kind == Kind.LONG_TEXT;
        }

        public String inputMode() {
            return kind == Kind.MONTH ? "numeric" : null;
        }

        /** A radio group or a group of boxes: a fieldset whose legend is the question. */
        public boolean group() {
            return kind == Kind.YES_NO || kind == Kind.SEVERAL_CHOICES;
        }

        public boolean invalid() {
            return error != null;
        }

        /** The text typed or the code chosen, as the input shows it. */
        public String text() {
            return value == null || value instanceof Collection<?> ? "" : String.valueOf(value);
        }

        /** The element id of the notice that last year's choice is no longer offered (shown above the questions). */
        public String droppedId() {
            return id + "-dropped";
        }

        /**
         * The ids of the dropped-choice notice, the help, the error and the remark shown with the question, or null
         * when none is: the notice is far from its input, above the questions, and a screen reader on the input would
         * not hear it otherwise.
         */
        public String describedBy() {
            String described = ((dropped != null ? droppedId() : "") + " " + (help != null ? id + "-help" : "") + " "
                    + (error != null ? id + "-error" : "") + " " + (remark != null ? id + "-remark" : ""))
                    .trim().replaceAll(" +", " ");
            return described.isEmpty() ? null : described;
        }
    }

    private InitiativeQuestions() {
    }

    /** The element id of an initiative's answer to a question ({@code i3-answers-guidanceFollowed}). */
    static String inputId(int index, String questionId) {
        return "i" + index + "-answers-" + questionId;
    }

    /**
     * Where the error summary takes the person for an answer: the input, or a group's first radio or box (a fieldset
     * takes no focus).
     */
    static String anchor(int index, DeclarationAnswers.Question question) {
        String input = inputId(index, question.id());
        return switch (question.kind()) {
            case YES_NO -> input + "-oui";
            case SEVERAL_CHOICES -> question.choices().isEmpty() ? input : input + "-" + question.choices().get(0).code();
            default -> input;
        };
    }

    /**
     * @param asked for each initiative, the ids of the questions asked of it as it stands
     * @param errorsByPath the errors shown, by path ({@code initiatives[3].answers.guidanceFollowed})
     * @param remarks the reviewer's comments, by input id
     * @param message the page's text of a bundle key
     * @param remark the page's text of a reviewer's comment shown beside the input
     * @param dropped the notices that last year's choice is no longer offered, by initiative id then question id
     * @return each initiative's questions, in the version's order
     */
    static List<List<Question>> of(List<DeclarationAnswers.Question> questions, DeclarationPageForm form,
            List<Set<String>> asked, Map<String, String> errorsByPath, Map<String, String> remarks, boolean english,
            UnaryOperator<String> message, UnaryOperator<String> remark, Map<String, Map<String, String>> dropped) {
        List<List<Question>> initiatives = new ArrayList<>();
        for (int index = 0; index < form.getInitiatives().size(); index++) {
            Map<String, Object> answers = form.getInitiatives().get(index).answers();
            String initiativeId = form.getInitiatives().get(index).getId();
            Map<String, String> notices = initiativeId == null ? Map.of() : dropped.getOrDefault(initiativeId, Map.of());
            List<Question> shown = new ArrayList<>(questions.size());
            for (DeclarationAnswers.Question question : questions) {
                String id = inputId(index, question.id());
                Object value = answers.get(question.id());
                String label = question.label(english)
                        + (question.kind() == Kind.MONTH ? " " + message.apply("declaration.question.monthFormat") : "");
                String comment = remarks.get(id);
                DeclarationAnswers.Condition when = question.when();
                String whenName = when == null ? null : when.field() != null ? "initiatives[" + index + "]." + when.field()
                        : DeclarationPageForm.answerName(index, when.question());
                shown.add(new Question(question.kind(), id, DeclarationPageForm.answerName(index, question.id()), label,
                        question.help(english), question.required(), value, options(id, question, value, english),
                        errorsByPath.get("initiatives[" + index + "].answers." + question.id()),
                        comment == null ? null : remark.apply(comment),
                        index >= asked.size() || asked.get(index).contains(question.id()), whenName,
                        when == null ? null : when.value(), notices.get(question.id())));
            }
            initiatives.add(shown);
        }
        return initiatives;
    }

    private static List<Option> options(String id, DeclarationAnswers.Question question, Object value,
            boolean english) {
        if (question.kind() == Kind.YES_NO) {
            return List.of(new Option(id + "-oui", "true", null, Boolean.TRUE.equals(value)),
                    new Option(id + "-non", "false", null, Boolean.FALSE.equals(value)));
        }
        List<Option> options = new ArrayList<>(question.choices().size());
        for (DeclarationAnswers.Choice choice : question.choices()) {
            boolean selected = value instanceof Collection<?> chosen ? chosen.contains(choice.code())
                    : choice.code().equals(value);
            options.add(new Option(id + "-" + choice.code(), choice.code(), choice.label(english), selected));
        }
        return options;
    }
}
