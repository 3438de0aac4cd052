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
    /** An answer to a question of the form's version: {@code initiatives[3].answers.guidanceFollowed}. */
    private static final Pattern ANSWER = Pattern.compile("^initiatives\\[(\\d+)]\\.answers\\.(\\w+)$");
    /** The page reads a reviewer's comment on an answer as one on this field: {@code answers.guidanceFollowed}. */
    static final String ANSWER_FIELD = "answers.";
    private static final Map<String, String> DECLARATION_FIELDS = Map.of("contact.name", "contactName",
            "contact.email", "contactEmail", "noInitiatives", "noInitiatives", "initiatives", "initiatives",
            "attestation", "attestation", "signatory.name", "signatoryName", "signatory.role", "signatoryRole",
            "signatory.email", "signatoryEmail", "signatory", "signatoryName");

    private FieldAnchors() {
    }

    /**
     * @param questions the questions of the campaign's form version, by id
     * @return by error path, and by {@code comment:<initiativeId>:<field>}, the id of the element to go to
     */
    static Map<String, String> of(List<Violation> errors, List<ReviewComment> comments,
            DeclarationPageForm form, Map<String, DeclarationAnswers.Question> questions) {
        Map<String, String> anchors = new HashMap<>(DECLARATION_FIELDS);
        for (Violation error : errors) {
            Matcher initiative = INITIATIVE_FIELD.matcher(error.path());
            Matcher answer = ANSWER.matcher(error.path());
            if (initiative.matches()) {
                anchors.put(error.path(), anchor(Integer.parseInt(initiative.group(1)), initiative.group(2)));
            } else if (answer.matches()) {
                int index = Integer.parseInt(answer.group(1));
                DeclarationAnswers.Question question = questions.get(answer.group(2));
                // an answer to a question the version does not ask: its initiative
                anchors.put(error.path(), question == null ? anchor(index, null)
                        : InitiativeQuestions.anchor(index, question));
            }
        }
        if (form != null) {
            for (ReviewComment comment : comments) {
                for (int i = 0; i < form.getInitiatives().size(); i++) {
                    if (comment.initiativeId() != null && comment.initiativeId().equals(form.getInitiatives().get(i).getId())) {
                        DeclarationAnswers.Question question = questionOf(comment, questions);
                        anchors.put("comment:" + comment.initiativeId() + ":" + comment.field(),
                                question != null ? InitiativeQuestions.anchor(i, question) : anchor(i, comment.field()));
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
                    String field = comment.field();
                    remarks.merge(field.startsWith(ANSWER_FIELD)
                            ? InitiativeQuestions.inputId(i, field.substring(ANSWER_FIELD.length()))
                            : InitiativeFields.inputId(i, field), comment.message(), (a, b) -> a + " " + b);
                }
            }
        }
        return remarks;
    }

    /**
     * The reviewer's comments as the page places them: one on an answer ({@link ReviewComment#question()}) as one on
     * the field {@code answers.<id>}, beside the question like a field's comment beside its field.
     */
    static List<ReviewComment> asPlaced(List<ReviewComment> comments) {
        return comments.stream().map(comment -> comment.question() == null ? comment
                : new ReviewComment(comment.initiativeId(), ANSWER_FIELD + comment.question(), comment.message()))
                .toList();
    }

    private static DeclarationAnswers.Question questionOf(ReviewComment comment,
            Map<String, DeclarationAnswers.Question> questions) {
        return comment.field() != null && comment.field().startsWith(ANSWER_FIELD)
                ? questions.get(comment.field().substring(ANSWER_FIELD.length())) : null;
    }

    private static String anchor(int index, String field) {
        if (field == null || "id".equals(field)) {
            return "initiative-" + index;
        }
        String input = InitiativeFields.inputId(index, field);
        return InitiativeFields.isYesNo(field) ? input + "-oui" : input;
    }
}
