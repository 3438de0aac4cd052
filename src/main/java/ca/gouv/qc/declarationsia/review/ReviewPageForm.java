package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The review page's form, bound from its rows (constructor binding: {@code comments[1].message},
 * {@code overrides[0].genericProductName}), turned into the {@link ReviewForm} the API takes.
 */
public record ReviewPageForm(String decision, List<ReviewComment> comments, List<ReviewForm.Override> overrides) {

    private static final Pattern ROW = Pattern.compile("(comments|overrides)\\[(\\d+)](.*)");

    public ReviewPageForm {
        // rows the page did not send (a declaration without initiatives has no override row)
        comments = comments == null ? List.of() : comments;
        overrides = overrides == null ? List.of() : overrides;
    }

    /** Blank comment rows are rows the reviewer did not use. */
    ReviewForm toForm() {
        return new ReviewForm(decision, commentRows().stream().map(comments::get).toList(),
                overrideRows().stream().map(overrides::get).toList());
    }

    /**
     * Where an error of the decision sits on the page: {@code overrides[0]} of the decision is the first row filled
     * in, which may be the page's third.
     */
    String pagePath(String path) {
        Matcher row = ROW.matcher(path);
        if (!row.matches()) {
            return path;
        }
        List<Integer> rows = "comments".equals(row.group(1)) ? commentRows() : overrideRows();
        int index = Integer.parseInt(row.group(2));
        return index < rows.size() ? row.group(1) + "[" + rows.get(index) + "]" + row.group(3) : path;
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
