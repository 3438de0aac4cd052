package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignDashboard;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.organization.Organization;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.security.Roles;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page tells each role what to do next, from where its work stands now. */
@Controller
class HomeController {

    /** One body's next step: its latest declaration, and whether that year's Portrait is out. */
    record BodyGuidance(Organization organization, Declaration declaration, String state, String dueDate,
            String submittedAt) {
    }

    /** Where the latest campaign stands, for coordinators and managers. */
    record CampaignGuidance(Campaign campaign, CampaignDashboard.Summary summary, String state) {
    }

    private final OrganizationService organizations;
    private final DeclarationService declarations;
    private final CampaignService campaigns;
    private final CampaignDashboard dashboard;
    private final TaskService tasks;
    private final ca.gouv.qc.declarationsia.shared.Dates dates;

    HomeController(OrganizationService organizations, DeclarationService declarations, CampaignService campaigns,
            CampaignDashboard dashboard, TaskService tasks, ca.gouv.qc.declarationsia.shared.Dates dates) {
        this.organizations = organizations;
        this.declarations = declarations;
        this.campaigns = campaigns;
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.dates = dates;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.get();
        if (user.isStaff()) {
            model.addAttribute("activeOrganizations", organizations.countActive());
            model.addAttribute("campaignGuidance", latestCampaign().orElse(null));
        }
        if (user.isReviewer()) {
            model.addAttribute("reviewTasks", tasks.createTaskQuery().taskCandidateGroup(Roles.REVIEWERS)
                    .includeAssignedTasks().count());
        }
        if (user.isRespondent()) {
            @SuppressWarnings("unchecked")
            List<Integer> published = (List<Integer>) model.getAttribute("publishedYears");
            List<Declaration> mine = declarations.ofOrganizations(user.organizationCodes());
            model.addAttribute("bodies", user.organizationCodes().stream()
                    .map(code -> guidance(organizations.get(code), mine, published == null ? List.of() : published))
                    .toList());
        }
        return "home";
    }

    private BodyGuidance guidance(Organization organization, List<Declaration> declarations, List<Integer> published) {
        Optional<Declaration> latest = declarations.stream()
                .filter(declaration -> declaration.organizationCode().equals(organization.code()))
                .max(Comparator.comparingInt(Declaration::campaignYear));
        if (latest.isEmpty()) {
            return new BodyGuidance(organization, null, "NONE", null, null);
        }
        Declaration declaration = latest.get();
        String state = declaration.status() == DeclarationStatus.ACCEPTEE && published.contains(declaration.campaignYear())
                ? "PUBLIEE" : declaration.status().name();
        return new BodyGuidance(organization, declaration, state,
                declaration.status().isEditable() ? dates.date(this.declarations.dueDate(declaration)) : null,
                declaration.submittedAt() == null ? null : dates.dateTime(declaration.submittedAt()));
    }

    private Optional<CampaignGuidance> latestCampaign() {
        return campaigns.list().stream().findFirst().map(campaign -> {
            CampaignDashboard.Summary summary = dashboard.summary(campaign);
            String state = summary.publication() != null && !"PUBLIEE".equals(summary.publication())
                    ? summary.publication() : campaign.status().name();
            return new CampaignGuidance(campaign, summary, state);
        });
    }
}
