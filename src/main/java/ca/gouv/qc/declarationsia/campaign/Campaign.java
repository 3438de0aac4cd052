package ca.gouv.qc.declarationsia.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One yearly campaign. Its targeted organizations live in {@code campaign_target}, outside the aggregate: a campaign
 * may target thousands of them.
 *
 * @param referenceDate the "situation au" date of the Portrait
 * @param reminders days before the due date at which respondents are reminded
 * @param overdueReminderDays cadence of reminders once the due date has passed
 * @param launchedAt when a coordinator launched it; before the opening date, the opening waits for that date
 * @param openedAt when its declarations opened
 * @param closedBy the coordinator who closed it before its closing date; empty when the date closed it
 * @param formVersion the version of the declaration's form it asks, pinned at its creation (never changed once launched)
 */
@Table("campaign")
public record Campaign(
        @Id Integer year,
        LocalDate referenceDate,
        LocalDate openingDate,
        LocalDate dueDate,
        LocalDate closingDate,
        @MappedCollection(idColumn = "campaign_year") Set<Reminder> reminders,
        int overdueReminderDays,
        CampaignStatus status,
        String processInstanceId,
        Instant launchedAt,
        String launchedBy,
        Instant openedAt,
        Instant closedAt,
        String closedBy,
        int formVersion,
        @Version Integer version) {

    /** A campaign as a coordinator creates it: planned, not launched, on this version of the form. */
    public static Campaign planned(int year, LocalDate referenceDate, LocalDate openingDate, LocalDate dueDate,
            LocalDate closingDate, Set<Reminder> reminders, int overdueReminderDays, int formVersion) {
        return new Campaign(year, referenceDate, openingDate, dueDate, closingDate, reminders, overdueReminderDays,
                CampaignStatus.PLANIFIEE, null, null, null, null, null, null, formVersion, null);
    }

    /** A planned campaign on the first version of the form. */
    public static Campaign planned(int year, LocalDate referenceDate, LocalDate openingDate, LocalDate dueDate,
            LocalDate closingDate, Set<Reminder> reminders, int overdueReminderDays) {
        return planned(year, referenceDate, openingDate, dueDate, closingDate, reminders, overdueReminderDays, 1);
    }

    /** Launched before its opening date: the invitations wait for that date. */
    public boolean openingScheduled() {
        return status == CampaignStatus.PLANIFIEE && launchedAt != null;
    }

    /** Its declarations exist: statuses, rates and mail mean something. */
    public boolean launched() {
        return status != CampaignStatus.PLANIFIEE;
    }

    /** Reminders the spec proposes when a coordinator sets none. */
    public static final Set<Reminder> DEFAULT_REMINDERS = Set.of(new Reminder(30), new Reminder(14), new Reminder(7),
            new Reminder(1));

    @Table("campaign_reminder")
    public record Reminder(int daysBeforeDue) {
    }
}
