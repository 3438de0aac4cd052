package ca.gouv.qc.declarationsia.campaign;

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
        @Version Integer version) {

    /** Reminders the spec proposes when a coordinator sets none. */
    public static final Set<Reminder> DEFAULT_REMINDERS = Set.of(new Reminder(30), new Reminder(14), new Reminder(7),
            new Reminder(1));

    @Table("campaign_reminder")
    public record Reminder(int daysBeforeDue) {
    }
}
