package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.security.TaskDoor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tasklist's form of "Réviser la déclaration" takes a real decision: the reviewer's choice and an optional comment on
 * the whole declaration go through {@link ReviewService#decide}, as from the review page (which alone comments one
 * initiative's field or sets a generic product name).
 */
@Component
class ReviewTaskDoor implements TaskDoor {

    static final String DECISION_FIELD = "decision";
    static final String COMMENT_FIELD = "comment";

    private final ReviewService reviews;

    ReviewTaskDoor(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ProcessModels.OrganizationDeclaration.REVIEW_DECLARATION);
    }

    @Override
    public void complete(DoorTask task, Map<String, Object> values) {
        DeclarationKey key = DeclarationKey.ofBusinessKey(task.businessKey());
        String comment = text(values.get(COMMENT_FIELD));
        reviews.decide(key.campaignYear(), key.organizationCode(), new ReviewForm(text(values.get(DECISION_FIELD)),
                comment == null ? List.of() : List.of(new ReviewComment(null, null, comment)), List.of()));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
