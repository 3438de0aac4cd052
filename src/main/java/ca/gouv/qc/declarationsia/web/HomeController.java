package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page tells each role what to do next. */
@Controller
class HomeController {

    private final OrganizationService organizations;
    private final TaskService tasks;

    HomeController(OrganizationService organizations, TaskService tasks) {
        this.organizations = organizations;
        this.tasks = tasks;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.get();
        if (user.isStaff()) {
            model.addAttribute("activeOrganizations", organizations.countActive());
        }
        if (user.isReviewer()) {
            model.addAttribute("reviewTasks", tasks.createTaskQuery().taskCandidateGroup(Roles.REVIEWERS)
                    .includeAssignedTasks().count());
        }
        if (user.isRespondent()) {
            model.addAttribute("myOrganizations", user.organizationCodes().stream().map(organizations::get).toList());
        }
        return "home";
    }
}
