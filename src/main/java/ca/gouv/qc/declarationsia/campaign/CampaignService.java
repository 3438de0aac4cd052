package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
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

/** Creates, launches and closes campaigns: the coordinators' side of {@code annual-campaign}. */
@Service
public class CampaignService {

    public static final String PROCESS_KEY = "annual-campaign";
    static final String CLOSE_MESSAGE = "close-campaign";

    private final CampaignRepository campaigns;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, JdbcClient jdbc, RuntimeService runtime, InputValidator validator,
            AccessPolicy access, Clock clock) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.validator = validator;
        this.access = access;
        this.clock = clock;
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
        Campaign campaign = campaigns.save(Campaign.planned(form.year(), form.referenceDate(), form.openingDate(),
                form.dueDate(), form.closingDate(), reminders,
                form.overdueReminderDays() == null ? 7 : form.overdueReminderDays()));
        if (Boolean.TRUE.equals(form.allActiveOrganizations())) {
            jdbc.sql("insert into campaign_target (campaign_year, organization_code) select :year, code from organization where active")
                    .param("year", form.year()).update();
        } else {
            jdbc.sql("insert into campaign_target (campaign_year, organization_code) select :year, code from organization where code = any(:codes)")
                    .param("year", form.year()).param("codes", codes(form)).update();
        }
        return campaign;
    }

    /**
     * Starts the campaign's process. On or after the opening date, PLANIFIEE → OUVERTE at once and the fan-out runs on
     * the job executor; before it, the campaign stays PLANIFIEE with its opening scheduled: the process waits for the
     * opening date (a timer), then opens it and invites every body. One campaign open or scheduled at a time.
     */
    @Transactional
    public Campaign launch(int year) {
        access.requireCoordinator();
        Campaign campaign = get(year);
        if (campaign.openingScheduled()) {
            throw refused("status", "validation.campaign.alreadyScheduled", year, campaign.openingDate());
        }
        if (!campaign.status().canMoveTo(CampaignStatus.OUVERTE)) {
            throw refused("status", "validation.campaign.notPlanned", year, campaign.status());
        }
        campaigns.findOpen().ifPresent(open -> {
            throw refused("status", "validation.campaign.alreadyOpen", open.year());
        });
        campaigns.findScheduled().ifPresent(scheduled -> {
            throw refused("status", "validation.campaign.otherScheduled", scheduled.year(), scheduled.openingDate());
        });
        // taken before the process starts, so that the launch comes before its first step in the history
        Instant now = clock.instant();
        boolean early = LocalDate.ofInstant(now, clock.getZone()).isBefore(campaign.openingDate());
        String processId = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(year),
                Map.of("campaignYear", year)).getId();
        jdbc.sql("""
                update campaign set status = :status, launched_at = :now, launched_by = :actor,
                       opened_at = case when :early then null else cast(:now as timestamptz) end,
                       process_instance_id = :process, version = version + 1
                 where year = :year
                """)
                .param("status", early ? CampaignStatus.PLANIFIEE.name() : CampaignStatus.OUVERTE.name())
                .param("now", Timestamp.from(now)).param("actor", CurrentUser.actorId())
                .param("early", early).param("process", processId).param("year", year).update();
        return get(year);
    }

    /** Closes before the closing date; the process then asks coordinators to approve the publication. */
    @Transactional
    public Campaign close(int year) {
        access.requireCoordinator();
        Campaign campaign = get(year);
        if (!campaign.status().canMoveTo(CampaignStatus.FERMEE)) {
            throw refused("status", "validation.campaign.notOpen", year, campaign.status());
        }
        try {
            runtime.createMessageCorrelation(CLOSE_MESSAGE).processInstanceBusinessKey(String.valueOf(year)).correlate();
        } catch (MismatchingMessageCorrelationException stillLaunching) {
            throw refused("status", "validation.campaign.stillLaunching", year);
        }
        jdbc.sql("update campaign set closed_by = :actor where year = :year")
                .param("actor", CurrentUser.actorId()).param("year", year).update();
        return get(year);
    }

    /** FERMEE → PUBLIEE, once the year's Portrait is out (the publication step asks; it owns no campaign row). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void markPublished(int year) {
        int updated = jdbc.sql("update campaign set status = 'PUBLIEE', version = version + 1 where year = :year and status = 'FERMEE'")
                .param("year", year).update();
        if (updated == 0) {
            throw new IllegalStateException("Campaign " + year + " is not closed: it cannot be published");
        }
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
        Set<String> known = new HashSet<>(jdbc.sql("select code from organization where active and code = any(:codes)")
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
