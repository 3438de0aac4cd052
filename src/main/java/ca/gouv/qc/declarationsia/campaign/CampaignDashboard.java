package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.declaration.SubmissionHandoff;
import ca.gouv.qc.declarationsia.notification.MailDelivery;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tracking of one campaign, as the coordinators' dashboard shows it: one query per view, shaped for it. */
@Repository
public class CampaignDashboard {

    public record Row(String organizationCode, String nameFr, String nameEn, String status, LocalDate dueDate,
            boolean extended, Instant submittedAt, boolean late, boolean overdue, String lastMailKind,
            String lastMailStatus, Instant lastMailAt, String rejectedAddresses) {

        public java.time.LocalDateTime lastMailAtInQuebec() {
            return lastMailAt == null ? null : java.time.LocalDateTime.ofInstant(lastMailAt, QuebecTime.ZONE);
        }
    }

    /**
     * @param submitted bodies that answered (submitted at least once), whatever the review said since
     * @param exempted bodies a coordinator exempted: not asked, so not in the response rate
     * @param mailDelivery whether mail is getting out, for every campaign
     * @param publication EN_COURS while the Portrait is being published, ECHEC if that failed (an incident in
     *        Cockpit), PUBLIEE once out, empty before the approval
     * @param openingScheduled launched before its opening date: the invitations go out on that date
     * @param awaiting bodies whose answer is still expected (draft or corrections), what closing leaves unanswered
     * @param stalledSubmissions submitted declarations the hand-off could not yet pass to review, null when none
     */
    public record Summary(int year, String status, LocalDate openingDate, LocalDate dueDate, LocalDate closingDate,
            int targets, Map<String, Integer> declarationsByStatus, int submitted, int exempted, int overdue,
            double responseRate, int mailsPending, int mailsRejected, MailDelivery.State mailDelivery,
            String publication, boolean openingScheduled, int awaiting, SubmissionHandoff.Stalled stalledSubmissions) {
    }

    /** One page of the tracking: the dashboard shows 50 bodies at a time, not the thousands of a campaign. */
    public record Page(List<Row> rows, int total, int number, int size) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }

        public int first() {
            return total == 0 ? 0 : (number - 1) * size + 1;
        }

        public int last() {
            return Math.min(total, number * size);
        }
    }

    public static final int PAGE_SIZE = 50;

    /** Sort keys the page and the CSV offer; anything else sorts by name. The code last keeps pages stable. */
    static final Map<String, String> SORTS = Map.of(
            "name", "name_fr collate \"fr-CA-x-icu\", organization_code",
            "code", "organization_code",
            "status", "status, name_fr collate \"fr-CA-x-icu\", organization_code",
            "due", "due_date, name_fr collate \"fr-CA-x-icu\", organization_code",
            "mail", "last_mail_at desc nulls last, organization_code");


    private final JdbcClient jdbc;
    private final MailDelivery mail;
    private final ManagementService management;
    private final SubmissionHandoff handoff;
    private final Successions successions;

    CampaignDashboard(JdbcClient jdbc, MailDelivery mail, ManagementService management, SubmissionHandoff handoff,
            Successions successions) {
        this.successions = successions;
        this.jdbc = jdbc;
        this.mail = mail;
        this.management = management;
        this.handoff = handoff;
    }

    /**
     * A succession among the campaign's bodies (issue 25): a target replaced others, or was replaced. Names with codes.
     * The dashboard names the first few bodies replaced and counts the others (a merger may replace dozens).
     */
    public record SuccessionLine(String kind, LocalDate effectiveDate, List<String> predecessors, List<String> successors) {

        static final int NAMED = 3;

        public List<String> namedPredecessors() {
            return predecessors.subList(0, Math.min(NAMED, predecessors.size()));
        }

        public int otherPredecessors() {
            return Math.max(0, predecessors.size() - NAMED);
        }
    }

    /** At most this many successions on the dashboard, latest first; the registry page lists them all. */
    public static final int SUCCESSIONS_SHOWN = 10;

    /** Who succeeded whom among the campaign's targets (as successor or as a body replaced), latest first. */
    public List<SuccessionLine> successions(int year) {
        List<String> targets = jdbc.sql("select organization_code from campaign_target where campaign_year = :year")
                .param("year", year).query(String.class).list();
        return successions.involving(targets, SUCCESSIONS_SHOWN).stream()
                .map(succession -> new SuccessionLine(succession.kind().name(), succession.effectiveDate(),
                        labelled(succession.predecessorNames(), succession.predecessors()),
                        labelled(succession.successorNames(), succession.successors())))
                .toList();
    }

    /** « Name (CODE) », as the dashboard names a body. */
    private static List<String> labelled(List<String> names, List<String> codes) {
        return java.util.stream.IntStream.range(0, codes.size()).mapToObj(i -> names.get(i) + " (" + codes.get(i) + ")")
                .toList();
    }

    /** Every row, for the CSV export and the API. */
    public List<Row> rows(int year, String status, Boolean overdueOnly, String sort) {
        return rows(year, status, overdueOnly, sort, null);
    }

    /** Every row whose body's name (French or English, accents ignored) or code contains {@code text}. */
    public List<Row> rows(int year, String status, Boolean overdueOnly, String sort, String text) {
        return query(year, status, overdueOnly, sort, text, Integer.MAX_VALUE, 0).rows();
    }

    /** Page {@code number} (from 1; past the last, the last) of the filtered, sorted tracking. */
    public Page page(int year, String status, Boolean overdueOnly, String sort, int number) {
        return page(year, status, overdueOnly, sort, null, number);
    }

    /** The same, for the bodies whose name or code contains {@code text}. */
    public Page page(int year, String status, Boolean overdueOnly, String sort, String text, int number) {
        int requested = Math.max(1, number);
        Page page = query(year, status, overdueOnly, sort, text, PAGE_SIZE, (long) (requested - 1) * PAGE_SIZE);
        if (!page.rows().isEmpty() || requested == 1) {
            return new Page(page.rows(), page.total(), requested, PAGE_SIZE);
        }
        // asked beyond the last page: count once, then show the last one
        int total = query(year, status, overdueOnly, sort, text, 1, 0).total();
        return total == 0 ? new Page(List.of(), 0, 1, PAGE_SIZE)
                : page(year, status, overdueOnly, sort, text, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** {@code text} as a LIKE pattern, lower case, its wildcards taken literally; null when there is nothing to find. */
    private static String pattern(String text) {
        return text == null || text.isBlank() ? null
                : "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    /** When the body's last mail was sent (or queued), for the sort by last mail. */
    private static final String LAST_MAIL_AT = """
            (select coalesce(mo.sent_at, mo.created_at) from mail_to_body mo
              where mo.campaign_year = t.campaign_year and mo.organization_code = t.organization_code
              order by mo.created_at desc, mo.id desc limit 1)""";

    private Page query(int year, String status, Boolean overdueOnly, String sort, String text, int limit, long offset) {
        String orderBy = SORTS.getOrDefault(sort == null ? "name" : sort, SORTS.get("name"));
        int[] total = {0};
        boolean byMail = "mail".equals(sort);
        // the page's rows first (filtered, sorted, cut), then their last mail and refused addresses: looked up for
        // the rows shown, not for every body of the campaign (unless the rows are sorted by their last mail)
        List<Row> rows = jdbc.sql("""
                with shown as (
                  select count(*) over () as total, t.campaign_year, t.organization_code, o.name_fr,
                         coalesce(o.name_en, o.name_fr) as name_en, t.status, t.due_date, t.extended, t.submitted_at,
                         t.late, (t.awaiting_body and t.due_date < :today) as overdue,
                         %s as last_mail_at
                    from declaration_deadline t
                    join organization_directory o on o.code = t.organization_code
                   where t.campaign_year = :year
                     and (cast(:status as text) is null or t.status = :status)
                     and (not :overdueOnly or (t.awaiting_body and t.due_date < :today))
                     and (cast(:text as text) is null or unaccent(lower(o.name_fr)) like unaccent(:text)
                          or unaccent(lower(o.name_en)) like unaccent(:text) or lower(t.organization_code) like :text
                          or lower(coalesce(o.acronym, '')) like :text)
                   order by %s limit :limit offset :offset)
                select s.total, s.organization_code, s.name_fr, s.name_en, s.status, s.due_date, s.extended, s.submitted_at,
                       s.late, s.overdue,
                       m.kind as last_mail_kind, m.status as last_mail_status,
                       coalesce(m.sent_at, m.created_at) as last_mail_at,
                       (select string_agg(r.rejected_addresses, ', ') from mail_to_body r
                         where r.campaign_year = s.campaign_year and r.organization_code = s.organization_code
                           and r.status = 'REJECTED') as rejected_addresses
                  from shown s
                  left join lateral (select kind, status, sent_at, created_at from mail_to_body mo
                                      where mo.campaign_year = s.campaign_year and mo.organization_code = s.organization_code
                                      order by mo.created_at desc, mo.id desc limit 1) m on true
                 order by %s""".formatted(byMail ? LAST_MAIL_AT : "cast(null as timestamp)", orderBy, orderBy))
                .param("year", year).param("limit", limit).param("offset", offset).param("today", QuebecTime.engineToday())
                .param("status", status == null || status.isBlank() ? null : status)
                .param("overdueOnly", Boolean.TRUE.equals(overdueOnly))
                .param("text", pattern(text))
                .query((rs, i) -> {
                    total[0] = rs.getInt("total");
                    return new Row(rs.getString("organization_code"), rs.getString("name_fr"),
                        rs.getString("name_en"), rs.getString("status"), rs.getObject("due_date", LocalDate.class),
                        rs.getBoolean("extended"), instant(rs.getTimestamp("submitted_at")), rs.getBoolean("late"),
                        rs.getBoolean("overdue"), rs.getString("last_mail_kind"), rs.getString("last_mail_status"),
                        instant(rs.getTimestamp("last_mail_at")), rs.getString("rejected_addresses"));
                })
                .list();
        return new Page(rows, total[0], (int) (offset / Math.max(1, limit)) + 1, limit);
    }

    /** The counts per status, rate and mail mean something once the declarations exist, not before the launch. */
    public Summary summary(Campaign campaign) {
        int year = campaign.year();
        // one pass over the campaign's bodies: the counts by status and the totals the rate and overdue need
        List<Counts> byStatusCounts = jdbc.sql("""
                select status, count(*) as targets, count(*) filter (where responded) as responded,
                       count(*) filter (where exempted) as exempted,
                       count(*) filter (where awaiting_body and due_date < :today) as overdue,
                       count(*) filter (where awaiting_body) as awaiting
                  from declaration_deadline where campaign_year = :year group by status
                """).param("year", year).param("today", QuebecTime.engineToday()).query(Counts.class).list();
        Map<String, Integer> byStatus = new TreeMap<>();
        if (campaign.launched()) {
            byStatusCounts.forEach(row -> byStatus.put(row.status(), row.targets()));
        }
        Counts counts = byStatusCounts.stream().reduce(new Counts(null, 0, 0, 0, 0, 0), Counts::plus);
        Map<String, Integer> mails = new TreeMap<>();
        jdbc.sql("select status, count(*) as n from mail_to_body where campaign_year = :year group by status")
                .param("year", year).query((rs, i) -> mails.put(rs.getString("status"), rs.getInt("n"))).list();
        return new Summary(year, campaign.status().name(), campaign.openingDate(), campaign.dueDate(),
                campaign.closingDate(), counts.targets(), byStatus, counts.responded(), counts.exempted(),
                counts.overdue(), counts.responseRate(), mails.getOrDefault("PENDING", 0),
                mails.getOrDefault("REJECTED", 0), mail.state(), publication(campaign), campaign.openingScheduled(),
                counts.awaiting(), handoff.stalled(year).orElse(null));
    }

    private record Counts(String status, int targets, int responded, int exempted, int overdue, int awaiting) {

        Counts plus(Counts other) {
            return new Counts(null, targets + other.targets, responded + other.responded, exempted + other.exempted,
                    overdue + other.overdue, awaiting + other.awaiting);
        }

        /** Bodies that answered, over the bodies asked to (an exempted body was not), one decimal. */
        double responseRate() {
            int asked = targets - exempted;
            return asked == 0 ? 0 : Math.round(1000.0 * responded / asked) / 10.0;
        }
    }

    /** Where the Portrait's publication stands, read from the campaign's process: a job, then done. */
    private String publication(Campaign campaign) {
        if (campaign.status() == CampaignStatus.PUBLIEE) {
            return "PUBLIEE";
        }
        if (campaign.processInstanceId() == null) {
            return null;
        }
        Job publishing = management.createJobQuery().processInstanceId(campaign.processInstanceId())
                .activityId(ProcessModels.AnnualCampaign.PUBLISH_EDITION).singleResult();
        if (publishing == null) {
            return null;
        }
        return publishing.getRetries() == 0 ? "ECHEC" : "EN_COURS";
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
