package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answers to the extra questions of the form version a declaration's campaign asks (issue 26), checked by that
 * version. Offered by the form capability (which knows the versions and imports the catalogue from here): declaration
 * asks through this interface, never importing form back.
 */
public interface DeclarationAnswers {

    /** What a draft's answers may not hold, each at {@code initiatives[i].answers.<id>}; nothing read when none given. */
    List<Violation> shape(int campaignYear, List<InitiativeForm> initiatives);

    /** The required answers a submission lacks (a conditional one only when its condition holds), each at its place. */
    List<Violation> missing(Declaration declaration);

    /**
     * Last year's answers of an initiative as it carries them into this campaign: only those to questions the
     * campaign's version still asks (same id, not retired), each a value the question still takes; a choice the version
     * retired is dropped, and said in {@link Carried#dropped()}, labelled in the reader's language.
     */
    Carried carry(int campaignYear, Map<String, Object> lastYear);

    /**
     * @param kept the answers carried into the new declaration, by question id
     * @param dropped the choices given last year that the version retired, to tell the respondent
     */
    record Carried(Map<String, Object> kept, List<DroppedChoice> dropped) {
    }

    /** A choice given last year that the version retired: the question, and what was answered, as a person reads them. */
    record DroppedChoice(String questionId, String question, String answer) {
    }

    /** The questions the campaign's version still asks, in the page's order; none on version 1. */
    List<Question> questions(int campaignYear);

    /**
     * For each initiative, the ids of the questions asked of it: those without a condition, and those whose condition
     * its values (catalogue fields, earlier answers) meet. The same rule as {@link #missing}'s.
     */
    List<Set<String>> asked(int campaignYear, List<InitiativeForm> initiatives);

    /**
     * The ids of the questions asked of each of a declaration's initiatives as they stand (its campaign's version;
     * a question whose condition does not hold was not asked), in the declaration's order.
     */
    List<Set<String>> asked(Declaration declaration);

    /**
     * A declaration's answers as a person reads them, with the questions of its campaign's version (not the newest):
     * for each initiative, in the declaration's order, the questions asked of it as it was declared (one whose
     * condition does not hold is left out, whatever it holds), each with its answer labelled in that language (a
     * choice the version retired said to be retired). Nothing for a version without questions.
     */
    ReadAnswers read(Declaration declaration, Locale locale);

    /**
     * @param formVersion the version of the form the declaration's campaign asked
     * @param initiatives each initiative's answers, in the declaration's order; empty when the version asks none
     */
    record ReadAnswers(int formVersion, List<List<ReadAnswer>> initiatives) {

        public boolean isEmpty() {
            return initiatives.stream().allMatch(List::isEmpty);
        }
    }

    /**
     * One answer as a person reads it: the question's label, and the answer (one text per choice of several; none when
     * the question was not answered).
     */
    record ReadAnswer(String questionId, String question, List<String> answer) {

        public boolean answered() {
            return !answer.isEmpty();
        }
    }

    /** How a question is answered: its answer's type in the API, its input on the page, its cell in the CSV. */
    enum Kind { YES_NO, ONE_CHOICE, SEVERAL_CHOICES, SHORT_TEXT, LONG_TEXT, MONTH }

    /**
     * A question as the declaration page and the CSV show it.
     *
     * @param when asked only when the catalogue field, or the earlier question, has this value; null: always asked
     * @param choices for a choice, the codes still offered, in their list's order; empty otherwise
     */
    record Question(String id, Kind kind, String fr, String en, String helpFr, String helpEn, boolean required,
            Condition when, List<Choice> choices) {

        public String label(boolean english) {
            return english ? en : fr;
        }

        /** Its help in that language, or null when it has none. */
        public String help(boolean english) {
            String help = english ? helpEn : helpFr;
            return help == null || help.isBlank() ? null : help;
        }
    }

    /** Exactly one of {@code field} (a catalogue field's API name) and {@code question} (an earlier question's id). */
    record Condition(String field, String question, String value) {
    }

    /** A code of a choice question's list, with its labels. */
    record Choice(String code, String fr, String en) {

        public String label(boolean english) {
            return english ? en : fr;
        }
    }
}
