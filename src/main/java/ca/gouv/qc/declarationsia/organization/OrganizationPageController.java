package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.web.PageNumber;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators' page of the registry: list, filter, import. Managers and reviewers read it. */
@Controller
@RequestMapping("/organisations")
class OrganizationPageController {

    private final OrganizationDirectory directory;
    private final OrganizationCsvImport csvImport;
    private final PortfolioRepository portfolios;
    private final AccessPolicy access;
    private final Successions successions;
    private final SuccessionNotes successionNotes;

    OrganizationPageController(OrganizationDirectory directory, OrganizationCsvImport csvImport,
            PortfolioRepository portfolios, AccessPolicy access, Successions successions,
            SuccessionNotes successionNotes) {
        this.successions = successions;
        this.successionNotes = successionNotes;
        this.directory = directory;
        this.csvImport = csvImport;
        this.portfolios = portfolios;
        this.access = access;
    }

    @ModelAttribute
    void referenceData(Model model) {
        model.addAttribute("categories", LggriCategory.values());
        model.addAttribute("portfolios", portfolios.findAllOrderByName());
        model.addAttribute("canImport", access.mayCoordinate());
        model.addAttribute("columns", String.join(",", OrganizationCsvImport.COLUMNS));
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) LggriCategory category,
            @RequestParam(required = false) String portfolio, @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) String page, Model model) {
        // the directory answers pages only and checks nothing itself: the rule is asked here
        access.requireStaff();
        OrganizationDirectory.Filter filter = new OrganizationDirectory.Filter(q, category, portfolio, active);
        model.addAttribute("filter", filter);
        model.addAttribute("organizations", directory.find(filter, PageNumber.of(page)));
        model.addAttribute("successions", successions.list());
        model.addAttribute("kinds", java.util.List.of(SuccessionKind.FUSION, SuccessionKind.ABSORPTION, SuccessionKind.RENOMMAGE));
        return "organization/list";
    }

    /**
     * A merge, absorption or renaming recorded from the page (a split, with one successor per initiative, has a page of
     * its own, {@link SplitPageController}). Post-redirect-get; when refused, the errors and what was typed come back, nothing recorded.
     */
    @PostMapping("/successions")
    String recordSuccession(@RequestParam(required = false) String predecessors, @RequestParam(required = false) String successor,
            @RequestParam(required = false) String effectiveDate, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        java.util.List<String> codes = predecessors == null ? java.util.List.of() : java.util.Arrays.stream(predecessors.split("[,;\\s]+"))
                .map(String::trim).filter(code -> !code.isEmpty()).map(code -> code.toUpperCase(java.util.Locale.ROOT)).toList();
        java.time.LocalDate date = null;
        try {
            date = effectiveDate == null || effectiveDate.isBlank() ? null : java.time.LocalDate.parse(effectiveDate.trim());
        } catch (java.time.format.DateTimeParseException unreadable) {
            // left empty: refused below as a missing date, naming the field
        }
        try {
            Successions.Succession recorded = successions.record(new SuccessionForm(codes,
                    successor == null ? null : successor.trim().toUpperCase(java.util.Locale.ROOT), date, reason,
                    kind == null || kind.isBlank() ? null : kind));
            // plain strings: the flash map lives in the (JDBC) session
            redirect.addFlashAttribute("succeededFrom", String.join(", ", recorded.predecessors()));
            redirect.addFlashAttribute("succeededTo", String.join(", ", recorded.successors()));
            // recorded late, counting for the campaign under way: what it did there, said beside the notice
            java.util.ArrayList<String> notes = successionNotes.of(recorded);
            if (!notes.isEmpty()) {
                redirect.addFlashAttribute("successionNotes", notes);
            }
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("successionErrors", refused.violations());
            // each message beside its field too (predecessors[2] beside the predecessors' field)
            java.util.HashMap<String, String> byField = new java.util.HashMap<>();
            refused.violations().forEach(violation -> byField.merge(violation.path().replaceAll("\\[.*$", ""),
                    violation.message(), (first, next) -> first + " " + next));
            redirect.addFlashAttribute("successionFieldErrors", byField);
            redirect.addFlashAttribute("successionTyped", new java.util.HashMap<>(java.util.Map.of("predecessors", java.util.Objects.toString(predecessors, ""),
                    "successor", java.util.Objects.toString(successor, ""), "effectiveDate", java.util.Objects.toString(effectiveDate, ""),
                    "reason", java.util.Objects.toString(reason, ""))));
        }
        return "redirect:/organisations#successions";
    }

    /** Post-redirect-get: the report survives the redirect once, and a reload never imports twice. */
    @PostMapping("/import")
    String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            redirect.addFlashAttribute("report", csvImport.importCsv(file.getBytes()));
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("importErrors", refused.violations());
        }
        return "redirect:/organisations";
    }
}
