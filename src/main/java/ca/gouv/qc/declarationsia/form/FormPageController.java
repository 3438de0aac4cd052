package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.PublishedStatus;
import ca.gouv.qc.declarationsia.form.FormDefinition.QuestionType;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' page of the form's versions: the versions and the campaigns on each, and the next version made
 * from the newest (a code added or retired, a new code list, a field required or relaxed, a question added, reworded
 * or retired). A check or a save asks {@link FormVersions} what the API asks: nothing is stored until the whole holds
 * together, and each problem shows beside its input. Works without JavaScript: a check shows the draft again with an
 * empty row more, an empty new list, and the new lists offered to the questions.
 */
@Controller
@RequestMapping("/formulaires")
class FormPageController {

    /** The Portrait's statuses a phase may count as. */
    private static final List<String> PHASE_PORTRAIT = List.of(PublishedStatus.DEVELOPPEMENT_SOLUTION.name(),
            PublishedStatus.SOLUTION_EN_PRODUCTION.name(), FormDefinition.NOT_PUBLISHED);

    private final FormVersions forms;
    private final AccessPolicy access;

    FormPageController(FormVersions forms, AccessPolicy access) {
        this.forms = forms;
        this.access = access;
    }

    @GetMapping
    String page(Model model) {
        access.requireCoordinator();
        return show(FormDraft.from(forms.get(forms.newest())), List.of(), model);
    }

    /** {@code action=save} stores the next version (post-redirect-get); anything else checks the draft and shows it. */
    @PostMapping
    String post(@RequestParam(required = false) String action, @RequestParam(required = false) String basedOn,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        access.requireCoordinator();
        // the version the page showed: if another was made meanwhile, the problems say this one is no longer next
        int base = basedOn != null && basedOn.matches("[0-9]{1,9}") && forms.exists(Integer.parseInt(basedOn))
                ? Integer.parseInt(basedOn) : forms.newest();
        FormDraft draft = FormDraft.read(request.getParameterMap(), forms.get(base));
        if ("save".equals(action)) {
            try {
                FormDefinition stored = forms.create(draft.definition(), draft.addedIds());
                redirect.addFlashAttribute("created", stored.version());
                return "redirect:/formulaires";
            } catch (InvalidInputException refused) {
                return show(draft, refused.violations(), model);
            }
        }
        List<Violation> problems = forms.problems(draft.definition(), draft.addedIds());
        model.addAttribute("holds", problems.isEmpty());
        return show(draft, problems, model);
    }

    private String show(FormDraft draft, List<Violation> problems, Model model) {
        model.addAttribute("draft", draft.withEmptyRows());
        model.addAttribute("errors", problems);
        model.addAttribute("errorsAt", byPlace(problems, draft));
        model.addAttribute("versions", forms.list());
        model.addAttribute("campaignsOn", forms.campaignsByVersion());
        model.addAttribute("types", Arrays.stream(QuestionType.values()).map(Enum::name).toList());
        model.addAttribute("categoryPortrait", Arrays.stream(Category.values()).map(Enum::name).toList());
        model.addAttribute("phasePortrait", PHASE_PORTRAIT);
        model.addAttribute("conditionFields", FieldCatalogue.asked().stream()
                .filter(field -> field.yesNo() || field.coded()).toList());
        return "form/versions";
    }

    /**
     * Each problem by the input it is beside: its place in the definition, a condition's target for what is wrong
     * with it ({@code questions[2].when.question} beside {@code questions[2].when}).
     */
    private static Map<String, String> byPlace(List<Violation> problems, FormDraft draft) {
        Map<String, String> byPlace = new LinkedHashMap<>();
        problems.forEach(problem -> byPlace.merge(draft.place(place(problem.path())), problem.message(),
                (a, b) -> a + " " + b));
        return byPlace;
    }

    static String place(String path) {
        return path.replaceFirst("\\.when\\.(field|question)$", ".when");
    }
}
