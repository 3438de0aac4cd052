package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.BatchReads;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's declaration page: every field of every initiative, save a draft at any time, check it, add or
 * remove a new initiative, submit with the attestation. Same service and rules as the API. What the page sends is laid
 * over what is stored, so that a value the page did not send is never erased.
 */
@Controller
@RequestMapping("/mes-declarations/{year}/{organizationCode}")
class DeclarationPageController {

    /** Headings of the errors: the draft was saved (then checked), nothing was saved, the file was not imported. */
    private static final String SAVED = "declaration.errors.saved";
    private static final String NOT_SAVED = "declaration.errors.notSaved";
    private static final String NOT_IMPORTED = "declaration.errors.notImported";

    private final DeclarationService declarations;
    private final OrganizationService organizations;
    private final DeclarationHistory history;
    private final CarryOver carryOver;
    private final InitiativeCsv csv;
    private final AccessPolicy access;
    private final InputValidator validator;
    private final MessageSource messages;
    private final DeclarationAnswers answers;

    DeclarationPageController(DeclarationService declarations, OrganizationService organizations,
            DeclarationHistory history, CarryOver carryOver, InitiativeCsv csv, AccessPolicy access, InputValidator validator,
            MessageSource messages, DeclarationAnswers answers) {
        this.declarations = declarations;
        this.organizations = organizations;
        this.history = history;
        this.carryOver = carryOver;
        this.csv = csv;
        this.access = access;
        this.validator = validator;
        this.messages = messages;
        this.answers = answers;
    }

    @GetMapping
    String show(@PathVariable int year, @PathVariable String organizationCode, Model model) {
        Declaration declaration = declarations.get(year, organizationCode);
        model.addAttribute("form", DeclarationPageForm.of(declaration));
        return page(declaration, model, List.of(), SAVED);
    }

    /**
     * "Enregistrer le brouillon", and what the browser sends when Enter is pressed in a field. Each button of the page
     * names its own handler by its {@code name} ({@code add}, {@code remove}, {@code check}, {@code submitDeclaration}).
     */
    @PostMapping
    String save(@PathVariable int year, @PathVariable String organizationCode, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        return saveDraft(year, organizationCode, request, model, (form, stored) -> { }, refused -> refused,
                saved -> done(year, organizationCode, "declaration.saved", redirect));
    }

    /** A new, empty initiative at the end of the page, with what was typed so far: nothing is saved yet. */
    @PostMapping(params = "add")
    String add(@PathVariable int year, @PathVariable String organizationCode, HttpServletRequest request, Model model) {
        access.requireWrite(organizationCode);
        Declaration stored = declarations.get(year, organizationCode);
        DeclarationPageForm form = DeclarationPageForm.of(stored);
        model.addAttribute("form", form);
        List<Violation> unreadable = bind(form, request, answers.questions(year));
        if (!unreadable.isEmpty()) {
            return page(stored, model, unreadable, NOT_SAVED);
        }
        form.getInitiatives().add(new DeclarationPageForm.Initiative());
        model.addAttribute("added", true);
        return page(stored, model, List.of(), SAVED);
    }

    /** Takes out the initiative at this position (one added this year), and saves the rest. */
    @PostMapping(params = "remove")
    String remove(@PathVariable int year, @PathVariable String organizationCode, @RequestParam("remove") String position,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        return saveDraft(year, organizationCode, request, model,
                (form, stored) -> form.remove(position, carriedOver(stored)), refused -> refused,
                saved -> done(year, organizationCode, "declaration.removed", redirect));
    }

    /** Saves, then says what would keep the declaration from being submitted. */
    @PostMapping(params = "check")
    String check(@PathVariable int year, @PathVariable String organizationCode, HttpServletRequest request, Model model) {
        return saveDraft(year, organizationCode, request, model, (form, stored) -> { }, refused -> refused, saved -> {
            List<Violation> problems = declarations.check(year, organizationCode);
            model.addAttribute("form", DeclarationPageForm.of(saved));
            model.addAttribute("checked", problems.isEmpty());
            return page(saved, model, problems, SAVED);
        });
    }

    /** Saves, then submits with the attestation; a refusal keeps what was typed for the signature. */
    @PostMapping(params = "submitDeclaration")
    String submit(@PathVariable int year, @PathVariable String organizationCode,
            @RequestParam(required = false) boolean attestation, @RequestParam(required = false) String signatoryName,
            @RequestParam(required = false) String signatoryRole, @RequestParam(required = false) String signatoryEmail,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        SubmitForm signature = new SubmitForm(attestation,
                new SubmitForm.Signatory(signatoryName, signatoryRole, signatoryEmail));
        model.addAttribute("signatory", signature.signatory());
        model.addAttribute("attested", attestation);
        // a draft refused: what the signature lacks too, at once
        return saveDraft(year, organizationCode, request, model, (form, stored) -> { }, refused -> {
            List<Violation> errors = new ArrayList<>(refused);
            errors.addAll(declarations.signatureProblems(signature));
            return errors;
        }, saved -> {
            try {
                declarations.submit(year, organizationCode, signature);
            } catch (InvalidInputException refused) {
                // the draft stays exactly as just saved, with its version: the next save is not a conflict
                model.addAttribute("form", DeclarationPageForm.of(saved));
                return page(saved, model, refused.violations(), SAVED);
            }
            return done(year, organizationCode, "declaration.submitted", redirect);
        });
    }

    /**
     * What every button but "add" does first: the page's inputs laid over the stored draft, changed, and saved; then
     * {@code next}. A draft refused shows the page with what was typed, under "nothing was saved".
     */
    private String saveDraft(int year, String organizationCode, HttpServletRequest request, Model model,
            BiConsumer<DeclarationPageForm, Declaration> change, UnaryOperator<List<Violation>> refusedToo,
            Function<Declaration, String> next) {
        // before anything typed is read: one who may only read gets a refusal, not the form's errors
        access.requireWrite(organizationCode);
        Declaration stored = declarations.get(year, organizationCode);
        DeclarationPageForm form = DeclarationPageForm.of(stored);
        model.addAttribute("form", form);
        List<DeclarationAnswers.Question> questions = answers.questions(year);
        List<Violation> unreadable = bind(form, request, questions);
        if (!unreadable.isEmpty()) {
            return page(stored, model, unreadable, NOT_SAVED);
        }
        change.accept(form, stored);
        // a question whose condition does not hold is hidden: what it holds is not saved (the service's rule, every door's)
        Declaration saved;
        try {
            saved = declarations.saveDraft(year, organizationCode, form.toForm());
        } catch (InvalidInputException invalid) {
            return page(stored, model, refusedToo.apply(invalid.violations()), NOT_SAVED);
        } catch (OptimisticLockingFailureException staleTab) {
            // the other tab's save stands; this page keeps what was typed, on top of it, for a deliberate second save
            Declaration current = declarations.get(year, organizationCode);
            form.setVersion(current.version());
            String message = messages.getMessage("error.concurrentModification.page", null, LocaleContextHolder.getLocale());
            return page(current, model, List.of(new Violation("version", "Conflict", message)), NOT_SAVED);
        }
        return next.apply(saved);
    }

    private static String done(int year, String organizationCode, String doneKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", doneKey);
        return "redirect:/mes-declarations/" + year + "/" + organizationCode;
    }

    @GetMapping(path = "/modele.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> template(@PathVariable int year, @PathVariable String organizationCode) {
        return download("initiatives-" + year + "-" + organizationCode + ".csv",
                csv.template(declarations.get(year, organizationCode), answers.questions(year)));
    }

    @GetMapping(path = "/codes.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> codeList(@PathVariable int year, @PathVariable String organizationCode) {
        declarations.get(year, organizationCode);
        return download("codes.csv", csv.codes(answers.questions(year)));
    }

    @PostMapping("/import")
    String importCsv(@PathVariable int year, @PathVariable String organizationCode,
            @RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        access.requireWrite(organizationCode);
        try {
            DeclarationService.Imported imported = declarations.importInitiatives(year, organizationCode,
                    csv.read(file.getBytes(), answers.questions(year)), csv::lineMessage);
            redirect.addFlashAttribute("done", "declaration.csv.imported");
            if (!imported.notKept().isEmpty()) {
                Locale locale = LocaleContextHolder.getLocale();
                redirect.addFlashAttribute("notKept", imported.notKept().stream().map(answer -> csv.lineMessage(
                        answer.line(), messages.getMessage("declaration.csv.notAsked",
                                new Object[] {answer.question(), answer.questionId()}, locale))).toList());
            }
            return "redirect:/mes-declarations/" + year + "/" + organizationCode;
        } catch (InvalidInputException invalid) {
            Declaration declaration = declarations.get(year, organizationCode);
            model.addAttribute("form", DeclarationPageForm.of(declaration));
            return page(declaration, model, invalid.violations(), NOT_IMPORTED);
        }
    }

    /**
     * Lays the request over the stored declaration: what the page sent replaces the stored value, what it did not send
     * (an unanswered yes/no, a field not on the page) keeps it; an unchecked box comes with its "_" marker. The
     * answers to the version's questions are laid over the same way.
     */
    private List<Violation> bind(DeclarationPageForm form, HttpServletRequest request,
            List<DeclarationAnswers.Question> questions) {
        ServletRequestDataBinder binder = new ServletRequestDataBinder(form, "form");
        binder.setAllowedFields("version", "noInitiatives", "contactName", "contactEmail", "initiatives*");
        binder.setAutoGrowCollectionLimit(DeclarationForm.MAX_INITIATIVES);
        binder.bind(request);
        form.bindAnswers(questions, request.getParameterMap());
        BindingResult result = binder.getBindingResult();
        return result.getFieldErrors().stream()
                .map(error -> validator.violation(error.getField(), "Format", "validation.format.invalid"))
                .toList();
    }

    private static List<DeclarationForm.InitiativeForm> initiativeForms(DeclarationPageForm form) {
        return form.getInitiatives().stream().map(DeclarationPageForm.Initiative::toForm).toList();
    }

    private Set<String> carriedOver(Declaration declaration) {
        return carryOver.activeLastYear(declaration.campaignYear(), declaration.organizationCode()).stream()
                .map(DeclarationRules.CarriedOver::id).collect(Collectors.toSet());
    }

    /** A select's option: the code it posts and its label in the page's language. */
    record Choice(String code, String label) {
    }

    /**
     * Each coded field's options, labelled once per page: a body with 200 initiatives shows these lists 200 times,
     * and its page would otherwise look up some 8,000 labels.
     */
    private Map<String, List<Choice>> choices() {
        Map<String, List<Choice>> choices = new LinkedHashMap<>();
        for (FieldCatalogue.Field field : FieldCatalogue.coded()) {
            choices.put(field.name(), field.codes().stream().map(code -> new Choice(code,
                    messages.getMessage(field.codeLabelKey(code), null, LocaleContextHolder.getLocale()))).toList());
        }
        return choices;
    }

    /** UTF-8 with a byte order mark, so that spreadsheets open the accents right. */
    private static ResponseEntity<String> download(String fileName, String content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body("\uFEFF" + content);
    }

    /** The errors' heading says whether what the person did was kept: trusting a wrong one loses work. */
    private String page(Declaration declaration, Model model, List<Violation> found, String errorsHeading) {
        List<Violation> errors = PageOrder.sorted(found);
        model.addAttribute("errorsHeading", errorsHeading);
        Map<String, String> byPath = new LinkedHashMap<>();
        errors.forEach(error -> byPath.merge(error.path(), error.message(), (a, b) -> a + " " + b));
        List<ReviewComment> comments = FieldAnchors.asPlaced(history.latestComments(declaration.id()));
        DeclarationPageForm form = (DeclarationPageForm) model.getAttribute("form");
        List<DeclarationAnswers.Question> questions = answers.questions(declaration.campaignYear());
        Map<String, DeclarationAnswers.Question> questionsById = new LinkedHashMap<>();
        questions.forEach(question -> questionsById.put(question.id(), question));
        model.addAttribute("anchors", FieldAnchors.of(errors, comments, form, questionsById));
        Map<String, String> remarks = form != null && declaration.status() == DeclarationStatus.A_CORRIGER
                ? FieldAnchors.remarks(comments, form) : Map.of();
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        UnaryOperator<String> remark = comment -> messages.getMessage("declaration.remark", new Object[] {comment}, locale);
        model.addAttribute("initiativeQuestions", List.of());
        if (form != null) {
            model.addAttribute("initiativeFields", InitiativeFields.of(form, byPath, remarks, choices(),
                    key -> messages.getMessage(key, null, locale), remark));
        }
        // the version's questions: the CSV's columns, and the names a reviewer's comment on an answer is shown with
        model.addAttribute("questions", questions);
        Map<String, String> questionLabels = new LinkedHashMap<>();
        questions.forEach(question -> questionLabels.put(FieldAnchors.ANSWER_FIELD + question.id(),
                question.label(english)));
        model.addAttribute("questionLabels", questionLabels);
        model.addAttribute("organizationName", organizations.get(declaration.organizationCode())
                .name("en".equals(LocaleContextHolder.getLocale().getLanguage())));
        model.addAttribute("declaration", declaration);
        // managers and reviewers open a draft from the dashboard to read it: no form they could not save
        boolean writer = access.mayWrite(declaration.organizationCode());
        boolean editable = declaration.status().isEditable() && writer;
        model.addAttribute("editable", editable);
        model.addAttribute("readOnly", declaration.status().isEditable() && !writer);
        // read only (sent, accepted, a past year, or one who may not write): the answers with its version's questions
        model.addAttribute("readAnswers", editable ? null : answers.read(declaration, locale));
        model.addAttribute("dueDate", declarations.dueDate(declaration));
        // three views of one carry-over, read once
        Map<String, List<DeclarationAnswers.DroppedChoice>> dropped = new LinkedHashMap<>();
        BatchReads.run(() -> {
            model.addAttribute("carriedOver", carriedOver(declaration));
            model.addAttribute("carriedFrom", carryOver.fromPredecessors(declaration.campaignYear(),
                    declaration.organizationCode()));
            dropped.putAll(carryOver.droppedChoices(declaration));
        });
        if (form != null && !questions.isEmpty()) {
            // the dropped-choice notices, by initiative then question: each question's input is described by its own
            Map<String, Map<String, String>> notices = new LinkedHashMap<>();
            dropped.forEach((initiativeId, choices) -> choices.forEach(choice -> notices
                    .computeIfAbsent(initiativeId, id -> new LinkedHashMap<>()).put(choice.questionId(), messages
                            .getMessage("declaration.answerDropped", new Object[] {choice.question(), choice.answer()},
                                    locale))));
            model.addAttribute("initiativeQuestions", InitiativeQuestions.of(questions, form,
                    answers.asked(declaration.campaignYear(), initiativeForms(form)), byPath, remarks, english,
                    key -> messages.getMessage(key, null, locale), remark, notices));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("errorsByPath", byPath);
        model.addAttribute("comments", comments);
        model.addAttribute("fieldLabelKeys", FieldCatalogue.labelKeys());
        model.addAttribute("transitions", history.transitions(declaration.id()));
        return "declaration/edit";
    }
}
