package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormDefinition.FieldRule;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormDefinition.When;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next version as the coordinators' page holds it between two posts: the newest version with what the coordinator
 * changed, and the rows added. Each input is named by its place in the definition, as the API's problems name it
 * ({@code codeLists.category[3].en}, {@code fields.riskLevel.required}, {@code questions[2].when}), so a problem shows
 * beside its input. Whether it holds together is {@link FormProblems}'s to say, as for the API.
 * A row in the place the base version has it, with its code or id, is that code or question: it keeps its code, id
 * and type (a code or a question is retired, never removed or renamed).
 * A code list the page adds ({@code added}) is typed before its id is known: its inputs are named by its row
 * ({@code newLists[0].id}, {@code newLists[0][2].fr}) and its problems, named as the API names them
 * ({@code codeLists.transparency[2].fr}), are shown there ({@link #place}).
 */
public record FormDraft(int version, int basedOn, List<CodeList> lists, List<CodeList> added, List<FieldRow> fields,
        List<QuestionRow> questions) {

    /** A row index beyond this is no row of a definition the problems would accept anyway. */
    private static final int MAX_INDEX = 999;
    private static final Pattern CODE_INPUT = Pattern.compile(
            "^codeLists\\.([a-z][A-Za-z0-9]{1,59})\\[(\\d{1,3})]\\.(code|fr|en|portrait|retired)$");
    private static final Pattern QUESTION_INPUT = Pattern.compile(
            "^questions\\[(\\d{1,3})]\\.(id|type|fr|en|helpFr|helpEn|codeList|required|public|retired|when|when\\.value)$");
    /** More new lists than this in one post is no draft a coordinator typed. */
    private static final int MAX_ADDED = 20;
    private static final Pattern ADDED_ID = Pattern.compile("^newLists\\[(\\d{1,2})]\\.id$");
    private static final Pattern ADDED_CODE = Pattern.compile("^newLists\\[(\\d{1,2})]\\[(\\d{1,3})]\\.(code|fr|en)$");
    /** Blank rows a new list offers until it has this many. */
    private static final int NEW_LIST_ROWS = 3;

    /** A code list: a catalogue field's codes, or a choice question's. */
    public record CodeList(String id, List<CodeRow> codes) {

        /** Categories and phases say what each code counts as in the Portrait. */
        public boolean mapsToPortrait() {
            return "category".equals(id) || "phase".equals(id);
        }

        /** The bundle key of its label: the catalogue field's, or none for a question's list. */
        public String labelKey() {
            return FieldCatalogue.find(id).map(FieldCatalogue.Field::labelKey).orElse(null);
        }
    }

    /** @param known offered by the base version: its code stays (retire it rather) */
    public record CodeRow(String code, String fr, String en, String portrait, boolean retired, boolean known) {

        boolean blank() {
            return empty(code) && empty(fr) && empty(en) && empty(portrait) && !retired;
        }
    }

    public record FieldRow(String name, boolean asked, boolean required) {

        public String labelKey() {
            return FieldCatalogue.find(name).map(FieldCatalogue.Field::labelKey).orElse(name);
        }
    }

    /**
     * @param when the condition's target as the page's list offers it: {@code field:generativeAi},
     *        {@code question:guidanceFollowed}, or empty
     * @param known asked by the base version: its id and type stay (retire it rather)
     */
    public record QuestionRow(String id, String type, String fr, String en, String helpFr, String helpEn, String codeList,
            boolean required, boolean published, boolean retired, String when, String whenValue, boolean known) {

        boolean blank() {
            return empty(id) && empty(fr) && empty(en) && empty(helpFr) && empty(helpEn) && empty(codeList)
                    && empty(when) && empty(whenValue) && !required && !published && !retired;
        }
    }

    /** The newest version, to be changed into the next one. */
    static FormDraft from(FormDefinition newest) {
        List<CodeList> lists = new ArrayList<>();
        newest.codeLists().forEach((id, codes) -> lists.add(new CodeList(id, codes.stream()
                .map(code -> new CodeRow(code.code(), code.fr(), code.en(), code.portrait(), code.retired(), true))
                .toList())));
        List<FieldRow> fields = FieldCatalogue.asked().stream().map(field -> {
            FieldRule rule = newest.fields().get(field.name());
            return new FieldRow(field.name(), rule != null && rule.asks(), rule != null && rule.requires());
        }).toList();
        List<QuestionRow> questions = (newest.questions() == null ? List.<Question>of() : newest.questions()).stream()
                .map(question -> new QuestionRow(question.id(), question.type(), question.fr(), question.en(),
                        question.helpFr(), question.helpEn(), question.codeList(), question.required(),
                        question.published(), question.retired(), target(question.when()),
                        question.when() == null ? null : question.when().value(), true))
                .toList();
        return new FormDraft(newest.version() + 1, newest.version(), lists, List.of(), fields, questions);
    }

    /**
     * The draft the page posted, made from {@code base}: the base's lists in their order (a list the page did not post
     * keeps nothing), its catalogue fields, the questions posted in their order. Rows left wholly blank are dropped.
     */
    static FormDraft read(Map<String, String[]> parameters, FormDefinition base) {
        Map<String, TreeMap<Integer, Map<String, String>>> codes = new LinkedHashMap<>();
        base.codeLists().keySet().forEach(id -> codes.put(id, new TreeMap<>()));
        TreeMap<Integer, Map<String, String>> questions = new TreeMap<>();
        TreeMap<Integer, String> addedIds = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, Map<String, String>>> addedCodes = new TreeMap<>();
        parameters.forEach((name, values) -> {
            String value = values.length == 0 ? null : values[values.length - 1];
            Matcher addedId = ADDED_ID.matcher(name);
            if (addedId.matches() && Integer.parseInt(addedId.group(1)) < MAX_ADDED) {
                addedIds.put(Integer.parseInt(addedId.group(1)), trimmed(value));
                return;
            }
            Matcher addedCode = ADDED_CODE.matcher(name);
            if (addedCode.matches() && Integer.parseInt(addedCode.group(1)) < MAX_ADDED
                    && Integer.parseInt(addedCode.group(2)) <= MAX_INDEX) {
                addedCodes.computeIfAbsent(Integer.parseInt(addedCode.group(1)), list -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(addedCode.group(2)), row -> new LinkedHashMap<>())
                        .put(addedCode.group(3), value);
                return;
            }
            Matcher code = CODE_INPUT.matcher(name);
            if (code.matches() && codes.containsKey(code.group(1)) && Integer.parseInt(code.group(2)) <= MAX_INDEX) {
                codes.get(code.group(1)).computeIfAbsent(Integer.parseInt(code.group(2)), index -> new LinkedHashMap<>())
                        .put(code.group(3), value);
                return;
            }
            Matcher question = QUESTION_INPUT.matcher(name);
            if (question.matches() && Integer.parseInt(question.group(1)) <= MAX_INDEX) {
                questions.computeIfAbsent(Integer.parseInt(question.group(1)), index -> new LinkedHashMap<>())
                        .put(question.group(2), value);
            }
        });
        List<CodeList> lists = new ArrayList<>();
        codes.forEach((id, rows) -> {
            List<Code> offered = base.codeLists().get(id);
            List<CodeRow> read = new ArrayList<>();
            for (Map<String, String> row : rows.values()) {
                String value = trimmed(row.get("code"));
                String code = value == null ? null : value.toUpperCase(Locale.ROOT);
                boolean known = read.size() < offered.size() && offered.get(read.size()).code().equals(code);
                read.add(new CodeRow(code, trimmed(row.get("fr")), trimmed(row.get("en")), trimmed(row.get("portrait")),
                        row.containsKey("retired"), known));
            }
            lists.add(new CodeList(id, read.stream().filter(row -> !row.blank()).toList()));
        });
        List<FieldRow> fields = FieldCatalogue.asked().stream().map(field -> new FieldRow(field.name(),
                parameters.containsKey("fields." + field.name() + ".asked"),
                parameters.containsKey("fields." + field.name() + ".required"))).toList();
        List<Question> before = base.questions() == null ? List.of() : base.questions();
        List<QuestionRow> asked = new ArrayList<>();
        for (Map<String, String> row : questions.values()) {
            String id = trimmed(row.get("id"));
            boolean known = id != null && asked.size() < before.size() && before.get(asked.size()).id().equals(id);
            asked.add(new QuestionRow(id, trimmed(row.get("type")), trimmed(row.get("fr")), trimmed(row.get("en")),
                    trimmed(row.get("helpFr")), trimmed(row.get("helpEn")), trimmed(row.get("codeList")),
                    row.containsKey("required"), row.containsKey("public"), row.containsKey("retired"),
                    trimmed(row.get("when")), trimmed(row.get("when.value")), known));
        }
        asked.removeIf(QuestionRow::blank);
        return new FormDraft(base.version() + 1, base.version(), lists, added(addedIds, addedCodes), fields, asked);
    }

    /** The lists the page adds, in their order: their codes in capitals, blank rows and wholly blank lists dropped. */
    private static List<CodeList> added(TreeMap<Integer, String> ids,
            TreeMap<Integer, TreeMap<Integer, Map<String, String>>> codes) {
        TreeSet<Integer> indexes = new TreeSet<>(ids.keySet());
        indexes.addAll(codes.keySet());
        List<CodeList> added = new ArrayList<>();
        for (int index : indexes) {
            List<CodeRow> rows = codes.getOrDefault(index, new TreeMap<>()).values().stream().map(row -> {
                String code = trimmed(row.get("code"));
                return new CodeRow(code == null ? null : code.toUpperCase(Locale.ROOT), trimmed(row.get("fr")),
                        trimmed(row.get("en")), null, false, false);
            }).filter(row -> !row.blank()).toList();
            String id = ids.get(index);
            if (id != null || !rows.isEmpty()) {
                added.add(new CodeList(id, rows));
            }
        }
        return added;
    }

    /** The draft as the page shows it: one empty row more in each list and one empty question, to add. */
    FormDraft withEmptyRows() {
        List<CodeList> withRow = lists.stream().map(list -> {
            List<CodeRow> rows = new ArrayList<>(list.codes());
            rows.add(new CodeRow(null, null, null, null, false, false));
            return new CodeList(list.id(), rows);
        }).toList();
        List<CodeList> withList = new ArrayList<>(added.stream().map(list -> {
            List<CodeRow> rows = new ArrayList<>(list.codes());
            do {
                rows.add(new CodeRow(null, null, null, null, false, false));
            } while (rows.size() < NEW_LIST_ROWS);
            return new CodeList(list.id(), rows);
        }).toList());
        withList.add(new CodeList(null, Collections.nCopies(NEW_LIST_ROWS,
                new CodeRow(null, null, null, null, false, false))));
        List<QuestionRow> withQuestion = new ArrayList<>(questions);
        withQuestion.add(new QuestionRow(null, null, null, null, null, null, null, false, false, false, null, null,
                false));
        return new FormDraft(version, basedOn, withRow, withList, fields, withQuestion);
    }

    /** The ids of the lists the page adds, in their order (null where none was typed). */
    List<String> addedIds() {
        return added.stream().map(CodeList::id).toList();
    }

    /**
     * The lists a choice question may name: the base version's, then the new ones the definition holds (an id typed
     * once, not taken: see {@link FormProblems#addedLists}).
     */
    public List<String> choiceLists() {
        List<String> ids = new ArrayList<>(lists.stream().map(CodeList::id).toList());
        added.stream().map(CodeList::id).filter(id -> id != null && !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    /**
     * Where the page shows a problem the definition names: a new list's own problems and its codes' beside its row
     * ({@code codeLists.transparency[2].fr} at {@code newLists[0][2].fr}, {@code codeLists.transparency} beside its
     * id); any other where its path says.
     */
    String place(String path) {
        List<String> base = lists.stream().map(CodeList::id).toList();
        List<String> seen = new ArrayList<>();
        for (int index = 0; index < added.size(); index++) {
            String id = added.get(index).id();
            if (id == null || base.contains(id) || seen.contains(id)) {
                continue;
            }
            seen.add(id);
            String list = "codeLists." + id;
            if (path.equals(list)) {
                return "newLists[" + index + "].id";
            }
            if (path.startsWith(list + "[")) {
                return "newLists[" + index + "]" + path.substring(list.length());
            }
        }
        return path;
    }

    /** The whole definition, as {@code POST /api/forms} takes it. */
    FormDefinition definition() {
        Map<String, List<Code>> codeLists = new LinkedHashMap<>();
        lists.forEach(list -> codeLists.put(list.id(), list.codes().stream()
                .map(row -> new Code(row.code(), row.fr(), row.en(), row.retired(), row.portrait())).toList()));
        // a new list without an id, or with one taken, is refused at its id (FormProblems.addedLists), not held here
        added.stream().filter(list -> list.id() != null).forEach(list -> codeLists.putIfAbsent(list.id(),
                list.codes().stream().map(row -> new Code(row.code(), row.fr(), row.en(), false, null)).toList()));
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        fields.forEach(field -> rules.put(field.name(), new FieldRule(field.asked(), field.required())));
        List<Question> asked = questions.stream().map(row -> new Question(row.id(), row.type(), row.fr(), row.en(),
                row.helpFr(), row.helpEn(), row.codeList(), row.required(), row.published(), row.retired(),
                condition(row))).toList();
        return new FormDefinition(version, basedOn, codeLists, rules, asked);
    }

    /** The page's target ({@code field:x}, {@code question:y}) and value; yes or no in words as true or false. */
    private static When condition(QuestionRow row) {
        if (empty(row.when()) && empty(row.whenValue())) {
            return null;
        }
        String target = row.when() == null ? "" : row.when();
        String field = target.startsWith("field:") ? target.substring("field:".length()) : null;
        String question = target.startsWith("question:") ? target.substring("question:".length()) : null;
        String value = row.whenValue() == null ? null : switch (row.whenValue().toLowerCase(Locale.ROOT)) {
            case "oui", "yes", "true" -> "true";
            case "non", "no", "false" -> "false";
            default -> row.whenValue();
        };
        return new When(field, question, value);
    }

    private static String target(When when) {
        if (when == null) {
            return null;
        }
        return when.field() != null ? "field:" + when.field() : when.question() != null ? "question:" + when.question()
                : null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean empty(String value) {
        return value == null || value.isBlank();
    }
}
