package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Révision", description = "Révision des déclarations / Declaration review")
class ReviewApiController {

    private final ReviewService reviews;
    private final DeclarationService declarations;

    ReviewApiController(ReviewService reviews, DeclarationService declarations) {
        this.reviews = reviews;
        this.declarations = declarations;
    }

    @Operation(summary = "Accept a declaration or request corrections (reviewers)",
            description = "{decision: ACCEPT | REQUEST_CORRECTIONS, comments:[{initiativeId?, field?, question?, message}], "
                    + "overrides:[{initiativeId, genericProductName?, statusUnavailableReason?}]}; corrections need a comment. "
                    + "A comment names a field, or an initiative's answer to a question of the campaign's form version "
                    + "(question: its id, with initiativeId; never both field and question).")
    @PostMapping("/api/campaigns/{year}/declarations/{organizationCode}/review")
    Map<String, Object> review(@PathVariable int year, @PathVariable String organizationCode, @RequestBody ReviewForm form) {
        reviews.decide(year, organizationCode, form);
        return Map.of("status", declarations.get(year, organizationCode).status());
    }
}
