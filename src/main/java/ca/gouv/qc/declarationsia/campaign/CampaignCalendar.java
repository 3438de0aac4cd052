package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationKey;
import ca.gouv.qc.declarationsia.shared.BatchReads;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dates the models ask for, read from our tables rather than kept in process variables, so that an extension or a
 * corrected campaign date applies at once (during a correction round, the round's own due date is the one that
 * counts): {@code ${campaignCalendar.openingOf(campaignYear)}}, {@code ${campaignCalendar.closingOf(campaignYear)}},
 * {@code ${campaignCalendar.dueDateOf(execution)}}, {@code ${campaignCalendar.followUpCycle}}.
 */
@Component("campaignCalendar")
public class CampaignCalendar {

    private final JdbcClient jdbc;
    private final CampaignProperties properties;

    CampaignCalendar(JdbcClient jdbc, CampaignProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The start of the opening day: a campaign launched earlier waits until then, one launched later goes on at once. */
    public Date openingOf(int campaignYear) {
        LocalDate opening = jdbc.sql("select opening_date from campaign where year = :year")
                .param("year", campaignYear).query(LocalDate.class).optional()
                .orElseThrow(() -> new NotFoundException("error.campaign.notFound", campaignYear));
        return QuebecTime.startOf(opening);
    }

    public Date closingOf(int campaignYear) {
        LocalDate closing = jdbc.sql("select closing_date from campaign where year = :year")
                .param("year", campaignYear).query(LocalDate.class).optional()
                .orElseThrow(() -> new NotFoundException("error.campaign.notFound", campaignYear));
        return QuebecTime.endOf(closing);
    }

    /** The task's due date: the end of the body's current due date (campaign, extension or correction round). */
    public Date dueDateOf(DelegateExecution execution) {
        DeclarationKey key = DeclarationKey.of(execution);
        return QuebecTime.endOf(deadline(key.campaignYear(), key.organizationCode()).dueDate());
    }

    public String getFollowUpCycle() {
        return properties.followUpCycle();
    }

    private record DeadlineKey(int campaignYear, String organizationCode) {
    }

    Deadline deadline(int campaignYear, String organizationCode) {
        // within a launch's batch, read with the batch's other bodies (prepareDeadlines)
        return BatchReads.get(new DeadlineKey(campaignYear, organizationCode),
                () -> deadlines(campaignYear, List.of(organizationCode)).values().stream().findFirst()
                        .orElseThrow(() -> new NotFoundException("error.campaign.notFound", campaignYear)));
    }

    /** Within a batch ({@link BatchReads}), reads the deadlines of all these bodies in one statement. */
    void prepareDeadlines(int campaignYear, List<String> organizationCodes) {
        if (!BatchReads.active() || organizationCodes.isEmpty()) {
            return;
        }
        deadlines(campaignYear, organizationCodes).forEach((code, deadline) ->
                BatchReads.put(new DeadlineKey(campaignYear, code), deadline));
    }

    /** Each body's deadline in the campaign, by code; empty when the campaign does not exist. */
    private Map<String, Deadline> deadlines(int campaignYear, List<String> organizationCodes) {
        Map<String, Deadline> deadlines = new java.util.LinkedHashMap<>();
        jdbc.sql(DEADLINES + " where c.year = :year").param("year", campaignYear)
                .param("codes", organizationCodes.toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString("organization_code"), deadline(rs, i))).list()
                .forEach(read -> deadlines.put(read.getKey(), read.getValue()));
        return deadlines;
    }

    /** The deadline of each body named in {@code :codes}: its target's due date, else the campaign's. */
    private static final String DEADLINES = """
            select o.code as organization_code, coalesce(t.due_date, c.due_date) as due_date,
                   declaration_due_date(d.status, d.correction_due_date, d.extended_due_date,
                                        coalesce(t.due_date, c.due_date)) as extended_due_date,
                   c.closing_date, c.overdue_reminder_days,
                   (select string_agg(r.days_before_due::text, ',') from campaign_reminder r
                     where r.campaign_year = c.year) as reminders
              from campaign c
             cross join unnest(cast(:codes as varchar[])) as o(code)
              left join campaign_target t on t.campaign_year = c.year and t.organization_code = o.code
              left join declaration_summary d on d.campaign_year = c.year and d.organization_code = o.code
            """;

    private static Deadline deadline(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Deadline(rs.getObject("due_date", LocalDate.class), rs.getObject("extended_due_date", LocalDate.class),
                rs.getObject("closing_date", LocalDate.class), days(rs.getString("reminders")),
                rs.getInt("overdue_reminder_days"));
    }

    private static Set<Integer> days(String list) {
        Set<Integer> days = new HashSet<>();
        if (list != null) {
            for (String day : list.split(",")) {
                days.add(Integer.valueOf(day));
            }
        }
        return days;
    }
}
