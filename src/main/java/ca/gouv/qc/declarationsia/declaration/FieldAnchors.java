package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where on the declaration page each error or reviewer's comment points: the id of its field, so that the error
 * summary and the comments link to it (WCAG 3.3.1: the person is taken to what needs fixing).
 */
final class FieldAnchors {

    private static final Pattern INITIATIVE_FIELD = Pattern.compile("^initiatives\\[(\\d+)](?:\\.(\\w+))?$");
    private static final Map<String, String> DECLARATION_FIELDS = Map.of("contact.name", "contactName",
            "contact.email", "contactEmail", "noInitiatives", "noInitiatives", "initiatives", "initiatives",
            "attestation", "attestation", "signatory.name", "signatoryName", "signatory.role", "signatoryRole",
            "signatory.email", "signatoryEmail", "signatory", "signatoryName");

    private FieldAnchors() {
    }

    /** @return by error path, and by {@code comment:<initiativeId>:<field>}, the id of the element to go to */
    static Map<String, String> of(List<Violation> errors, List<ReviewComment> comments,
            DeclarationPageForm form) {
        Map<String, String> anchors = new HashMap<>(DECLARATION_FIELDS);
        for (Violation error : errors) {
            Matcher initiative = INITIATIVE_FIELD.matcher(error.path());
            if (initiative.matches()) {
                anchors.put(error.path(), anchor(Integer.parseInt(initiative.group(1)), initiative.group(2)));
            }
        }
        if (form != null) {
            for (ReviewComment comment : comments) {
                for (int i = 0; i < form.getInitiatives().size(); i++) {
                    if (comment.initiativeId() != null && comment.initiativeId().equals(form.getInitiatives().get(i).getId())) {
                        anchors.put("comment:" + comment.initiativeId() + ":" + comment.field(), anchor(i, comment.field()));
                    }
                }
            }
        }
        return anchors;
    }

    /** @return by the id of an initiative's field, the reviewer's comment on it: shown beside the field it names */
    static Map<String, String> remarks(List<ReviewComment> comments, DeclarationPageForm form) {
        Map<String, String> remarks = new HashMap<>();
        for (ReviewComment comment : comments) {
            for (int i = 0; comment.field() != null && i < form.getInitiatives().size(); i++) {
                String initiativeId = form.getInitiatives().get(i).getId();
                if (comment.initiativeId() != null && comment.initiativeId().equals(initiativeId)) {
                    remarks.merge(InitiativeFields.inputId(i, comment.field()), comment.message(),
                            (a, b) -> a + " " + b);
                }
            }
        }
        return remarks;
    }

    private static String anchor(int index, String field) {
        if (field == null || "id".equals(field)) {
            return "initiative-" + index;
        }
        String input = InitiativeFields.inputId(index, field);
        return InitiativeFields.isYesNo(field) ? input + "-oui" : input;
    }
}
