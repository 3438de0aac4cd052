package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationAnswers;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A declaration's answers checked by the version of the form its campaign asks ({@link AnswerRules}): a draft's must be
 * well formed, a submission's complete. The campaign's version is read from campaign's view {@code campaign_form};
 * a draft without answers reads nothing.
 */
@Component
class FormAnswers implements DeclarationAnswers {

    private final JdbcClient jdbc;
    private final FormVersions forms;
    private final AnswerRules rules;

    FormAnswers(JdbcClient jdbc, FormVersions forms, AnswerRules rules) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.rules = rules;
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

    private FormDefinition formOf(int campaignYear) {
        int version = jdbc.sql("select form_version from campaign_form where campaign_year = :year")
                .param("year", campaignYear).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("error.campaign.notFound", campaignYear));
        return forms.get(version);
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
