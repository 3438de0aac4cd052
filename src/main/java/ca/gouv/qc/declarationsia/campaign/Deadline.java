package ca.gouv.qc.declarationsia.campaign;

import java.time.LocalDate;
import java.util.Set;

/** The dates that drive one organization's reminders: its campaign's, moved by an extension if it has one. */
record Deadline(LocalDate campaignDueDate, LocalDate extendedDueDate, LocalDate closingDate,
        Set<Integer> reminderDaysBefore, int overdueCadenceDays) {

    LocalDate dueDate() {
        return extendedDueDate != null ? extendedDueDate : campaignDueDate;
    }

    FollowUp followUpOn(LocalDate today) {
        return FollowUp.on(today, dueDate(), reminderDaysBefore, overdueCadenceDays, closingDate);
    }
}
