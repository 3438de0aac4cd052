package ca.gouv.qc.declarationsia.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A new campaign, as a coordinator sends it (API or page).
 *
 * @param reminderOffsets days before the due date; empty means 30, 14, 7 and 1
 * @param overdueReminderDays cadence of overdue reminders; empty means 7
 * @param allActiveOrganizations target every active organization, or else {@code organizationCodes}
 */
public record CampaignForm(
        @NotNull @Min(2020) @Max(2100) Integer year,
        @NotNull LocalDate referenceDate,
        @NotNull LocalDate openingDate,
        @NotNull LocalDate dueDate,
        @NotNull LocalDate closingDate,
        @Size(max = 10) List<@NotNull @Positive Integer> reminderOffsets,
        @Positive @Max(90) Integer overdueReminderDays,
        Boolean allActiveOrganizations,
        List<String> organizationCodes) {
}
