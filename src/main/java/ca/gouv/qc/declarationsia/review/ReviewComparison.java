package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.form.AnswerTexts;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a reviewer needs beside the declaration: for each initiative and field (the catalogue's, in its order), its
 * value in the previous submission and in last year's declaration, when they differ; then its answers to the questions
 * of the campaign's form version (issue 26), the same way, a question last year's version did not ask said to be new.
 */
@Component
class ReviewComparison {

    /** One field of one initiative: its value now, and the earlier values that differ (null when the same). */
    record Line(String field, String labelKey, Object now, Object previousSubmission, Object lastYear, boolean changedSinceSubmission,
            boolean changedSinceLastYear) {
    }

    /**
     * One answer of one initiative to a question of the campaign's version, as the reviewer reads it (labels in the
     * reader's language, « Sans réponse » for none, as the respondent's page says it): now, and the earlier answers
     * that differ.
     *
     * @param newQuestion last year's declaration had the initiative, but its version did not ask this question
     */
    record AnswerLine(String questionId, String question, String now, String previousSubmission, String lastYear,
            boolean changedSinceSubmission, boolean changedSinceLastYear, boolean newQuestion) {
    }

    record InitiativeLines(InitiativeSnapshot initiative, boolean newThisYear, List<Line> lines, List<AnswerLine> answers) {
    }

    /**
     * What stands for an earlier answer there is nothing to compare with: no previous submission, the initiative not
     * declared last year, or the question not asked then (the page shows an earlier answer only when it differs).
     */
    static final String NONE = "—";

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final DeclarationHistory history;
    private final ObjectMapper json;
    private final DeclarationService declarations;
    private final ReviewQuestions questions;
    private final MessageSource messages;
    private final DeclarationAnswers answered;

    ReviewComparison(DeclarationHistory history, ObjectMapper json, DeclarationService declarations,
            ReviewQuestions questions, MessageSource messages, DeclarationAnswers answered) {
        this.answered = answered;
        this.history = history;
        this.json = json;
        this.declarations = declarations;
        this.questions = questions;
        this.messages = messages;
    }

    List<InitiativeLines> compare(Declaration declaration) {
        Map<String, Map<String, Object>> previous = byId(previousSubmission(declaration.id()));
        Optional<Declaration> lastYearDeclaration = declarations.previousYearOf(declaration);
        Map<String, Map<String, Object>> lastYear = byId(lastYearDeclaration
                .map(last -> last.initiatives().stream().map(this::asMap).toList()).orElse(List.of()));
        FormDefinition form = questions.formOf(declaration.campaignYear());
        // which questions last year's version asked: one it did not is new to an initiative declared then
        FormDefinition lastYearForm = form.askedQuestions().isEmpty() ? null
                : lastYearDeclaration.map(last -> questions.formOf(last.campaignYear())).orElse(null);
        Locale locale = LocaleContextHolder.getLocale();
        List<InitiativeLines> result = new ArrayList<>();
        // a question whose condition does not hold was not asked: no line for it (its answer is not kept either)
        java.util.Iterator<Set<String>> asked = (form.askedQuestions().isEmpty()
                ? java.util.Collections.<Set<String>>nCopies(declaration.initiatives().size(), Set.of())
                : answered.asked(declaration)).iterator();
        for (InitiativeSnapshot initiative : declaration.initiatives()) {
            Map<String, Object> now = asMap(initiative);
            Set<String> askedHere = asked.next();
            Map<String, Object> before = previous.get(initiative.initiativeId());
            Map<String, Object> year = lastYear.get(initiative.initiativeId());
            List<Line> lines = new ArrayList<>();
            for (FieldCatalogue.Field field : FieldCatalogue.initiative()) {
                if (field.type() == FieldCatalogue.Type.ID) {
                    continue; // the initiative's heading
                }
                Object value = now.get(field.name());
                Object submitted = before == null ? null : before.get(field.name());
                Object declared = year == null ? null : year.get(field.name());
                lines.add(new Line(field.name(), field.labelKey(), value, submitted, declared,
                        before != null && !Objects.equals(submitted, value), year != null && !Objects.equals(declared, value)));
            }
            result.add(new InitiativeLines(initiative, year == null, lines, answerLines(form, askedHere, answers(now),
                    before == null ? null : answers(before), lastYearForm, year == null ? null : answers(year), locale,
                    messages)));
        }
        return result;
    }

    /**
     * The lines of an initiative's answers to the questions its version asks, in their order.
     *
     * @param asked the questions asked of the initiative (one whose condition does not hold has no line)
     * @param submitted the answers of the previous submission, null when there was none
     * @param lastYearForm the version last year's declaration was made on (what it asked), null when there was none
     * @param lastYear the initiative's answers last year, null when it was not declared last year
     */
    static List<AnswerLine> answerLines(FormDefinition form, Set<String> asked, Map<String, Object> now,
            Map<String, Object> submitted, FormDefinition lastYearForm, Map<String, Object> lastYear, Locale locale,
            MessageSource messages) {
        List<AnswerLine> lines = new ArrayList<>();
        for (Question question : form.askedQuestions()) {
            if (!asked.contains(question.id())) {
                continue;
            }
            Object value = now.get(question.id());
            Object given = submitted == null ? null : submitted.get(question.id());
            Optional<Question> askedLastYear = lastYearForm == null ? Optional.empty() : lastYearForm.askedQuestions()
                    .stream().filter(earlier -> earlier.id().equals(question.id())).findFirst();
            boolean newQuestion = lastYear != null && askedLastYear.isEmpty();
            Object declared = lastYear == null ? null : lastYear.get(question.id());
            lines.add(new AnswerLine(question.id(), AnswerTexts.question(question, locale),
                    AnswerTexts.answerOrNone(form, question, value, locale, messages),
                    submitted == null ? NONE : AnswerTexts.answerOrNone(form, question, given, locale, messages),
                    // read with this year's labels: a choice retired since says so
                    lastYear != null && askedLastYear.isPresent()
                            ? AnswerTexts.answerOrNone(form, question, declared, locale, messages) : NONE,
                    submitted != null && !same(given, value),
                    lastYear != null && !newQuestion && !same(declared, value), newQuestion));
        }
        return lines;
    }

    /** No answer is no answer, however it was left (absent, blank, no choice). */
    private static boolean same(Object a, Object b) {
        return Objects.equals(blankToNull(a), blankToNull(b));
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isBlank() || value instanceof Collection<?> chosen && chosen.isEmpty()
                ? null : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answers(Map<String, Object> initiative) {
        return initiative.get("answers") instanceof Map<?, ?> answers ? (Map<String, Object>) answers : Map.of();
    }

    private List<Map<String, Object>> previousSubmission(long declarationId) {
        return history.initiativesSubmittedBeforeLatest(declarationId).map(this::parse).orElse(List.of());
    }

    private Map<String, Object> asMap(InitiativeSnapshot initiative) {
        return json.convertValue(initiative, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private List<Map<String, Object>> parse(String text) {
        try {
            return json.readValue(text, ROWS);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable submission copy", e);
        }
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> String.valueOf(row.get("initiativeId")), Function.identity(),
                (a, b) -> a));
    }
}
