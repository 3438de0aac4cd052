package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A split from the registry's pages (issue 25): the coordinator names the body split and its successors, then assigns
 * each initiative still active at the body to one of them, on a page listing them. The rules are
 * {@link Successions#split}'s, as through the API: refused whole, each wrong field named, nothing recorded.
 */
@Controller
@RequestMapping("/organisations/scission")
class SplitPageController {

    /** A successor as the page offers it: its code, and its name when the registry knows it. */
    record Choice(String code, String label) {
    }

    private final Successions successions;
    private final OrganizationRepository organizations;
    private final AccessPolicy access;
    private final SuccessionNotes notes;

    SplitPageController(Successions successions, OrganizationRepository organizations, AccessPolicy access,
            SuccessionNotes notes) {
        this.notes = notes;
        this.successions = successions;
        this.organizations = organizations;
        this.access = access;
    }

    @GetMapping
    String form(@RequestParam(required = false) String predecessor, @RequestParam(required = false) String successors,
            Model model) {
        access.requireCoordinator();
        show(model, code(predecessor), successors, "", "", Map.of(), List.of());
        return "organization/split";
    }

    /** Each initiative's successor comes as {@code a.<initiative id>}; one left empty is said, not guessed. */
    @PostMapping
    String record(@RequestParam Map<String, String> parameters, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        String predecessor = code(parameters.get("predecessor"));
        String successors = parameters.getOrDefault("successors", "");
        Map<String, String> assignments = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("a.") && value != null && !value.isBlank()) {
                assignments.put(name.substring(2), value.trim());
            }
        });
        String effectiveDate = parameters.getOrDefault("effectiveDate", "");
        String reason = parameters.getOrDefault("reason", "");
        try {
            Successions.Succession recorded = successions.split(new SplitForm(predecessor, codes(successors),
                    date(effectiveDate), reason, assignments));
            // plain strings: the flash map lives in the (JDBC) session
            redirect.addFlashAttribute("succeededFrom", String.join(", ", recorded.predecessors()));
            redirect.addFlashAttribute("succeededTo", String.join(", ", recorded.successors()));
            java.util.ArrayList<String> late = notes.of(recorded);
            if (!late.isEmpty()) {
                redirect.addFlashAttribute("successionNotes", late);
            }
            return "redirect:/organisations#successions";
        } catch (InvalidInputException refused) {
            response.setStatus(422);
            show(model, predecessor, successors, effectiveDate, reason, assignments, refused.violations());
            return "organization/split";
        }
    }

    private void show(Model model, String predecessor, String successors, String effectiveDate, String reason,
            Map<String, String> assignments, List<Violation> errors) {
        model.addAttribute("predecessor", predecessor);
        model.addAttribute("successorsText", successors == null ? "" : successors);
        model.addAttribute("choices", codes(successors).stream().map(code -> new Choice(code, organizations.findById(code)
                .map(organization -> organization.nameFr() + " (" + code + ")").orElse(code))).toList());
        model.addAttribute("initiatives", predecessor == null ? List.of() : successions.activeInitiativesNamed(predecessor));
        model.addAttribute("assignments", assignments);
        model.addAttribute("effectiveDate", effectiveDate);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
    }

    private static String code(String typed) {
        return typed == null || typed.isBlank() ? null : typed.trim().toUpperCase(Locale.ROOT);
    }

    private static List<String> codes(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,;\\s]+")).map(String::trim)
                .filter(code -> !code.isEmpty()).map(code -> code.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** A date the browser's picker gives (ISO); one that cannot be read is refused as missing, naming the field. */
    private static LocalDate date(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.trim());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
