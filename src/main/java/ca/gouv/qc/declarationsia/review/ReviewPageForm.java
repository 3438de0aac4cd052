package ca.gouv.qc.declarationsia.review;

import java.util.ArrayList;
import java.util.List;

/** The review page's form, bound field by field, turned into the {@link ReviewForm} the API takes. */
public class ReviewPageForm {

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
                comments.stream().filter(c -> c.message != null && !c.message.isBlank())
                        .map(c -> new ReviewForm.Comment(c.initiativeId, c.field, c.message)).toList(),
                overrides.stream().filter(o -> !blank(o.genericProductName) || !blank(o.statusUnavailableReason))
                        .map(o -> new ReviewForm.Override(o.initiativeId, o.genericProductName, o.statusUnavailableReason))
                        .toList());
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
