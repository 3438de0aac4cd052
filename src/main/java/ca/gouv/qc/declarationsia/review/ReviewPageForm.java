package ca.gouv.qc.declarationsia.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** The review page's form, bound field by field, turned into the {@link ReviewForm} the API takes. */
public class ReviewPageForm {

    private static final Pattern ROW = Pattern.compile("(comments|overrides)\\[(\\d+)](.*)");

    private String decision;
    private List<Comment> comments = new ArrayList<>();
    private List<Override> overrides = new ArrayList<>();

    public static class Comment {
        private String initiativeId;
        private String field;
        private String message;

        public String getInitiativeId() { return initiativeId; }
        public void setInitiativeId(String initiativeId) { this.initiativeId = initiativeId; }
        public String getField() { return field; }
        public void setField(String field) { this.field = field; }
        public String getMessage() { return message; }
        public void setMessage(String message) { this.message = message; }
    }

    public static class Override {
        private String initiativeId;
        private String genericProductName;
        private String statusUnavailableReason;

        public String getInitiativeId() { return initiativeId; }
        public void setInitiativeId(String initiativeId) { this.initiativeId = initiativeId; }
        public String getGenericProductName() { return genericProductName; }
        public void setGenericProductName(String value) { this.genericProductName = value; }
        public String getStatusUnavailableReason() { return statusUnavailableReason; }
        public void setStatusUnavailableReason(String value) { this.statusUnavailableReason = value; }
    }

    /** Blank comment rows are rows the reviewer did not use. */
    ReviewForm toForm() {
        return new ReviewForm(decision,
                commentRows().stream().map(comments::get)
                        .map(c -> new ReviewForm.Comment(c.initiativeId, c.field, c.message)).toList(),
                overrideRows().stream().map(overrides::get)
                        .map(o -> new ReviewForm.Override(o.initiativeId, o.genericProductName, o.statusUnavailableReason))
                        .toList());
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
        return IntStream.range(0, comments.size()).filter(i -> !blank(comments.get(i).message)).boxed().toList();
    }

    private List<Integer> overrideRows() {
        return IntStream.range(0, overrides.size()).filter(i -> {
            Override override = overrides.get(i);
            return !blank(override.genericProductName) || !blank(override.statusUnavailableReason);
        }).boxed().toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public List<Comment> getComments() { return comments; }
    public void setComments(List<Comment> comments) { this.comments = comments; }
    public List<Override> getOverrides() { return overrides; }
    public void setOverrides(List<Override> overrides) { this.overrides = overrides; }
}
