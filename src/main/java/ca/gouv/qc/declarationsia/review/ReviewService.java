package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reviewer's decision, from the review page, the API or Tasklist: the round and its comments are recorded with the
 * authenticated reviewer, the ministry's overrides (generic product name, "information unavailable") applied, and the
 * review task completed. The process then reads the decision from the round. Reviewers change nothing else.
 */
@Service
public class ReviewService {


    private final DeclarationService declarations;
    private final DeclarationLifecycle lifecycle;
    private final ReviewRounds rounds;
    private final TaskService tasks;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final ReviewQuestions questions;

    ReviewService(DeclarationService declarations, DeclarationLifecycle lifecycle, ReviewRounds rounds, TaskService tasks,
            InputValidator validator, AccessPolicy access, ReviewQuestions questions) {
        this.access = access;
        this.questions = questions;
        this.declarations = declarations;
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.tasks = tasks;
        this.validator = validator;
    }

    /**
     * One review round: its decision, who took it and when, and its comments.
     *
     * @param questions the labels, by id, of the questions of the declaration's form version (what a comment on an
     *        answer names), in the reader's language
     */
    public record Round(int round, int submissionNumber, String decision, String reviewer, java.time.Instant decidedAt,
            List<ReviewComment> comments, Map<String, String> questions) {
    }

    /** Every round of a declaration, oldest first, for its history (staff). */
    @Transactional(readOnly = true)
    public List<Round> rounds(Declaration declaration) {
        access.requireStaff();
        List<ReviewRounds.Decided> decided = rounds.of(declaration.id());
        Map<String, String> labels = decided.isEmpty() ? Map.of()
                : questions.labels(declaration.campaignYear(), LocaleContextHolder.getLocale());
        return decided.stream()
                .map(round -> new Round(round.round(), round.submissionNumber(), round.decision(), round.reviewer(),
                        round.decidedAt(), rounds.comments(round.id()), labels))
                .toList();
    }

    @Transactional
    public void decide(int year, String organizationCode, ReviewForm form) {
        access.requireReviewer();
        CurrentUser reviewer = CurrentUser.get();
        Declaration declaration = declarations.get(year, organizationCode);
        List<Violation> violations = problems(declaration, form);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        DeclarationKey key = new DeclarationKey(year, organizationCode);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(key.businessKey()).taskDefinitionKey(ProcessModels.OrganizationDeclaration.REVIEW_DECLARATION)
                .singleResult();
        if (task == null) {
            throw refused("status", "validation.review.notUnderReview", declaration.status());
        }
        rounds.record(declaration.id(), form.decision(), reviewer.id(), nullToEmpty(form.comments()).stream()
                .map(comment -> new ReviewComment(blankToNull(comment.initiativeId()), blankToNull(comment.field()),
                        blankToNull(comment.question()), comment.message().strip()))
                .toList());
        lifecycle.applyOverrides(key, nullToEmpty(form.overrides()).stream()
                .map(override -> new DeclarationLifecycle.Override(override.initiativeId(),
                        blankToNull(override.genericProductName()), blankToNull(override.statusUnavailableReason())))
                .toList());
        tasks.complete(task.getId());
    }

    /** Every reason this decision would be refused (empty when it would be taken), without taking it. */
    @Transactional(readOnly = true)
    public List<Violation> problems(int year, String organizationCode, ReviewForm form) {
        access.requireReviewer();
        return problems(declarations.get(year, organizationCode), form);
    }

    /** Only a declaration under review is decided on: anything else about the form would be beside the point. */
    private List<Violation> problems(Declaration declaration, ReviewForm form) {
        if (declaration.status() != DeclarationStatus.EN_REVISION) {
            return refused("status", "validation.review.notUnderReview", declaration.status()).violations();
        }
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        violations.addAll(rules(declaration, form));
        return violations;
    }

    private List<Violation> rules(Declaration declaration, ReviewForm form) {
        List<Violation> violations = new ArrayList<>();
        Map<String, InitiativeSnapshot> initiatives = declaration.initiatives().stream()
                .collect(Collectors.toMap(InitiativeSnapshot::initiativeId, Function.identity()));
        List<ReviewComment> comments = nullToEmpty(form.comments());
        FormDefinition asked = null; // read once, when a comment names a question
        if ("REQUEST_CORRECTIONS".equals(form.decision()) && comments.isEmpty()) {
            violations.add(validator.violation("comments", "Required", "validation.review.commentRequired"));
        }
        for (int i = 0; i < comments.size(); i++) {
            ReviewComment comment = comments.get(i);
            if (comment == null) {
                continue; // refused as malformed already
            }
            if (blankToNull(comment.initiativeId()) != null && !initiatives.containsKey(comment.initiativeId())) {
                violations.add(validator.violation("comments[" + i + "].initiativeId", "Unknown",
                        "validation.review.unknownInitiative", comment.initiativeId()));
            }
            String name = blankToNull(comment.field());
            Optional<FieldCatalogue.Field> field = FieldCatalogue.find(name).filter(FieldCatalogue.Field::commentable);
            if (name != null && field.isEmpty()) {
                violations.add(validator.violation("comments[" + i + "].field", "Unknown", "validation.review.unknownField",
                        comment.field()));
            } else if (field.isPresent()) {
                // a field of the declaration is commented on the whole declaration, an initiative's on that initiative
                boolean ofDeclaration = field.get().scope() == FieldCatalogue.Scope.DECLARATION;
                if (ofDeclaration != (blankToNull(comment.initiativeId()) == null)) {
                    violations.add(validator.violation("comments[" + i + "].field", "Scope", ofDeclaration
                            ? "validation.review.declarationField" : "validation.review.initiativeField"));
                }
            }
            String question = blankToNull(comment.question());
            if (question != null) {
                // an answer is an initiative's, to a question its campaign's version asks; a comment points at one place
                if (asked == null) {
                    asked = questions.formOf(declaration.campaignYear());
                }
                String at = "comments[" + i + "].question";
                if (asked.askedQuestions().stream().noneMatch(known -> known.id().equals(question))) {
                    violations.add(validator.violation(at, "Unknown", "validation.review.unknownQuestion", question,
                            asked.version()));
                } else if (name != null) {
                    violations.add(validator.violation(at, "OnePlace", "validation.review.fieldOrQuestion"));
                } else if (blankToNull(comment.initiativeId()) == null) {
                    violations.add(validator.violation(at, "Scope", "validation.review.questionOfInitiative"));
                }
            }
        }
        List<ReviewForm.Override> overrides = nullToEmpty(form.overrides());
        for (int i = 0; i < overrides.size(); i++) {
            ReviewForm.Override override = overrides.get(i);
            if (override == null || blankToNull(override.initiativeId()) == null) {
                continue; // refused as malformed already
            }
            InitiativeSnapshot initiative = initiatives.get(override.initiativeId());
            if (initiative == null) {
                violations.add(validator.violation("overrides[" + i + "].initiativeId", "Unknown",
                        "validation.review.unknownInitiative", override.initiativeId()));
            } else if (namesSupplier(override.genericProductName(), initiative)) {
                violations.add(validator.violation("overrides[" + i + "].genericProductName", "NamesSupplier",
                        "validation.review.genericNamesSupplier"));
            }
        }
        return violations;
    }

    /** A generic name must not give away the supplier or the product: that is what it replaces in public. */
    private static boolean namesSupplier(String generic, InitiativeSnapshot initiative) {
        if (generic == null || generic.isBlank()) {
            return false;
        }
        String text = generic.toLowerCase(Locale.ROOT);
        return contains(text, initiative.supplierName()) || contains(text, initiative.productName());
    }

    private static boolean contains(String text, String name) {
        return name != null && !name.isBlank() && text.contains(name.toLowerCase(Locale.ROOT).strip());
    }

    private InvalidInputException refused(String path, String key, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation(path, "State", key, arguments)));
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
