package ca.gouv.qc.declarationsia.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reminder calendar, day by day, for a declaration due October 31st of a campaign closing November 30th. */
class FollowUpTest {

    private static final LocalDate DUE = LocalDate.of(2030, 10, 31);
    private static final LocalDate CLOSING = LocalDate.of(2030, 11, 30);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2030-09-30, NONE",
            "2030-10-01, REMINDER",
            "2030-10-02, NONE",
            "2030-10-17, REMINDER",
            "2030-10-24, REMINDER",
            "2030-10-30, REMINDER",
            "2030-10-31, NONE",
            "2030-11-01, OVERDUE_REMINDER",
            "2030-11-02, NONE",
            "2030-11-07, ESCALATION",
            "2030-11-14, OVERDUE_REMINDER",
            "2030-11-28, OVERDUE_REMINDER",
            "2030-12-05, NONE",
    })
    void the_default_calendar(LocalDate today, FollowUp expected) {
        assertThat(FollowUp.on(today, DUE, Set.of(30, 14, 7, 1), 7, CLOSING)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2030-10-28, REMINDER",
            "2030-10-30, NONE",
            "2030-11-01, OVERDUE_REMINDER",
            "2030-11-03, ESCALATION",
            "2030-11-06, OVERDUE_REMINDER",
    })
    void a_campaign_with_its_own_offsets_and_cadence(LocalDate today, FollowUp expected) {
        assertThat(FollowUp.on(today, DUE, Set.of(3), 3, CLOSING)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2030-12-01, REMINDER", "2030-12-14, REMINDER", "2030-12-16, NONE", "2030-12-22, NONE"})
    void an_extension_past_the_closing_date_keeps_its_reminders_but_nothing_follows_once_both_dates_passed(LocalDate today, FollowUp expected) {
        assertThat(FollowUp.on(today, LocalDate.of(2030, 12, 15), Set.of(30, 14, 7, 1), 7, CLOSING)).isEqualTo(expected);
    }
}
