package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.organization.Organization;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.organization.SuccessionRecorded;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bodies a campaign targets, after its creation: a body created or merged during the year joins it. In an open
 * campaign it gets its declaration, its process and its invitation at once; in a planned one it is invited with the
 * others at the opening.
 */
@Service
public class CampaignTargets {

    private final CampaignService campaigns;
    private final OrganizationService organizations;
    private final DeclarationLifecycle declarations;
    private final JdbcClient jdbc;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final Clock clock;

    CampaignTargets(CampaignService campaigns, OrganizationService organizations, DeclarationLifecycle declarations,
            JdbcClient jdbc, InputValidator validator, AccessPolicy access, Clock clock) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.declarations = declarations;
        this.jdbc = jdbc;
        this.validator = validator;
        this.access = access;
        this.clock = clock;
    }

    /** A body added after the campaign's creation: by whom, when, and its own due date if it has one. */
    public record LateTarget(String organizationCode, LocalDate dueDate, java.time.Instant addedAt, String addedBy) {
    }

    /** The bodies added to the campaign after its creation, oldest first (the histories tell who added them). */
    @Transactional(readOnly = true)
    public List<LateTarget> addedLate(int year) {
        access.requireStaff();
        return jdbc.sql("""
                select organization_code, due_date, added_at, added_by from campaign_target
                where campaign_year = :year and added_at is not null order by added_at, organization_code
                """).param("year", year).query((row, n) -> new LateTarget(row.getString("organization_code"),
                        row.getObject("due_date", LocalDate.class), row.getTimestamp("added_at").toInstant(),
                        row.getString("added_by"))).list();
    }

    /** Adds one body; refuses, changing nothing and naming the field, what cannot be done. @return its due date */
    @Transactional
    public LocalDate add(int year, TargetForm form) {
        access.requireCoordinator();
        Campaign campaign = campaigns.get(year);
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        if (violations.isEmpty()) {
            violations.addAll(rules(campaign, form));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        jdbc.sql("""
                insert into campaign_target (campaign_year, organization_code, due_date, added_at, added_by)
                values (:year, :organization, :due, :now, :actor)
                """)
                .param("year", year).param("organization", form.organizationCode()).param("due", form.dueDate())
                .param("now", Timestamp.from(clock.instant())).param("actor", CurrentUser.actorId()).update();
        if (campaign.status() == CampaignStatus.OUVERTE) {
            declarations.open(year, form.organizationCode());
        }
        return form.dueDate() != null ? form.dueDate() : campaign.dueDate();
    }

    /**
     * A campaign planned before a succession and opening on or after its effective date targets the successors in
     * place of the bodies replaced: those will not exist when it opens, and must not count as non-respondents. A
     * launched or open campaign keeps its targets: the predecessor's declaration of that year is completed as it is.
     */
    @EventListener
    void follow(SuccessionRecorded succession) {
        String[] predecessors = succession.predecessors().toArray(String[]::new);
        List<Integer> years = jdbc.sql("""
                select c.year from campaign c
                 where c.status = 'PLANIFIEE' and c.launched_at is null and c.opening_date >= :effective
                   and exists (select 1 from campaign_target t where t.campaign_year = c.year
                                  and t.organization_code = any(:predecessors))
                 order by c.year
                """).param("effective", succession.effectiveDate()).param("predecessors", predecessors)
                .query(Integer.class).list();
        for (int year : years) {
            jdbc.sql("delete from campaign_target where campaign_year = :year and organization_code = any(:predecessors)")
                    .param("year", year).param("predecessors", predecessors).update();
            jdbc.sql("""
                    insert into campaign_target (campaign_year, organization_code)
                    select :year, code from organization_directory where code = any(:successors)
                    on conflict do nothing
                    """).param("year", year).param("successors", succession.successors().toArray(String[]::new)).update();
        }
    }

    private List<Violation> rules(Campaign campaign, TargetForm form) {
        int year = campaign.year();
        if (campaign.status() != CampaignStatus.PLANIFIEE && campaign.status() != CampaignStatus.OUVERTE) {
            return List.of(validator.violation("status", "NotOpen", "validation.target.campaignOver", year,
                    campaign.status()));
        }
        if (campaign.status() == CampaignStatus.OUVERTE && stillLaunching(year)) {
            // the launch's batches take their slice of the targets by position: a new one would shift them
            return List.of(validator.violation("status", "Launching", "validation.campaign.stillLaunching", year));
        }
        Organization organization = organizations.find(form.organizationCode()).orElse(null);
        if (organization == null) {
            return List.of(validator.violation("organizationCode", "Unknown", "validation.target.unknown",
                    form.organizationCode()));
        }
        if (!organization.active()) {
            return List.of(validator.violation("organizationCode", "Inactive", "validation.target.inactive",
                    form.organizationCode()));
        }
        if (isTarget(year, form.organizationCode())) {
            return List.of(validator.violation("organizationCode", "Duplicate", "validation.target.already",
                    form.organizationCode(), year));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = form.dueDate() != null ? form.dueDate() : campaign.dueDate();
        if (due.isAfter(campaign.closingDate())) {
            return List.of(validator.violation("dueDate", "AfterClosing", "validation.target.afterClosing",
                    campaign.closingDate()));
        }
        if (campaign.status() == CampaignStatus.OUVERTE && due.isBefore(today)) {
            return List.of(validator.violation("dueDate", "Past", form.dueDate() != null
                    ? "validation.target.duePast" : "validation.target.campaignDuePast", campaign.dueDate()));
        }
        if (form.dueDate() != null && !form.dueDate().isAfter(campaign.openingDate())) {
            return List.of(validator.violation("dueDate", "AfterOpening", "validation.campaign.dueAfterOpening"));
        }
        return List.of();
    }

    private boolean isTarget(int year, String organizationCode) {
        return jdbc.sql("select count(*) from campaign_target where campaign_year = :year and organization_code = :code")
                .param("year", year).param("code", organizationCode).query(Long.class).single() > 0;
    }

    private boolean stillLaunching(int year) {
        return jdbc.sql("""
                select count(*) from declaration_deadline where campaign_year = :year and declaration_id is null
                """).param("year", year).query(Long.class).single() > 0;
    }
}
