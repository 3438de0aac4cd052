package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Versions of the form made by tests, as a coordinator makes them: the next one from the newest, through
 * {@link FormVersions#create} (so it holds together). Versions are shared by every test of the run and a question once
 * asked is retired, never removed: the newest's questions that a test does not ask again come along retired.
 */
public final class TestForms {

    private TestForms() {
    }

    /** The next version: the newest's code lists and fields, these lists added (or replacing theirs), these questions. */
    public static FormDefinition next(FormVersions forms, Map<String, List<Code>> lists, List<Question> questions) {
        return SystemAuthentication.runAsSystem(() -> {
            int newest = forms.newest();
            FormDefinition base = forms.get(newest);
            Map<String, List<Code>> codeLists = new LinkedHashMap<>(base.codeLists());
            codeLists.putAll(lists);
            Set<String> asked = questions.stream().map(Question::id).collect(Collectors.toSet());
            List<Question> all = new ArrayList<>(questions);
            if (base.questions() != null) {
                base.questions().stream().filter(earlier -> !asked.contains(earlier.id())).map(TestForms::retired)
                        .forEach(all::add);
            }
            return forms.create(new FormDefinition(newest + 1, newest, codeLists, base.fields(), all));
        });
    }

    public static Code code(String code, String fr, String en) {
        return new Code(code, fr, en, false, null);
    }

    public static Code retiredCode(String code, String fr, String en) {
        return new Code(code, fr, en, true, null);
    }

    /** A question asked of every initiative, optional. */
    public static Question question(String id, String type, String fr, String en, String codeList, boolean published) {
        return new Question(id, type, fr, en, null, null, codeList, false, published, false, null);
    }

    private static Question retired(Question question) {
        return new Question(question.id(), question.type(), question.fr(), question.en(), question.helpFr(),
                question.helpEn(), question.codeList(), false, question.published(), true, null);
    }
}
