package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The review page's form, read from its rows ({@code comments[1].message}, {@code overrides[0].genericProductName}),
 * turned into the {@link ReviewForm} the API takes. A comment row's one select names a field, or an answer to one of
 * the version's questions as {@code answers.<question id>} (the place the declaration's errors give it).
 */
public record ReviewPageForm(String decision, List<ReviewComment> comments, List<ReviewForm.Override> overrides) {

    /** What the page's select posts for an answer to a question: the prefix of its id. */
    static final String ANSWER = "answers.";

    private static final Pattern ROW = Pattern.compile("(comments|overrides)\\[(\\d+)](.*)");
    private static final Pattern INPUT = Pattern.compile("comments\\[(\\d{1,4})]\\.(initiativeId|field|message)"
            + "|overrides\\[(\\d{1,4})]\\.(initiativeId|genericProductName|statusUnavailableReason)");
    /** More rows than the page shows for the largest declaration are not the page's: they are not read. */
    private static final int MAX_ROWS = DeclarationForm.MAX_INITIATIVES + 10;

    public ReviewPageForm {
        // rows the page did not send (a declaration without initiatives has no override row)
        comments = comments == null ? List.of() : comments;
        overrides = overrides == null ? List.of() : overrides;
    }

    /**
     * The form as the page posted it: a row's inputs by its number, a row the page did not send empty; a parameter
     * that is none of the page's inputs (a row number too large, not a number) is not read, so a forged request is
     * answered like any other (Spring's binding would fail on it before the controller could).
     */
    static ReviewPageForm of(Map<String, String[]> parameters) {
        SortedMap<Integer, Map<String, String>> comments = new TreeMap<>();
        SortedMap<Integer, Map<String, String>> overrides = new TreeMap<>();
        parameters.forEach((name, values) -> {
            Matcher input = INPUT.matcher(name);
            if (input.matches() && values.length > 0) {
                boolean comment = input.group(1) != null;
                int row = Integer.parseInt(comment ? input.group(1) : input.group(3));
                if (row < MAX_ROWS) {
                    (comment ? comments : overrides).computeIfAbsent(row, number -> new HashMap<>())
                            .put(comment ? input.group(2) : input.group(4), values[0]);
                }
            }
        });
        String[] decision = parameters.get("decision");
        return new ReviewPageForm(decision == null || decision.length == 0 ? null : decision[0],
                rows(comments, row -> comment(row.get("initiativeId"), row.get("field"), row.get("message"))),
                rows(overrides, row -> new ReviewForm.Override(row.get("initiativeId"), row.get("genericProductName"),
                        row.get("statusUnavailableReason"))));
    }

    private static ReviewComment comment(String initiativeId, String place, String message) {
        boolean answer = place != null && place.startsWith(ANSWER);
        return new ReviewComment(initiativeId, answer ? null : place, answer ? place.substring(ANSWER.length()) : null,
                message);
    }

    /** The value of the row's select: its field, or the answer it names. */
    static String place(ReviewComment comment) {
        return comment.question() != null ? ANSWER + comment.question() : comment.field();
    }

    private static <T> List<T> rows(SortedMap<Integer, Map<String, String>> byNumber, Function<Map<String, String>, T> row) {
        List<T> rows = new ArrayList<>();
        for (int number = 0; !byNumber.isEmpty() && number <= byNumber.lastKey(); number++) {
            rows.add(row.apply(byNumber.getOrDefault(number, Map.of())));
        }
        return rows;
    }

    /** Blank comment rows are rows the reviewer did not use. */
    ReviewForm toForm() {
        return new ReviewForm(decision, commentRows().stream().map(comments::get).toList(),
                overrideRows().stream().map(overrides::get).toList());
    }

    /**
     * Where an error of the decision sits on the page: {@code overrides[0]} of the decision is the first row filled
     * in, which may be the page's third; a comment's question is chosen in its row's field select.
     */
    String pagePath(String path) {
        Matcher row = ROW.matcher(path);
        if (!row.matches()) {
            return path;
        }
        List<Integer> rows = "comments".equals(row.group(1)) ? commentRows() : overrideRows();
        int index = Integer.parseInt(row.group(2));
        String rest = "comments".equals(row.group(1)) && ".question".equals(row.group(3)) ? ".field" : row.group(3);
        return index < rows.size() ? row.group(1) + "[" + rows.get(index) + "]" + rest : path;
    }

    private List<Integer> commentRows() {
        return IntStream.range(0, comments.size())
                .filter(i -> comments.get(i) != null && !blank(comments.get(i).message())).boxed().toList();
    }

    private List<Integer> overrideRows() {
        return IntStream.range(0, overrides.size()).filter(i -> {
            ReviewForm.Override override = overrides.get(i);
            return override != null && (!blank(override.genericProductName()) || !blank(override.statusUnavailableReason()));
        }).boxed().toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
