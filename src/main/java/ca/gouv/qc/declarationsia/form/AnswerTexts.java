package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormDefinition.QuestionType;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * An answer to a version's question as a person reads it, in a language: the question by its label, a yes/no as
 * Oui/Non, a choice by its label in that version (a code the version retired labelled as retired: a value given before
 * stays readable), several choices one after the other, a month as « mars 2025 ». The review page, the respondent's
 * read-only declaration, the carry-over's notices and the open data (in French) read answers through it.
 */
public final class AnswerTexts {

    /** Between the labels of several choices (a comma may be in a label). */
    public static final String CHOICES_SEPARATOR = "; ";

    /** The bundle key of what shows a question left unanswered. */
    private static final String NONE_KEY = "declaration.readAnswers.none";

    private AnswerTexts() {
    }

    public static String question(Question question, Locale locale) {
        return english(locale) ? question.en() : question.fr();
    }

    /** The answer as text, or null when there is none (nothing, blank, no choice); several choices one after the other. */
    public static String answer(FormDefinition form, Question question, Object value, Locale locale,
            MessageSource messages) {
        List<String> parts = parts(form, question, value, locale, messages);
        return parts.isEmpty() ? null : String.join(CHOICES_SEPARATOR, parts);
    }

    /**
     * What a page shows for a question left unanswered (« Sans réponse »): the respondent's read-only declaration
     * ({@code declaration/edit.html}, the same key) and the review say it alike.
     */
    public static String none(Locale locale, MessageSource messages) {
        return messages.getMessage(NONE_KEY, null, locale);
    }

    /** The answer as text, or {@link #none} when there is none: what the review shows in a cell. */
    public static String answerOrNone(FormDefinition form, Question question, Object value, Locale locale,
            MessageSource messages) {
        String text = answer(form, question, value, locale, messages);
        return text == null ? none(locale, messages) : text;
    }

    /**
     * The answer as a list a page shows: one text per choice of several, one text for any other answer, none when
     * there is no answer (nothing, blank, no choice).
     */
    public static List<String> parts(FormDefinition form, Question question, Object value, Locale locale,
            MessageSource messages) {
        if (value == null || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> chosen && chosen.isEmpty()) {
            return List.of();
        }
        QuestionType type = FormProblems.type(question.type());
        if (type == null) {
            return List.of(String.valueOf(value));
        }
        return switch (type) {
            case YES_NO -> List.of(value instanceof Boolean yes
                    ? messages.getMessage(yes ? "common.yes" : "common.no", null, locale) : String.valueOf(value));
            case ONE_CHOICE -> List.of(code(form, question, String.valueOf(value), locale, messages));
            case SEVERAL_CHOICES -> value instanceof Collection<?> codes ? codes.stream()
                    .map(code -> code(form, question, String.valueOf(code), locale, messages)).toList()
                    : List.of(code(form, question, String.valueOf(value), locale, messages));
            case MONTH -> List.of(month(String.valueOf(value), locale));
            case SHORT_TEXT, LONG_TEXT -> List.of(String.valueOf(value));
        };
    }

    /** The answer as the open data publish it: in French, as {@link #answer} says it, but a month as YYYY-MM. */
    public static String published(FormDefinition form, Question question, Object value, MessageSource messages) {
        if (FormProblems.type(question.type()) == QuestionType.MONTH && value instanceof String month
                && !month.isBlank()) {
            return month;
        }
        return answer(form, question, value, Locale.CANADA_FRENCH, messages);
    }

    /** A code of the question's list by its label; a code the version retired says so; an unknown one as it is. */
    public static String code(FormDefinition form, Question question, String code, Locale locale,
            MessageSource messages) {
        Optional<Code> found = codes(form, question).stream().filter(offered -> offered.code().equals(code))
                .findFirst();
        if (found.isEmpty()) {
            return code;
        }
        String label = english(locale) ? found.get().en() : found.get().fr();
        return found.get().retired()
                ? messages.getMessage("form.answer.retiredCode", new Object[] {label}, label, locale) : label;
    }

    /** Whether a code of the question's list is one the version retired. */
    public static boolean retired(FormDefinition form, Question question, String code) {
        return codes(form, question).stream().anyMatch(offered -> offered.code().equals(code) && offered.retired());
    }

    private static List<Code> codes(FormDefinition form, Question question) {
        return question.codeList() == null || form.codeLists() == null ? List.of()
                : form.codeLists().getOrDefault(question.codeList(), List.of());
    }

    private static String month(String value, Locale locale) {
        try {
            return DateTimeFormatter.ofPattern("MMMM yyyy", english(locale) ? Locale.CANADA : Locale.CANADA_FRENCH)
                    .format(YearMonth.parse(value));
        } catch (DateTimeParseException unreadable) {
            return value;
        }
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
