package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormDefinition.QuestionType;
import ca.gouv.qc.declarationsia.form.FormDefinition.When;
import ca.gouv.qc.declarationsia.shared.validation.TextRules;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What an initiative's answers to a version's questions must be, each refusal at {@code initiatives[i].answers.<id>}
 * and naming the question by its label in the user's language. A draft's answers must be well formed ({@link #shape}:
 * known questions still asked, the type each question takes, codes still offered); a submission's must also give every
 * required answer, a conditional one only when its condition holds ({@link #missing}).
 */
@Component
public class AnswerRules {

    static final int MAX_SHORT_TEXT = 200;
    static final int MAX_LONG_TEXT = 3500;
    private static final Pattern MONTH = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

    private final MessageSource messages;

    AnswerRules(MessageSource messages) {
        this.messages = messages;
    }

    /** What a draft may not hold: answers to questions the version does not ask, of the wrong type, retired codes. */
    public List<Violation> shape(FormDefinition form, int index, Map<String, ?> answers) {
        List<Violation> violations = new ArrayList<>();
        if (answers == null) {
            return violations;
        }
        if (answers.size() > FormProblems.MAX_QUESTIONS) {
            violations.add(refusal(index, null, null, "TooLarge", "validation.answer.tooMany", FormProblems.MAX_QUESTIONS));
            return violations;
        }
        Map<String, Question> asked = new java.util.HashMap<>();
        form.askedQuestions().forEach(question -> asked.put(question.id(), question));
        for (Map.Entry<String, ?> answer : answers.entrySet()) {
            Question question = asked.get(answer.getKey());
            if (question == null) {
                violations.add(refusal(index, answer.getKey(), null, "UnknownQuestion", "validation.answer.unknown",
                        answer.getKey(), form.version()));
                continue;
            }
            Object value = answer.getValue();
            if (value == null || value instanceof String text && text.isBlank()) {
                continue; // not answered yet: a draft may be incomplete
            }
            String problem = problem(form, question, value);
            if (problem != null) {
                violations.add(refusal(index, question.id(), question, "Type", problem, codes(form, question)));
            }
        }
        return violations;
    }

    /**
     * The required answers a submission lacks. {@code fieldValue} gives the initiative's catalogue values as the API
     * names them (a code by its name, yes or no as a boolean), for the conditions on a field.
     */
    public List<Violation> missing(FormDefinition form, int index, Function<String, Object> fieldValue,
            Map<String, ?> answers) {
        Map<String, ?> given = answers == null ? Map.of() : answers;
        Set<String> askedHere = asked(form, fieldValue, given);
        List<Violation> violations = new ArrayList<>();
        for (Question question : form.askedQuestions()) {
            if (!askedHere.contains(question.id())) {
                continue;
            }
            Object value = given.get(question.id());
            boolean empty = value == null || value instanceof String text && text.isBlank()
                    || value instanceof Collection<?> list && list.isEmpty();
            if (question.required() && empty) {
                violations.add(refusal(index, question.id(), question, "Required", "validation.required"));
            }
        }
        return violations;
    }

    /**
     * The ids of the questions asked of this initiative, in the form's order: those without a condition, and those
     * whose field or earlier question has the value (an earlier question not asked has no answer that counts). The
     * declaration page shows these only, a draft's save keeps the answers to these only (whatever the door), the
     * read-only page lists these only; a submission needs the required ones among them.
     */
    public Set<String> asked(FormDefinition form, Function<String, Object> fieldValue, Map<String, ?> answers) {
        Map<String, ?> given = answers == null ? Map.of() : answers;
        Set<String> askedHere = new LinkedHashSet<>();
        for (Question question : form.askedQuestions()) {
            if (conditionHolds(question.when(), fieldValue, given, askedHere)) {
                askedHere.add(question.id());
            }
        }
        return askedHere;
    }

    /** Whether a question is asked of this initiative: no condition, or its field or earlier question has the value. */
    private static boolean conditionHolds(When when, Function<String, Object> fieldValue, Map<String, ?> answers,
            Set<String> askedHere) {
        if (when == null) {
            return true;
        }
        Object value;
        if (when.field() != null) {
            value = fieldValue.apply(when.field());
        } else {
            // an earlier question not asked of this initiative has no answer that counts
            value = askedHere.contains(when.question()) ? answers.get(when.question()) : null;
        }
        if (value instanceof Collection<?> chosen) {
            return chosen.stream().anyMatch(code -> String.valueOf(code).equals(when.value()));
        }
        return value != null && String.valueOf(value instanceof Enum<?> code ? code.name() : value).equals(when.value());
    }

    /** The bundle key of what is wrong with a value given to a question, or null when it is right. */
    private static String problem(FormDefinition form, Question question, Object value) {
        QuestionType type = FormProblems.type(question.type());
        return switch (type) {
            case YES_NO -> value instanceof Boolean ? null : "validation.answer.yesNo";
            case SHORT_TEXT -> !(value instanceof String text) ? "validation.answer.text"
                    : text.length() > MAX_SHORT_TEXT ? "validation.answer.shortLength"
                    : TextRules.hasControl(text) || TextRules.hasDirectionOverride(text) ? "validation.answer.control"
                    : null;
            case LONG_TEXT -> !(value instanceof String text) ? "validation.answer.text"
                    : text.length() > MAX_LONG_TEXT ? "validation.answer.longLength"
                    : TextRules.hasControlBesideLineBreaks(text) || TextRules.hasDirectionOverride(text)
                            ? "validation.answer.control" : null;
            case MONTH -> value instanceof String text && MONTH.matcher(text).matches() ? null : "validation.month";
            case ONE_CHOICE -> value instanceof String code && offered(form, question, code) ? null
                    : "validation.answer.code";
            case SEVERAL_CHOICES -> value instanceof List<?> codes && codes.size() <= FormProblems.MAX_CODES
                    && codes.stream().allMatch(code -> code instanceof String text && offered(form, question, text))
                    && new HashSet<>(codes).size() == codes.size() ? null : "validation.answer.codes";
        };
    }

    private static boolean offered(FormDefinition form, Question question, String code) {
        return form.codeLists().getOrDefault(question.codeList(), List.of()).stream()
                .anyMatch(offered -> offered.code().equals(code) && !offered.retired());
    }

    private static String codes(FormDefinition form, Question question) {
        return question.codeList() == null ? "" : String.join(", ", form.codeLists()
                .getOrDefault(question.codeList(), List.of()).stream().filter(code -> !code.retired())
                .map(Code::code).toList());
    }

    /** A refusal at the answer's place, its message naming the question by its label in the user's language. */
    private Violation refusal(int index, String questionId, Question question, String code, String key,
            Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        String path = "initiatives[" + index + "].answers" + (questionId == null ? "" : "." + questionId);
        String message = messages.getMessage(key, arguments, key, locale);
        String label = question == null ? path
                : "« " + ("en".equals(locale.getLanguage()) ? question.en() : question.fr()) + " » (" + question.id() + ")";
        return new Violation(path, code, messages.getMessage("validation.format", new Object[] {label, message},
                label + " : " + message, locale));
    }
}
