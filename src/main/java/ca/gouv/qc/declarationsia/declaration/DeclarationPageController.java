package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's declaration page: every field of every initiative, save a draft at any time, check it, add an
 * initiative, submit with the attestation. Same service and rules as the API.
 */
@Controller
@RequestMapping("/mes-declarations/{year}/{organizationCode}")
class DeclarationPageController {

    private final DeclarationService declarations;
    private final DeclarationHistory history;
    private final InitiativeCsv csv;
    private final AccessPolicy access;
    private final MessageSource messages;

    DeclarationPageController(DeclarationService declarations, DeclarationHistory history, InitiativeCsv csv,
            AccessPolicy access, MessageSource messages) {
        this.declarations = declarations;
        this.history = history;
        this.csv = csv;
        this.access = access;
        this.messages = messages;
    }

    @ModelAttribute("codes")
    Map<String, Enum<?>[]> codes() {
        Map<String, Enum<?>[]> codes = new LinkedHashMap<>();
        codes.put("objectType", ObjectType.values());
        codes.put("category", Category.values());
        codes.put("subcategory", Subcategory.values());
        codes.put("phase", Phase.values());
        codes.put("acquisitionMode", AcquisitionMode.values());
        codes.put("personalInformation", PersonalInformation.values());
        codes.put("privacyImpactAssessment", PrivacyImpactAssessment.values());
        codes.put("decisionRole", DecisionRole.values());
        codes.put("humanOversight", HumanOversight.values());
        codes.put("riskLevel", RiskLevel.values());
        return codes;
    }

    @GetMapping
    String show(@PathVariable int year, @PathVariable String organizationCode, Model model) {
        Declaration declaration = declarations.get(year, organizationCode);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DeclarationPageForm.of(declaration));
        }
        return page(declaration, model, List.of());
    }

    @PostMapping
    String act(@PathVariable int year, @PathVariable String organizationCode, @RequestParam String action,
            @ModelAttribute("form") DeclarationPageForm form,
            @RequestParam(required = false) boolean attestation, @RequestParam(required = false) String signatoryName,
            @RequestParam(required = false) String signatoryRole, @RequestParam(required = false) String signatoryEmail,
            Model model, RedirectAttributes redirect) {
        access.requireWrite(organizationCode);
        if ("add".equals(action)) {
            form.getInitiatives().add(new DeclarationPageForm.Initiative());
            return page(declarations.get(year, organizationCode), model, List.of());
        }
        try {
            Declaration saved = declarations.saveDraft(year, organizationCode, form.toForm());
            if ("check".equals(action)) {
                List<Violation> problems = declarations.check(year, organizationCode);
                model.addAttribute("form", DeclarationPageForm.of(saved));
                model.addAttribute("checked", problems.isEmpty());
                return page(saved, model, problems);
            }
            if ("submit".equals(action)) {
                declarations.submit(year, organizationCode, new SubmitForm(attestation,
                        new SubmitForm.Signatory(signatoryName, signatoryRole, signatoryEmail)));
                redirect.addFlashAttribute("done", "declaration.submitted");
            } else {
                redirect.addFlashAttribute("done", "declaration.saved");
            }
            return "redirect:/mes-declarations/" + year + "/" + organizationCode;
        } catch (InvalidInputException invalid) {
            return page(declarations.get(year, organizationCode), model, invalid.violations());
        } catch (OptimisticLockingFailureException staleTab) {
            String message = messages.getMessage("error.concurrentModification", null, LocaleContextHolder.getLocale());
            return page(declarations.get(year, organizationCode), model, List.of(new Violation("version", "Conflict", message)));
        }
    }

    @GetMapping(path = "/modele.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> template(@PathVariable int year, @PathVariable String organizationCode) {
        return download("initiatives-" + year + "-" + organizationCode + ".csv",
                csv.template(declarations.get(year, organizationCode)));
    }

    @GetMapping(path = "/codes.csv", produces = "text/csv;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> codeList(@PathVariable int year, @PathVariable String organizationCode) {
        declarations.get(year, organizationCode);
        return download("codes.csv", csv.codes(codes()));
    }

    @PostMapping("/import")
    String importCsv(@PathVariable int year, @PathVariable String organizationCode,
            @RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            declarations.importInitiatives(year, organizationCode, csv.read(file.getBytes()), csv::lineMessage);
            redirect.addFlashAttribute("done", "declaration.csv.imported");
            return "redirect:/mes-declarations/" + year + "/" + organizationCode;
        } catch (InvalidInputException invalid) {
            Declaration declaration = declarations.get(year, organizationCode);
            model.addAttribute("form", DeclarationPageForm.of(declaration));
            return page(declaration, model, invalid.violations());
        }
    }

    /** UTF-8 with a byte order mark, so that spreadsheets open the accents right. */
    private static ResponseEntity<String> download(String fileName, String content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body("\uFEFF" + content);
    }

    private String page(Declaration declaration, Model model, List<Violation> errors) {
        Map<String, String> byPath = new LinkedHashMap<>();
        errors.forEach(error -> byPath.merge(error.path(), error.message(), (a, b) -> a + " " + b));
        model.addAttribute("declaration", declaration);
        model.addAttribute("editable", declaration.status() == DeclarationStatus.BROUILLON
                || declaration.status() == DeclarationStatus.A_CORRIGER);
        model.addAttribute("errors", errors);
        model.addAttribute("errorsByPath", byPath);
        model.addAttribute("comments", history.latestComments(declaration.id()));
        model.addAttribute("transitions", history.transitions(declaration.id()));
        return "declaration/edit";
    }

}
