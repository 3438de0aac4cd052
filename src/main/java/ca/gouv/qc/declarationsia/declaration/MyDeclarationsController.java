package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A respondent's page: the organizations it answers for and their declarations, campaign by campaign. */
@Controller
class MyDeclarationsController {

    private final OrganizationService organizations;
    private final DeclarationService declarations;

    MyDeclarationsController(OrganizationService organizations, DeclarationService declarations) {
        this.organizations = organizations;
        this.declarations = declarations;
    }

    @GetMapping("/mes-declarations")
    String myDeclarations(Model model) {
        List<String> codes = CurrentUser.get().organizationCodes();
        model.addAttribute("organizations", codes.stream().map(organizations::get).toList());
        model.addAttribute("declarations", declarations.ofOrganizations(codes));
        return "declaration/mine";
    }
}
