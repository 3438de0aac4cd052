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

    OrganizationPageController(OrganizationDirectory directory, OrganizationCsvImport csvImport,
            PortfolioRepository portfolios, AccessPolicy access) {
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
        return "organization/list";
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
