package ca.gouv.qc.declarationsia.campaign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What a still-open declaration gets on a given day. Before the due date: a reminder on each offset day (30, 14, 7
 * and 1 day before by default). After it: an overdue reminder the first day late, the escalation to the body's
 * information officer once it is one cadence late (7 days by default), then an overdue reminder every cadence.
 * Nothing after the campaign's closing date.
 */
public enum FollowUp {
    NONE,
    REMINDER,
    OVERDUE_REMINDER,
    ESCALATION;

    public static FollowUp on(LocalDate today, LocalDate dueDate, Set<Integer> reminderDaysBefore, int overdueCadenceDays,
            LocalDate closingDate) {
        if (today.isAfter(closingDate) && today.isAfter(dueDate)) {
            return NONE;
        }
        long daysBefore = ChronoUnit.DAYS.between(today, dueDate);
        if (daysBefore >= 0) {
            return reminderDaysBefore.contains((int) daysBefore) ? REMINDER : NONE;
        }
        long daysLate = -daysBefore;
        if (daysLate == overdueCadenceDays) {
            return ESCALATION;
        }
        if (daysLate == 1 || daysLate % overdueCadenceDays == 0) {
            return OVERDUE_REMINDER;
        }
        return NONE;
    }
}
