package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.form.FormDefinition.QuestionType;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A declaration's answers checked by the version of the form its campaign asks ({@link AnswerRules}): a draft's must be
 * well formed, a submission's complete; last year's answers are carried into a new campaign only where its version
 * still asks them. The campaign's version is read from campaign's view {@code campaign_form}; a draft without answers
 * reads nothing.
 */
@Component
class FormAnswers implements DeclarationAnswers {

    private final JdbcClient jdbc;
    private final FormVersions forms;
    private final AnswerRules rules;
    private final MessageSource messages;

    FormAnswers(JdbcClient jdbc, FormVersions forms, AnswerRules rules, MessageSource messages) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.rules = rules;
        this.messages = messages;
    }

    @Override
    public List<Violation> shape(int campaignYear, List<InitiativeForm> initiatives) {
        if (initiatives.stream().filter(Objects::nonNull).allMatch(initiative -> initiative.answers() == null)) {
            return List.of();
        }
        FormDefinition form = formOf(campaignYear);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < initiatives.size(); i++) {
            InitiativeForm initiative = initiatives.get(i);
            if (initiative != null) {
                violations.addAll(rules.shape(form, i, initiative.answers()));
            }
        }
        return violations;
    }

    @Override
    public List<Violation> missing(Declaration declaration) {
        FormDefinition form = formOf(declaration.campaignYear());
        if (form.askedQuestions().isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<InitiativeSnapshot> initiatives = declaration.initiatives();
        for (int i = 0; i < initiatives.size(); i++) {
            InitiativeSnapshot initiative = initiatives.get(i);
            Map<String, Object> answers = initiative.answers() == null ? Map.of() : initiative.answers().values();
            violations.addAll(rules.missing(form, i, field -> fieldValue(initiative, field), answers));
        }
        return violations;
    }

    @Override
    public Carried carry(int campaignYear, Map<String, Object> lastYear) {
        if (lastYear == null || lastYear.isEmpty()) {
            return new Carried(Map.of(), List.of());
        }
        FormDefinition form = formOf(campaignYear);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> kept = new LinkedHashMap<>();
        List<DroppedChoice> dropped = new ArrayList<>();
        for (FormDefinition.Question question : form.askedQuestions()) {
            Object value = lastYear.get(question.id());
            if (value == null) {
                continue;
            }
            QuestionType type = FormProblems.type(question.type());
            List<String> retired = retiredCodes(form, question, type, value);
            if (!retired.isEmpty()) {
                dropped.add(new DroppedChoice(question.id(), AnswerTexts.question(question, locale), retired.stream()
                        .map(code -> AnswerTexts.code(form, question, code, locale, messages))
                        .collect(Collectors.joining(AnswerTexts.CHOICES_SEPARATOR))));
                if (type != QuestionType.SEVERAL_CHOICES) {
                    continue;
                }
                value = ((List<?>) value).stream().filter(code -> !retired.contains(String.valueOf(code))).toList();
                if (((List<?>) value).isEmpty()) {
                    continue;
                }
            }
            // a value the question no longer takes (it asks something else now) stays with last year
            if (rules.shape(form, 0, Map.of(question.id(), value)).isEmpty()) {
                kept.put(question.id(), value);
            }
        }
        return new Carried(kept, dropped);
    }

    /** The codes of a choice answer that the version retired. */
    private static List<String> retiredCodes(FormDefinition form, FormDefinition.Question question, QuestionType type, Object value) {
        if (type == QuestionType.ONE_CHOICE && value instanceof String code) {
            return AnswerTexts.retired(form, question, code) ? List.of(code) : List.of();
        }
        if (type == QuestionType.SEVERAL_CHOICES && value instanceof List<?> codes) {
            return codes.stream().map(String::valueOf).filter(code -> AnswerTexts.retired(form, question, code))
                    .toList();
        }
        return List.of();
    }

    @Override
    public List<Question> questions(int campaignYear) {
        FormDefinition form = formOf(campaignYear);
        return form.askedQuestions().stream().map(question -> new Question(question.id(),
                Kind.valueOf(FormProblems.type(question.type()).name()), question.fr(), question.en(),
                question.helpFr(), question.helpEn(), question.required(),
                question.when() == null ? null : new Condition(question.when().field(), question.when().question(),
                        question.when().value()),
                question.codeList() == null ? List.of() : form.codeLists().getOrDefault(question.codeList(), List.of())
                        .stream().filter(code -> !code.retired())
                        .map(code -> new Choice(code.code(), code.fr(), code.en())).toList())).toList();
    }

    @Override
    public List<Set<String>> asked(int campaignYear, List<InitiativeForm> initiatives) {
        FormDefinition form = formOf(campaignYear);
        return initiatives.stream().map(initiative -> rules.asked(form, field -> fieldValue(initiative, field),
                initiative.answers())).toList();
    }

    @Override
    public List<Set<String>> asked(Declaration declaration) {
        FormDefinition form = formOf(declaration.campaignYear());
        return declaration.initiatives().stream().map(initiative -> asked(form, initiative)).toList();
    }

    /** The page's rule: a question whose condition does not hold was not asked, whatever the row holds. */
    private Set<String> asked(FormDefinition form, InitiativeSnapshot initiative) {
        return rules.asked(form, field -> fieldValue(initiative, field), answersOf(initiative));
    }

    private static Map<String, Object> answersOf(InitiativeSnapshot initiative) {
        return initiative.answers() == null ? Map.of() : initiative.answers().values();
    }

    @Override
    public ReadAnswers read(Declaration declaration, Locale locale) {
        int version = versionOf(declaration.campaignYear());
        FormDefinition form = forms.get(version);
        List<List<ReadAnswer>> initiatives = new ArrayList<>();
        if (form.askedQuestions().isEmpty()) {
            return new ReadAnswers(version, initiatives);
        }
        for (InitiativeSnapshot initiative : declaration.initiatives()) {
            Map<String, Object> answers = answersOf(initiative);
            Set<String> asked = asked(form, initiative);
            initiatives.add(form.askedQuestions().stream().filter(question -> asked.contains(question.id()))
                    .map(question -> new ReadAnswer(question.id(), AnswerTexts.question(question, locale),
                            AnswerTexts.parts(form, question, answers.get(question.id()), locale, messages)))
                    .toList());
        }
        return new ReadAnswers(version, initiatives);
    }

    private FormDefinition formOf(int campaignYear) {
        return forms.get(versionOf(campaignYear));
    }

    private int versionOf(int campaignYear) {
        return jdbc.sql("select form_version from campaign_form where campaign_year = :year")
                .param("year", campaignYear).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("error.campaign.notFound", campaignYear));
    }

    /**
     * A catalogue field's value as the API names it: a code by its name, a month as YYYY-MM, yes or no a boolean (of a
     * stored snapshot or of a form being saved).
     */
    private static Object fieldValue(Record initiative, String name) {
        Object value = FieldCatalogue.find(name).filter(field -> field.scope() == FieldCatalogue.Scope.INITIATIVE)
                .map(field -> FieldCatalogue.value(field, initiative)).orElse(null);
        if (value instanceof Enum<?> code) {
            return code.name();
        }
        return value instanceof YearMonth month ? month.toString() : value;
    }
}
