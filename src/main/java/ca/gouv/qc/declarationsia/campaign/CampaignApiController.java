package ca.gouv.qc.declarationsia.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campagnes", description = "Campagnes annuelles de déclaration / Yearly declaration campaigns")
class CampaignApiController {

    private final CampaignService campaigns;
    private final CampaignDashboard dashboard;
    private final ExtensionService extensions;
    private final CampaignTargets targets;

    CampaignApiController(CampaignService campaigns, CampaignDashboard dashboard, ExtensionService extensions,
            CampaignTargets targets) {
        this.campaigns = campaigns;
        this.dashboard = dashboard;
        this.extensions = extensions;
        this.targets = targets;
    }

    @Operation(summary = "Create a planned campaign (coordinators)",
            description = "Dates must satisfy opening < due ≤ closing; reminders (days before the due date) must fall "
                    + "after the opening; targets are all active organizations or the listed codes. 422 lists every error.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(@RequestBody CampaignForm form) {
        return campaigns.create(form);
    }

    @Operation(summary = "Every campaign, newest first (ministry staff)")
    @GetMapping
    List<Campaign> list() {
        return campaigns.list();
    }

    @Operation(summary = "A campaign's tracking: declarations per status, overdue count, response rate, mail")
    @GetMapping("/{year}")
    CampaignDashboard.Summary get(@PathVariable int year) {
        return dashboard.summary(campaigns.get(year));
    }

    @Operation(summary = "Per organization: status, due date or extension, overdue flag, last mail")
    @GetMapping("/{year}/tracking")
    List<CampaignDashboard.Row> tracking(@PathVariable int year, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String sort) {
        campaigns.get(year);
        return dashboard.rows(year, status, overdue, sort);
    }

    @Operation(summary = "Launch: opens one declaration per targeted organization and invites its respondents")
    @PostMapping("/{year}/launch")
    CampaignDashboard.Summary launch(@PathVariable int year) {
        return dashboard.summary(campaigns.launch(year));
    }

    /** The version of the form a planned campaign asks. */
    record FormVersionForm(Integer formVersion) {
    }

    @Operation(summary = "Pin a planned campaign to another version of the form (coordinators)",
            description = "Only before the launch: a launched campaign's version never changes (422 naming formVersion).")
    @PostMapping("/{year}/form-version")
    Campaign pinFormVersion(@PathVariable int year, @RequestBody FormVersionForm form) {
        return campaigns.pinFormVersion(year, form.formVersion());
    }

    @Operation(summary = "Close before the closing date; coordinators then approve the publication")
    @PostMapping("/{year}/close")
    CampaignDashboard.Summary close(@PathVariable int year) {
        return dashboard.summary(campaigns.close(year));
    }

    @Operation(summary = "Grant an organization a new due date, with a reason (coordinators)")
    @PostMapping("/{year}/declarations/{organizationCode}/extension")
    Map<String, LocalDate> extend(@PathVariable int year, @PathVariable String organizationCode,
            @RequestBody ExtensionForm form) {
        return Map.of("dueDate", extensions.grant(year, organizationCode, form));
    }

    @Operation(summary = "Add a body to a planned or open campaign (coordinators)",
            description = "A body created or merged during the year. In an open campaign it gets its declaration, its "
                    + "process and its invitation at once; dueDate (optional, at most the closing date) replaces the "
                    + "campaign's for that body. 422 names the field.")
    @PostMapping("/{year}/targets")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> addTarget(@PathVariable int year, @RequestBody TargetForm form) {
        return Map.of("organizationCode", form.organizationCode(), "dueDate", targets.add(year, form));
    }
}
