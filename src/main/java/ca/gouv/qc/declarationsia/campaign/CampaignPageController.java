package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.Csv;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.shared.web.PageNumber;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators create, launch, follow and close campaigns here; managers and reviewers read the same pages.
 * <p>
 * Forms are bound with {@code @Valid} and read from their {@link BindingResult}; the services keep the rules
 * between fields and the state's rules, so the API says the same. Who may act is {@link AccessPolicy}'s to say: an
 * action asks it before the page's own rule (the ticked confirmation), so that a refusal comes before any advice.
 */
@Controller
@RequestMapping("/campagnes")
class CampaignPageController {

    private static final java.time.format.DateTimeFormatter SPREADSHEET_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CampaignService campaigns;
    private final CampaignDashboard dashboard;
    private final ExtensionService extensions;
    private final DeclarationService declarations;
    private final InputValidator validator;
    private final MessageSource messages;
    private final Clock clock;
    private final AccessPolicy access;
    private final CampaignTargets targets;
    private final FormVersions forms;

    CampaignPageController(CampaignService campaigns, CampaignDashboard dashboard, ExtensionService extensions,
            DeclarationService declarations, InputValidator validator, MessageSource messages, Clock clock,
            AccessPolicy access, CampaignTargets targets, FormVersions forms) {
        this.targets = targets;
        this.forms = forms;
        this.campaigns = campaigns;
        this.dashboard = dashboard;
        this.extensions = extensions;
        this.declarations = declarations;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
        this.access = access;
    }

    @ModelAttribute("canAct")
    boolean canAct() {
        return access.mayCoordinate();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        // the versions of the form a new campaign may ask, newest (the default) first
        model.addAttribute("formVersions", forms.list());
        return "campaign/list";
    }

    /** The errors of a refused form by field, so that each shows beside its field (and all in the summary). */
    private static Map<String, String> byField(List<Violation> violations) {
        Map<String, String> byPath = new LinkedHashMap<>();
        violations.forEach(violation -> byPath.merge(violation.path().replaceAll("\\[\\d+]", ""), violation.message(),
                (a, b) -> a + " " + b));
        return byPath;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // what could not be read or is malformed, and beside it the campaign's other problems: all said at once
            List<Violation> all = new ArrayList<>(validator.violations(binding));
            Set<String> refusedFields = all.stream().map(violation -> violation.path().replaceAll("\\[\\d+]", ""))
                    .collect(Collectors.toSet());
            campaigns.problems(form).stream()
                    .filter(problem -> !refusedFields.contains(problem.path().replaceAll("\\[\\d+]", "")))
                    .forEach(all::add);
            return refused(all, model);
        }
        try {
            Campaign campaign = campaigns.create(form);
            redirect.addFlashAttribute("created", campaign.year());
            return "redirect:/campagnes/" + campaign.year();
        } catch (InvalidInputException invalid) {
            return refused(invalid.violations(), model);
        }
    }

    private String refused(List<Violation> violations, Model model) {
        model.addAttribute("errors", violations);
        model.addAttribute("errorsByField", byField(violations));
        model.addAttribute("campaigns", campaigns.list());
        // the versions of the form a new campaign may ask, newest (the default) first
        model.addAttribute("formVersions", forms.list());
        return "campaign/list";
    }

    @GetMapping("/{year}")
    String dashboard(@PathVariable int year, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        Campaign campaign = campaigns.get(year);
        model.addAttribute("campaign", campaign);
        model.addAttribute("summary", dashboard.summary(campaign));
        model.addAttribute("successions", dashboard.successions(year));
        // what a launch now would do: open at once, or schedule the opening for its date
        model.addAttribute("launchSchedules", LocalDate.now(clock).isBefore(campaign.openingDate()));
        @SuppressWarnings("unchecked")
        List<Violation> errors = (List<Violation>) model.getAttribute("errors");
        model.addAttribute("errorsByField", byField(errors == null ? List.of() : errors));
        CampaignDashboard.Page tracking = dashboard.page(year, status, overdue, sort, q, PageNumber.of(page));
        model.addAttribute("page", tracking);
        model.addAttribute("rows", tracking.rows());
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("q", q == null || q.isBlank() ? null : q.trim());
        model.addAttribute("sort", sort == null ? "name" : sort);
        return "campaign/dashboard";
    }

    /**
     * The page asks for a ticked confirmation beside the button of each action that cannot be undone (launch,
     * close, exemption); the API does not: its callers mean what they send.
     */
    @PostMapping("/{year}/lancer")
    String launch(@PathVariable int year, @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
        access.requireCoordinator();
        if (!confirmed) {
            return unconfirmed(year, "confirmLaunch", "validation.campaign.confirmLaunch", redirect);
        }
        Campaign before = campaigns.get(year);
        boolean early = LocalDate.now(clock).isBefore(before.openingDate());
        return act(year, redirect, () -> campaigns.launch(year), early ? "campaign.scheduled" : "campaign.launched");
    }

    @PostMapping("/{year}/fermer")
    String close(@PathVariable int year, @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
        access.requireCoordinator();
        if (!confirmed) {
            return unconfirmed(year, "confirmClose", "validation.campaign.confirmClose", redirect);
        }
        return act(year, redirect, () -> campaigns.close(year), "campaign.closed");
    }

    @PostMapping("/{year}/prolongation")
    String extend(@PathVariable int year, @RequestParam String organizationCode,
            @Valid @ModelAttribute ExtensionForm form, BindingResult binding,
            @RequestParam(name = "dueDate", required = false) String typedDueDate, RedirectAttributes redirect) {
        access.requireCoordinator();
        redirect.addFlashAttribute("errorForm", "extension");
        // what was typed comes back with the error, so that nothing is typed twice
        redirect.addFlashAttribute("extension", Map.of("organizationCode", organizationCode,
                "dueDate", Objects.toString(typedDueDate, ""), "reason", Objects.toString(form.reason(), "")));
        // an unknown code and a form refused as typed are said at once, so that both are fixed in one go
        List<Violation> refused = new ArrayList<>(knownCode(year, organizationCode));
        refused.addAll(validator.violations(binding));
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("errors", refused);
            return "redirect:/campagnes/" + year;
        }
        String next = act(year, redirect, () -> extensions.grant(year, organizationCode, form), "campaign.extended");
        if (redirect.getFlashAttributes().containsKey("done")) {
            redirect.getFlashAttributes().remove("extension");
        }
        return next;
    }

    /** The code is typed in: an unknown one is said beside its field rather than as a "not found" page. */
    private List<Violation> knownCode(int year, String organizationCode) {
        return declarations.exists(year, organizationCode) ? List.of()
                : List.of(validator.violation("organizationCode", "Unknown", "validation.campaign.noSuchDeclaration"));
    }

    @PostMapping("/{year}/exemption")
    String exempt(@PathVariable int year, @RequestParam String organizationCode, @RequestParam String reason,
            @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
        access.requireCoordinator();
        redirect.addFlashAttribute("errorForm", "exemption");
        if (!confirmed) {
            // what was typed comes back with the error, so that nothing is typed twice
            redirect.addFlashAttribute("exemption", Map.of("organizationCode", organizationCode, "reason", reason));
            return unconfirmed(year, "confirmExemption", "validation.campaign.confirmExemption", redirect);
        }
        List<Violation> unknown = knownCode(year, organizationCode);
        String next;
        if (unknown.isEmpty()) {
            next = act(year, redirect, () -> declarations.exempt(year, organizationCode, reason), "campaign.exempted");
        } else {
            redirect.addFlashAttribute("errors", unknown);
            next = "redirect:/campagnes/" + year;
        }
        if (!redirect.getFlashAttributes().containsKey("done")) {
            redirect.addFlashAttribute("exemption", Map.of("organizationCode", organizationCode, "reason", reason));
        }
        return next;
    }

    @PostMapping("/{year}/organismes")
    String addTarget(@PathVariable int year, @Valid @ModelAttribute TargetForm form, BindingResult binding,
            @RequestParam(required = false) boolean confirmed, RedirectAttributes redirect) {
        access.requireCoordinator();
        redirect.addFlashAttribute("errorForm", "target");
        redirect.addFlashAttribute("target", form);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("errors", validator.violations(binding));
            return "redirect:/campagnes/" + year;
        }
        if (!confirmed) {
            return unconfirmed(year, "confirmTarget", "validation.target.confirm", redirect);
        }
        String next = act(year, redirect, () -> targets.add(year, form), "campaign.targetAdded");
        if (redirect.getFlashAttributes().containsKey("done")) {
            redirect.getFlashAttributes().remove("target");
        }
        return next;
    }

    private String unconfirmed(int year, String field, String messageKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", List.of(validator.violation(field, "NotConfirmed", messageKey)));
        return "redirect:/campagnes/" + year;
    }

    /** The tracking as a spreadsheet: UTF-8 with BOM, cells that a spreadsheet would run as formulas neutralized. */
    @GetMapping("/{year}/suivi.csv")
    void exportCsv(@PathVariable int year, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q, Locale locale, HttpServletResponse response) throws IOException {
        campaigns.get(year);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"suivi-campagne-" + year + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (Csv.Writer csv = Csv.writer(writer)) {
            csv.row(List.of(label("campaign.column.organizationCode", locale), label("campaign.column.organization", locale),
                    label("campaign.column.status", locale), label("campaign.column.dueDate", locale), label("campaign.column.extended", locale),
                    label("campaign.column.overdue", locale), label("campaign.column.submittedAt", locale),
                    label("campaign.column.lastMail", locale), label("campaign.column.lastMailAt", locale),
                    label("campaign.column.rejected", locale)));
            for (CampaignDashboard.Row row : dashboard.rows(year, status, overdue, sort, q)) {
                csv.row(row.organizationCode(), "en".equals(locale.getLanguage()) ? row.nameEn() : row.nameFr(),
                        label("declarationStatus." + row.status(), locale), row.dueDate(), yesNo(row.extended(), locale),
                        yesNo(row.overdue(), locale), inQuebec(row.submittedAt()),
                        row.lastMailKind() == null ? "" : label("mailKind." + row.lastMailKind(), locale),
                        inQuebec(row.lastMailAt()), row.rejectedAddresses());
            }
        }
    }

    private String act(int year, RedirectAttributes redirect, Runnable action, String doneKey) {
        try {
            action.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (InvalidInputException refused) {
            // the service's refusal, in its words, beside the fields it names
            redirect.addFlashAttribute("errors", refused.violations());
        }
        return "redirect:/campagnes/" + year;
    }

    private String yesNo(boolean answer, Locale locale) {
        return label(answer ? "common.yes" : "common.no", locale);
    }

    /** As the page shows it, in Québec's time, in a form spreadsheets sort: 2026-12-01 21:24. */
    private static String inQuebec(java.time.Instant instant) {
        return instant == null ? "" : SPREADSHEET_TIME.format(instant.atZone(QuebecTime.ZONE));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
