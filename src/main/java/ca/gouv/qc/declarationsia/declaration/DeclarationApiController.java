package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns/{year}/declarations")
@Tag(name = "Déclarations", description = "Déclarations des organismes / Organizations' declarations")
class DeclarationApiController {

    private final DeclarationService declarations;

    DeclarationApiController(DeclarationService declarations) {
        this.declarations = declarations;
    }

    record CheckResult(boolean submittable, List<Violation> errors) {
    }

    @Operation(summary = "Every declaration of a campaign (ministry staff)")
    @GetMapping
    List<DeclarationService.Summary> list(@PathVariable int year) {
        return declarations.list(year);
    }

    @Operation(summary = "One declaration with its initiatives (staff, or the organization itself)",
            description = "A new declaration comes prefilled with the organization's initiatives still active last year.")
    @GetMapping("/{organizationCode}")
    DeclarationView get(@PathVariable int year, @PathVariable String organizationCode) {
        return DeclarationView.of(declarations.get(year, organizationCode));
    }

    @Operation(summary = "Save a draft (the organization)",
            description = "Incomplete is fine; malformed (sizes, codes, months, unknown ids) answers 422 and changes "
                    + "nothing. Send back the version read: a save from an older version answers 409. An answer to a "
                    + "question whose condition does not hold for its initiative is not kept (as the page hides it).")
    @PutMapping("/{organizationCode}")
    DeclarationView save(@PathVariable int year, @PathVariable String organizationCode, @RequestBody DeclarationForm form) {
        return DeclarationView.of(declarations.saveDraft(year, organizationCode, form));
    }

    @Operation(summary = "Check the declaration against the submission rules, without submitting")
    @PostMapping("/{organizationCode}/validate")
    CheckResult check(@PathVariable int year, @PathVariable String organizationCode) {
        List<Violation> errors = declarations.check(year, organizationCode);
        return new CheckResult(errors.isEmpty(), errors);
    }

    @Operation(summary = "Submit with the attestation and the signatory (the organization)",
            description = "422 lists every error {path, code, message}; when valid, the organization's task completes.")
    @PostMapping("/{organizationCode}/submit")
    DeclarationView submit(@PathVariable int year, @PathVariable String organizationCode, @RequestBody SubmitForm form) {
        return DeclarationView.of(declarations.submit(year, organizationCode, form));
    }
}
