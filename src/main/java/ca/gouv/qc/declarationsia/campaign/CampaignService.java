package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.form.FormVersions;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, launches and closes campaigns: the coordinators' side of {@code annual-campaign}. Who may do it is checked
 * here; what the campaign's status may become, and its writing, is {@link CampaignLifecycle}'s alone.
 */
@Service
public class CampaignService {


    private final CampaignRepository campaigns;
    private final CampaignLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final FormVersions forms;

    CampaignService(CampaignRepository campaigns, CampaignLifecycle lifecycle, JdbcClient jdbc, RuntimeService runtime,
            InputValidator validator, AccessPolicy access, FormVersions forms) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.validator = validator;
        this.access = access;
    }

    /** Creates a planned campaign and its targets; refuses the whole form, naming each wrong field. */
    @Transactional
    public Campaign create(CampaignForm form) {
        List<Violation> violations = problems(form);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Set<Campaign.Reminder> reminders = form.reminderOffsets() == null || form.reminderOffsets().isEmpty()
                ? Campaign.DEFAULT_REMINDERS
                : form.reminderOffsets().stream().map(Campaign.Reminder::new).collect(Collectors.toSet());
        Campaign campaign = lifecycle.plan(Campaign.planned(form.year(), form.referenceDate(), form.openingDate(),
                form.dueDate(), form.closingDate(), reminders,
                form.overdueReminderDays() == null ? 7 : form.overdueReminderDays(),
                form.formVersion() == null ? forms.newest() : form.formVersion()), CurrentUser.actorId());
        if (Boolean.TRUE.equals(form.allActiveOrganizations())) {
            jdbc.sql("insert into campaign_target (campaign_year, organization_code) select :year, code from organization_directory where active")
                    .param("year", form.year()).update();
        } else {
            jdbc.sql("insert into campaign_target (campaign_year, organization_code) select :year, code from organization_directory where code = any(:codes)")
                    .param("year", form.year()).param("codes", codes(form)).update();
        }
        targetSuccessors(form.year(), form.openingDate());
        return campaign;
    }

    /**
     * A succession recorded ahead of its date leaves the bodies it replaces active, and targeted, until then. A
     * campaign opening on or after that date targets their successors instead (as a planned campaign does when the
     * succession is recorded after it, {@code CampaignTargets.follow}); one opening before it keeps them: they declare
     * that year themselves. Followed along a chain of successions (the registry refuses cycles).
     */
    private void targetSuccessors(int year, LocalDate openingDate) {
        record Link(String predecessorCode, String successorCode) {
        }
        for (int step = 0; step < 100; step++) {
            List<Link> links = jdbc.sql("""
                    select b.predecessor_code, b.successor_code from body_succession b
                      join campaign_target t on t.campaign_year = :year and t.organization_code = b.predecessor_code
                     where b.effective_date <= :opening
                    """).param("year", year).param("opening", openingDate).query(Link.class).list();
            if (links.isEmpty()) {
                return;
            }
            jdbc.sql("delete from campaign_target where campaign_year = :year and organization_code = any(:codes)")
                    .param("year", year)
                    .param("codes", links.stream().map(Link::predecessorCode).distinct().toArray(String[]::new)).update();
            jdbc.sql("""
                    insert into campaign_target (campaign_year, organization_code)
                    select :year, code from organization_directory where code = any(:codes)
                    on conflict do nothing
                    """).param("year", year)
                    .param("codes", links.stream().map(Link::successorCode).distinct().toArray(String[]::new)).update();
        }
    }

    /**
     * Starts the campaign's process. On or after the opening date, PLANIFIEE → OUVERTE at once and the fan-out runs on
     * the job executor; before it, the campaign stays PLANIFIEE with its opening scheduled: the process waits for the
     * opening date (a timer), then opens it and invites every body. What may be launched is
     * {@link CampaignLifecycle#launch}'s to say.
     */
    @Transactional
    public Campaign launch(int year) {
        access.requireCoordinator();
        get(year);
        lifecycle.launch(year, CurrentUser.actorId(), () -> runtime.startProcessInstanceByKey(
                ProcessModels.AnnualCampaign.KEY,
                String.valueOf(year), Map.of("campaignYear", year)).getId());
        return get(year);
    }

    /**
     * Pins a planned campaign to another version of the form. Once launched (or its opening scheduled) its declarations
     * were asked their questions: the version never changes (the database refuses it too).
     */
    @Transactional
    public Campaign pinFormVersion(int year, Integer formVersion) {
        access.requireCoordinator();
        Campaign campaign = get(year);
        if (campaign.status() != CampaignStatus.PLANIFIEE || campaign.launchedAt() != null) {
            throw refused("formVersion", "validation.campaign.formVersionFixed", year, campaign.formVersion());
        }
        if (formVersion == null) {
            throw new InvalidInputException(List.of(validator.violation("formVersion", "Required", "validation.required")));
        }
        if (!forms.exists(formVersion)) {
            throw new InvalidInputException(List.of(validator.violation("formVersion", "Unknown",
                    "validation.form.unknownVersion", formVersion)));
        }
        jdbc.sql("update campaign set form_version = :formVersion, version = version + 1 where year = :year")
                .param("formVersion", formVersion).param("year", year).update();
        return get(year);
    }

    /**
     * Closes before the closing date, credited to the coordinator; the process then asks coordinators to approve the
     * publication. A campaign whose process is still launching its declarations is refused (and stays open).
     */
    @Transactional
    public Campaign close(int year) {
        access.requireCoordinator();
        get(year);
        lifecycle.close(year, CurrentUser.actorId());
        try {
            runtime.createMessageCorrelation(ProcessModels.AnnualCampaign.CLOSE_MESSAGE)
                    .processInstanceBusinessKey(String.valueOf(year)).correlate();
        } catch (MismatchingMessageCorrelationException stillLaunching) {
            throw refused("status", "validation.campaign.stillLaunching", year);
        }
        return get(year);
    }

    /** FERMEE → PUBLIEE, once the year's Portrait is out (the publication step asks; it owns no campaign row). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void markPublished(int year) {
        lifecycle.publish(year, CurrentUser.actorId());
    }

    /** The campaign of this year, if there is one: a year typed on a page is checked so, not by a 404. */
    @Transactional(readOnly = true)
    public Optional<Campaign> find(int year) {
        access.requireStaff();
        return campaigns.findById(year);
    }

    @Transactional(readOnly = true)
    public Campaign get(int year) {
        access.requireStaff();
        return campaigns.findById(year).orElseThrow(() -> new NotFoundException("error.campaign.notFound", year));
    }

    @Transactional(readOnly = true)
    public List<Campaign> list() {
        access.requireStaff();
        return campaigns.findAll().stream().sorted((a, b) -> b.year() - a.year()).toList();
    }

    /**
     * Every reason the campaign could not be created (empty when it could), all at once: a rule between two dates
     * waits only for those two dates, not for the whole form to be well formed.
     */
    @Transactional(readOnly = true)
    public List<Violation> problems(CampaignForm form) {
        access.requireCoordinator();
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        violations.addAll(dateRules(form));
        violations.addAll(targetRules(form));
        if (form.formVersion() != null && form.formVersion() > 0 && !forms.exists(form.formVersion())) {
            violations.add(validator.violation("formVersion", "Unknown", "validation.form.unknownVersion",
                    form.formVersion()));
        }
        return violations;
    }

    private List<Violation> dateRules(CampaignForm form) {
        List<Violation> violations = new ArrayList<>();
        if (form.openingDate() != null && form.dueDate() != null && !form.openingDate().isBefore(form.dueDate())) {
            violations.add(validator.violation("dueDate", "AfterOpening", "validation.campaign.dueAfterOpening"));
        }
        if (form.closingDate() != null && form.dueDate() != null && form.closingDate().isBefore(form.dueDate())) {
            violations.add(validator.violation("closingDate", "NotBeforeDue", "validation.campaign.closingAfterDue"));
        }
        if (form.referenceDate() != null && form.openingDate() != null
                && form.referenceDate().isAfter(form.openingDate())) {
            violations.add(validator.violation("referenceDate", "NotAfterOpening", "validation.campaign.referenceBeforeOpening"));
        }
        // with the due date before the opening, no reminder can fall between them: that one error says it all
        if (form.reminderOffsets() != null && form.openingDate() != null && form.dueDate() != null
                && form.openingDate().isBefore(form.dueDate())) {
            long window = ChronoUnit.DAYS.between(form.openingDate(), form.dueDate());
            for (int i = 0; i < form.reminderOffsets().size(); i++) {
                if (form.reminderOffsets().get(i) != null && form.reminderOffsets().get(i) >= window) {
                    violations.add(validator.violation("reminderOffsets[" + i + "]", "BeforeOpening",
                            "validation.campaign.reminderInWindow", form.reminderOffsets().get(i), window));
                }
            }
        }
        if (form.year() != null && campaigns.existsById(form.year())) {
            violations.add(validator.violation("year", "Duplicate", "validation.campaign.yearTaken", form.year()));
        }
        return violations;
    }

    private List<Violation> targetRules(CampaignForm form) {
        if (Boolean.TRUE.equals(form.allActiveOrganizations())) {
            return List.of();
        }
        if (form.organizationCodes() == null || form.organizationCodes().isEmpty()) {
            return List.of(validator.violation("organizationCodes", "NotEmpty", "validation.campaign.noTarget"));
        }
        boolean wellFormed = form.organizationCodes().stream()
                .allMatch(code -> code != null && CampaignForm.CODE.matcher(code).matches());
        if (form.organizationCodes().size() > CampaignForm.MAX_TARGETS || !wellFormed) {
            return List.of(); // refused as malformed already, before any lookup
        }
        // one array parameter, whatever the number of codes (a list would bind one parameter per code)
        Set<String> known = new HashSet<>(jdbc.sql("select code from organization_directory where active and code = any(:codes)")
                .param("codes", codes(form)).query(String.class).list());
        List<String> unknown = form.organizationCodes().stream().filter(code -> !known.contains(code)).distinct().toList();
        return unknown.isEmpty() ? List.of() : List.of(validator.violation("organizationCodes", "Unknown",
                "validation.campaign.unknownOrganizations", String.join(", ", unknown)));
    }

    private static String[] codes(CampaignForm form) {
        return form.organizationCodes().stream().distinct().toArray(String[]::new);
    }

    private InvalidInputException refused(String path, String messageKey, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation(path, "State", messageKey, arguments)));
    }
}
