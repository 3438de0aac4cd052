package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.validation.PlausibleDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * @param formVersion the version of the declaration's form it asks; empty means the newest
 */
public record CampaignForm(
        @NotNull @Min(2020) @Max(2100) Integer year,
        @NotNull @PlausibleDate LocalDate referenceDate,
        @NotNull @PlausibleDate LocalDate openingDate,
        @NotNull @PlausibleDate LocalDate dueDate,
        @NotNull @PlausibleDate LocalDate closingDate,
        @Size(max = 10, message = "{validation.list.size}") List<@NotNull @Positive Integer> reminderOffsets,
        @Positive @Max(90) Integer overdueReminderDays,
        Boolean allActiveOrganizations,
        @Size(max = CampaignForm.MAX_TARGETS, message = "{validation.list.size}") List<@NotNull @Pattern(regexp = CampaignForm.CODE_PATTERN, message = "{validation.organization.code}") String> organizationCodes,
        @Positive Integer formVersion) {

    /** More bodies than Québec has public bodies: the list is refused before any lookup. */
    static final int MAX_TARGETS = 20_000;
    /** An organization's code, as {@code organizationCodes} accepts it. */
    static final String CODE_PATTERN = "[A-Z0-9-]{2,20}";
    static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(CODE_PATTERN);
}
