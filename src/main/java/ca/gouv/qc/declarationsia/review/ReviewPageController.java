package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.ReviewComment;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reviewers: the declarations awaiting review, and one declaration with what changed, to accept or send back. */
@Controller
@RequestMapping("/revision")
class ReviewPageController {

    private static final int COMMENT_ROWS = 3;

    private final DeclarationService declarations;
    private final DeclarationHistory history;
    private final ReviewComparison comparison;
    private final ReviewService reviews;
    private final AccessPolicy access;
    private final InputValidator validator;
    private final JdbcClient jdbc;
    private final OrganizationService organizations;
    private final ReviewQuestions questions;

    ReviewPageController(DeclarationService declarations, DeclarationHistory history, ReviewComparison comparison,
            ReviewService reviews, AccessPolicy access, InputValidator validator, JdbcClient jdbc,
            OrganizationService organizations, ReviewQuestions questions) {
        this.questions = questions;
        this.declarations = declarations;
        this.history = history;
        this.comparison = comparison;
        this.reviews = reviews;
        this.access = access;
        this.validator = validator;
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    record Awaiting(int campaignYear, String organizationCode, String nameFr, String nameEn, java.time.Instant submittedAt,
            int correctionRound) {
    }

    @GetMapping
    String list(Model model) {
        access.requireStaff();
        model.addAttribute("awaiting", jdbc.sql("""
                select d.campaign_year, d.organization_code, o.name_fr, coalesce(o.name_en, o.name_fr) as name_en, d.submitted_at, d.correction_round
                  from declaration_summary d join organization_directory o on o.code = d.organization_code
                 where d.status = 'EN_REVISION' order by d.submitted_at
                """).query(Awaiting.class).list());
        return "review/list";
    }

    @GetMapping("/{year}/{organizationCode}")
    String show(@PathVariable int year, @PathVariable String organizationCode, Model model) {
        access.requireStaff();
        Declaration declaration = declarations.get(year, organizationCode);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", emptyForm(declaration));
        }
        return page(declaration, model, List.of());
    }

    /** The decision cannot be taken back: the page asks for a ticked confirmation beside the button (the API does not). */
    @PostMapping("/{year}/{organizationCode}")
    String decide(@PathVariable int year, @PathVariable String organizationCode, HttpServletRequest request,
            @RequestParam(required = false) boolean confirmed, Model model, RedirectAttributes redirect) {
        ReviewPageForm form = ReviewPageForm.of(request.getParameterMap());
        model.addAttribute("form", form);
        if (!confirmed) {
            // every problem at once: the confirmation and what the decision itself would be refused for
            List<Violation> errors = new ArrayList<>(reviews.problems(year, organizationCode, form.toForm()));
            errors.add(validator.violation("confirm", "NotConfirmed", "validation.review.confirm"));
            return page(declarations.get(year, organizationCode), model, errors);
        }
        try {
            reviews.decide(year, organizationCode, form.toForm());
            redirect.addFlashAttribute("done", "ACCEPT".equals(form.decision()) ? "review.accepted" : "review.sentBack");
            return "redirect:/revision";
        } catch (InvalidInputException invalid) {
            return page(declarations.get(year, organizationCode), model, invalid.violations());
        }
    }

    private String page(Declaration declaration, Model model, List<Violation> errors) {
        model.addAttribute("declaration", declaration);
        model.addAttribute("organizationName", organizations.get(declaration.organizationCode())
                .name("en".equals(LocaleContextHolder.getLocale().getLanguage())));
        model.addAttribute("reviewable", declaration.status() == DeclarationStatus.EN_REVISION);
        model.addAttribute("initiatives", comparison.compare(declaration));
        model.addAttribute("fields", FieldCatalogue.commentable());
        // an answer is commented on as a field, chosen in the same list: answers.<question id>
        Map<String, String> answers = new LinkedHashMap<>();
        questions.labels(declaration.campaignYear(), LocaleContextHolder.getLocale())
                .forEach((id, label) -> answers.put(ReviewPageForm.ANSWER + id, label));
        model.addAttribute("questions", answers);
        model.addAttribute("transitions", history.transitions(declaration.id()));
        model.addAttribute("errors", errors);
        ReviewPageForm form = (ReviewPageForm) model.getAttribute("form");
        Map<String, String> byPath = new LinkedHashMap<>();
        errors.forEach(error -> byPath.merge(form == null ? error.path() : form.pagePath(error.path()), error.message(),
                (a, b) -> a + " " + b));
        model.addAttribute("errorsByPath", byPath);
        model.addAttribute("confirmError", errors.stream().filter(error -> "confirm".equals(error.path()))
                .map(Violation::message).findFirst().orElse(null));
        return "review/declaration";
    }

    private static ReviewPageForm emptyForm(Declaration declaration) {
        // in the declaration's order, as the initiatives above them
        return new ReviewPageForm(null, java.util.Collections.nCopies(COMMENT_ROWS, new ReviewComment(null, null, null)),
                declaration.initiatives().stream().map(initiative -> new ReviewForm.Override(initiative.initiativeId(),
                        initiative.genericProductName(), initiative.statusUnavailableReason())).toList());
    }
}
