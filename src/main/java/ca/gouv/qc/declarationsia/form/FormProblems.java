package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.PublishedStatus;
import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.FieldRule;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormDefinition.QuestionType;
import ca.gouv.qc.declarationsia.form.FormDefinition.When;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.TextRules;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Whether a form's definition holds together, every problem at once, each naming its place
 * ({@code codeLists.category[3].en}, {@code questions[2].when.question}): nothing is stored until there is none.
 */
@Component
class FormProblems {

    static final int MAX_QUESTIONS = 300;
    static final int MAX_CODES = 600;
    static final int MAX_LISTS = 100;
    /** Far more than the catalogue's fields: a longer map is no definition, and its every key would be a problem. */
    static final int MAX_FIELDS = 100;
    static final int MAX_LABEL = 500;
    static final int MAX_HELP = 2000;
    static final String CODE_PATTERN = "^[A-Z0-9_]{1,60}$";
    static final String ID_PATTERN = "^[a-z][A-Za-z0-9]{1,59}$";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    /** What the Portrait and the carry-over cannot do without: never left unasked. */
    private static final Set<String> ALWAYS_ASKED = Set.of("id", "name", "category", "phase");
    private static final Set<String> PORTRAIT_CATEGORIES = Arrays.stream(Category.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PORTRAIT_STATUSES = Set.of(PublishedStatus.SOLUTION_EN_PRODUCTION.name(),
            PublishedStatus.DEVELOPPEMENT_SOLUTION.name(), FormDefinition.NOT_PUBLISHED);

    private final InputValidator validator;
    private final org.springframework.context.MessageSource messages;

    FormProblems(InputValidator validator, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.validator = validator;
    }

    /**
     * Every reason {@code form} cannot be the next version after {@code newest}, made from {@code base} (null when its
     * {@code basedOn} names no version).
     */
    List<Violation> of(FormDefinition form, int newest, FormDefinition base) {
        Check check = new Check();
        if (form.version() == null) {
            check.add("version", "Required", "validation.required");
        } else if (form.version() != newest + 1) {
            check.add("version", "NotNext", "validation.form.notNext", newest + 1);
        }
        if (form.basedOn() == null) {
            check.add("basedOn", "Required", "validation.required");
        } else if (base == null) {
            check.add("basedOn", "Unknown", "validation.form.unknownVersion", form.basedOn());
        }
        Map<String, List<Code>> lists = form.codeLists() == null ? Map.of() : form.codeLists();
        List<Question> questions = form.questions() == null ? List.of() : form.questions();
        int codes = lists.values().stream().mapToInt(list -> list == null ? 0 : list.size()).sum();
        // too large: said once, nothing more read
        if (lists.size() > MAX_LISTS) {
            check.add("codeLists", "TooLarge", "validation.form.tooManyLists", MAX_LISTS);
        }
        if (codes > MAX_CODES) {
            check.add("codeLists", "TooLarge", "validation.form.tooManyCodes", MAX_CODES);
        }
        if (questions.size() > MAX_QUESTIONS) {
            check.add("questions", "TooLarge", "validation.form.tooManyQuestions", MAX_QUESTIONS);
        }
        if (form.fields() != null && form.fields().size() > MAX_FIELDS) {
            check.add("fields", "TooLarge", "validation.form.tooManyFields", MAX_FIELDS);
        }
        if (!check.violations.isEmpty() && check.violations.stream().anyMatch(v -> "TooLarge".equals(v.code()))) {
            return check.violations;
        }
        if (form.codeLists() == null) {
            check.add("codeLists", "Required", "validation.required");
        }
        lists.forEach((id, list) -> codeList(check, id, list));
        fields(check, form.fields(), lists);
        questions(check, questions, lists, form.fields());
        if (base != null) {
            keptFrom(check, base, lists, questions);
        }
        return check.violations;
    }

    private void codeList(Check check, String id, List<Code> list) {
        String path = "codeLists." + id;
        if (!ID.matcher(id).matches()) {
            check.add(path, "Pattern", "validation.form.listId");
            return;
        }
        if (list == null || list.isEmpty()) {
            check.add(path, "NotEmpty", "validation.form.emptyList");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            Code code = list.get(i);
            if (code == null) {
                check.add(at, "Required", "validation.required");
                continue;
            }
            if (code.code() == null || !CODE.matcher(code.code()).matches()) {
                check.add(at + ".code", "Pattern", "validation.form.code");
            } else if (!seen.add(code.code())) {
                check.add(at + ".code", "Duplicate", "validation.form.duplicateCode", code.code());
            }
            label(check, at + ".fr", code.fr(), true);
            label(check, at + ".en", code.en(), true);
            if ("category".equals(id) && (code.portrait() == null || !PORTRAIT_CATEGORIES.contains(code.portrait()))) {
                check.add(at + ".portrait", "PortraitMapping", "validation.form.categoryPortrait",
                        String.join(", ", new java.util.TreeSet<>(PORTRAIT_CATEGORIES)));
            } else if ("phase".equals(id) && (code.portrait() == null || !PORTRAIT_STATUSES.contains(code.portrait()))) {
                check.add(at + ".portrait", "PortraitMapping", "validation.form.phasePortrait");
            } else if (!"category".equals(id) && !"phase".equals(id) && code.portrait() != null) {
                check.add(at + ".portrait", "NotAllowed", "validation.form.portraitNotHere");
            }
        }
    }

    private void fields(Check check, Map<String, FieldRule> fields, Map<String, List<Code>> lists) {
        if (fields == null) {
            check.add("fields", "Required", "validation.required");
            return;
        }
        Set<String> catalogue = FieldCatalogue.asked().stream().map(FieldCatalogue.Field::name)
                .collect(Collectors.toSet());
        fields.keySet().stream().filter(name -> !catalogue.contains(name))
                .forEach(name -> check.add("fields." + name, "Unknown", "validation.form.unknownField", name));
        for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
            String path = "fields." + field.name();
            FieldRule rule = fields.get(field.name());
            if (rule == null || rule.asked() == null || rule.required() == null) {
                check.add(path, "Required", "validation.form.fieldRule");
                continue;
            }
            if (!rule.asks() && ALWAYS_ASKED.contains(field.name())) {
                check.add(path + ".asked", "AlwaysAsked", "validation.form.alwaysAsked");
            }
            if (rule.requires() && !rule.asks()) {
                check.add(path + ".required", "NotAsked", "validation.form.requiredNotAsked");
            }
            if (field.coded() && rule.asks()) {
                List<Code> list = lists.get(field.name());
                if (list == null) {
                    check.add("codeLists." + field.name(), "Required", "validation.form.listMissing", field.name());
                } else if (rule.requires() && !list.isEmpty()
                        && list.stream().allMatch(code -> code == null || code.retired())) {
                    check.add(path + ".required", "RetiredRequired", "validation.form.allRetired", field.name());
                }
            }
        }
    }

    private void questions(Check check, List<Question> questions, Map<String, List<Code>> lists,
            Map<String, FieldRule> fields) {
        Map<String, Question> earlier = new HashMap<>();
        Set<String> allIds = questions.stream().filter(java.util.Objects::nonNull).map(Question::id)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (int i = 0; i < questions.size(); i++) {
            String at = "questions[" + i + "]";
            Question question = questions.get(i);
            if (question == null) {
                check.add(at, "Required", "validation.required");
                continue;
            }
            if (question.id() == null || !ID.matcher(question.id()).matches()) {
                check.add(at + ".id", "Pattern", "validation.form.questionId");
            } else if (FieldCatalogue.find(question.id()).isPresent()) {
                check.add(at + ".id", "Duplicate", "validation.form.questionIsField", question.id());
            } else if (earlier.containsKey(question.id())) {
                check.add(at + ".id", "Duplicate", "validation.form.duplicateQuestion", question.id());
            }
            QuestionType type = type(question.type());
            if (type == null) {
                check.add(at + ".type", "UnknownType", "validation.form.unknownType", String.valueOf(question.type()),
                        Arrays.stream(QuestionType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
            label(check, at + ".fr", question.fr(), true);
            label(check, at + ".en", question.en(), true);
            help(check, at + ".helpFr", question.helpFr());
            help(check, at + ".helpEn", question.helpEn());
            boolean choice = type == QuestionType.ONE_CHOICE || type == QuestionType.SEVERAL_CHOICES;
            // a list given as null is refused at its own place, and offers this question nothing
            if (choice && (question.codeList() == null || lists.get(question.codeList()) == null)) {
                check.add(at + ".codeList", "Unknown", "validation.form.unknownList", String.valueOf(question.codeList()));
            } else if (!choice && type != null && question.codeList() != null) {
                check.add(at + ".codeList", "NotAllowed", "validation.form.listNotHere");
            } else if (choice && question.required() && !question.retired()
                    && lists.get(question.codeList()).stream().allMatch(code -> code == null || code.retired())) {
                check.add(at + ".required", "RetiredRequired", "validation.form.allRetired", question.codeList());
            }
            if (question.retired() && question.required()) {
                check.add(at + ".required", "RetiredRequired", "validation.form.retiredQuestionRequired");
            }
            if (question.when() != null) {
                condition(check, at + ".when", question, question.when(), earlier, allIds, lists, fields);
            }
            if (question.id() != null) {
                earlier.putIfAbsent(question.id(), question);
            }
        }
    }

    /** A condition names one field or one earlier question still asked, and a value it can have today. */
    private void condition(Check check, String at, Question question, When when, Map<String, Question> earlier,
            Set<String> allIds, Map<String, List<Code>> lists, Map<String, FieldRule> fields) {
        if ((when.field() == null) == (when.question() == null)) {
            check.add(at, "OneTarget", "validation.form.conditionTarget");
            return;
        }
        List<Code> codes = null;
        boolean yesNo;
        if (when.field() != null) {
            FieldCatalogue.Field field = FieldCatalogue.find(when.field()).filter(FieldCatalogue.Field::asked)
                    .orElse(null);
            if (field == null || !(field.yesNo() || field.coded())) {
                check.add(at + ".field", "Unknown", "validation.form.conditionField", when.field());
                return;
            }
            if (fields != null && fields.get(field.name()) != null && !fields.get(field.name()).asks()) {
                check.add(at + ".field", "NotAsked", "validation.form.conditionNotAsked", when.field());
                return;
            }
            yesNo = field.yesNo();
            codes = field.coded() ? lists.get(field.name()) : null;
        } else {
            Question target = earlier.get(when.question());
            if (target == null) {
                check.add(at + ".question", "Unknown", allIds.contains(when.question())
                        && !when.question().equals(question.id()) ? "validation.form.conditionLater"
                        : "validation.form.conditionQuestion", when.question());
                return;
            }
            if (target.retired()) {
                check.add(at + ".question", "Retired", "validation.form.conditionRetired", when.question());
                return;
            }
            QuestionType type = type(target.type());
            if (type != QuestionType.YES_NO && type != QuestionType.ONE_CHOICE && type != QuestionType.SEVERAL_CHOICES) {
                check.add(at + ".question", "NotChoice", "validation.form.conditionNotChoice", when.question());
                return;
            }
            yesNo = type == QuestionType.YES_NO;
            codes = yesNo ? null : lists.get(target.codeList());
        }
        String value = when.value();
        if (yesNo) {
            if (!"true".equals(value) && !"false".equals(value)) {
                check.add(at + ".value", "YesNo", "validation.form.conditionYesNo");
            }
        } else if (codes != null) {
            Code code = codes.stream().filter(c -> c != null && c.code() != null && c.code().equals(value)).findFirst()
                    .orElse(null);
            if (code == null) {
                check.add(at + ".value", "Unknown", "validation.form.conditionCode", String.valueOf(value));
            } else if (code.retired()) {
                check.add(at + ".value", "RetiredRequired", "validation.form.conditionRetiredCode", value);
            }
        }
    }

    /**
     * The lists the coordinators' page adds to the lists of {@code base}, by the ids typed in their order: each needs
     * an id, and one no list of {@code base} has, nor an earlier new list (the API's {@code codeLists} is an object:
     * a key given twice is refused as it is read). Each problem at the new list's id, {@code newLists[0].id}; the
     * rest of a new list is the definition's, checked by {@link #of} as any list.
     */
    List<Violation> addedLists(List<String> ids, FormDefinition base) {
        Check check = new Check();
        Set<String> taken = base == null ? Set.of() : base.codeLists().keySet();
        Set<String> earlier = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String at = "newLists[" + i + "].id";
            if (id == null || id.isBlank()) {
                check.add(at, "Required", "validation.form.listIdMissing");
            } else if (taken.contains(id)) {
                check.add(at, "Duplicate", "validation.form.listTaken", id);
            } else if (!earlier.add(id)) {
                check.add(at, "Duplicate", "validation.form.listTwice", id);
            }
        }
        return check.violations;
    }

    /** What the base version offered stays: a code or a question is retired, never removed (past answers read on). */
    private void keptFrom(Check check, FormDefinition base, Map<String, List<Code>> lists, List<Question> questions) {
        base.codeLists().forEach((id, codes) -> {
            List<Code> given = lists.get(id);
            Set<String> now = (given == null ? List.<Code>of() : given).stream().filter(java.util.Objects::nonNull)
                    .map(Code::code).collect(Collectors.toSet());
            codes.stream().map(Code::code).filter(code -> !now.contains(code)).forEach(code -> check.add(
                    "codeLists." + id, "Removed", "validation.form.codeRemoved", code, base.version()));
        });
        Set<String> now = questions.stream().filter(java.util.Objects::nonNull).map(Question::id)
                .collect(Collectors.toSet());
        (base.questions() == null ? List.<Question>of() : base.questions()).stream().map(Question::id)
                .filter(id -> !now.contains(id)).forEach(id -> check.add("questions", "Removed",
                        "validation.form.questionRemoved", id, base.version()));
    }

    private void label(Check check, String path, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                check.add(path, "Required", path.endsWith("en") ? "validation.form.englishMissing"
                        : "validation.form.frenchMissing");
            }
            return;
        }
        if (text.length() > MAX_LABEL) {
            check.add(path, "Size", "validation.form.labelLength", MAX_LABEL);
        }
        if (TextRules.hasControl(text) || TextRules.hasDirectionOverride(text)) {
            check.add(path, "ControlCharacter", "validation.form.controlCharacter");
        }
    }

    private void help(Check check, String path, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_HELP) {
            check.add(path, "Size", "validation.form.labelLength", MAX_HELP);
        }
        if (TextRules.hasControlBesideLineBreaks(text) || TextRules.hasDirectionOverride(text)) {
            check.add(path, "ControlCharacter", "validation.form.controlCharacter");
        }
    }

    static QuestionType type(String name) {
        return Arrays.stream(QuestionType.values()).filter(type -> type.name().equals(name)).findFirst().orElse(null);
    }

    /** The violations found so far, in the order the definition reads. */
    private final class Check {
        private final List<Violation> violations = new ArrayList<>();

        void add(String path, String code, String key, Object... arguments) {
            String place = place(path);
            violations.add(place == null ? validator.violation(path, code, key, arguments)
                    : validator.labelledViolation(path, place, code, key, arguments));
        }
    }

    private static final Pattern CODE_PLACE = Pattern.compile("codeLists\\.([^.\\[]+)(?:\\[(\\d+)](?:\\.(\\w+))?)?");
    private static final Pattern QUESTION_PLACE = Pattern.compile("questions\\[(\\d+)](?:\\.([\\w.]+))?");
    private static final Pattern FIELD_PLACE = Pattern.compile("fields\\.(\\w+)(?:\\.(\\w+))?");

    /**
     * A place of the definition as a coordinator reads it (« Liste transparencyMeasure, code 2, libellé anglais »)
     * rather than its path; null for a place the bundle names ({@code version}, {@code basedOn}).
     */
    private String place(String path) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.regex.Matcher code = CODE_PLACE.matcher(path);
        if (code.matches()) {
            String list = messages.getMessage("form.place.list", new Object[] {code.group(1)}, locale);
            if (code.group(2) == null) {
                return list;
            }
            String entry = messages.getMessage("form.place.code", new Object[] {list, Integer.parseInt(code.group(2)) + 1},
                    locale);
            return code.group(3) == null ? entry : entry + ", " + part(code.group(3), locale);
        }
        java.util.regex.Matcher question = QUESTION_PLACE.matcher(path);
        if (question.matches()) {
            String number = messages.getMessage("form.place.question", new Object[] {Integer.parseInt(question.group(1)) + 1},
                    locale);
            return question.group(2) == null ? number : number + ", " + part(question.group(2), locale);
        }
        java.util.regex.Matcher field = FIELD_PLACE.matcher(path);
        if (field.matches()) {
            String label = messages.getMessage("field." + field.group(1), null, field.group(1), locale);
            String named = messages.getMessage("form.place.field", new Object[] {label}, locale);
            return field.group(2) == null ? named : named + ", " + part(field.group(2), locale);
        }
        return null;
    }

    /** One part of a place (code, fr, en, when.value…), its own words, or as given when the bundle has none. */
    private String part(String part, java.util.Locale locale) {
        return messages.getMessage("form.place.part." + part, null, part, locale);
    }
}
