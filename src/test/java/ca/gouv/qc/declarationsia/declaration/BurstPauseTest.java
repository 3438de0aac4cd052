package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's part of the submissions waits for their burst to pause, never longer than its bound. */
class BurstPauseTest {

    private static final long MS = 1_000_000L;
    private static final long START = 5_000 * MS;

    private final BurstPause pause = new BurstPause(Duration.ofMillis(250), Duration.ofSeconds(2), START);

    @Test
    void with_no_submission_lately_the_work_starts_at_once() {
        assertThat(pause.remaining(START, START)).isZero();
    }

    @Test
    void the_work_waits_until_a_quarter_second_passed_without_a_submission() {
        pause.submitted(START);
        assertThat(pause.remaining(START, START)).isEqualTo(250 * MS);

        pause.submitted(START + 200 * MS);
        assertThat(pause.remaining(START, START + 300 * MS)).as("the later submission counts").isEqualTo(150 * MS);
        assertThat(pause.remaining(START, START + 450 * MS)).isZero();
    }

    @Test
    void a_burst_that_does_not_pause_delays_the_work_two_seconds_at_most() {
        for (long ms = 0; ms <= 1_900; ms += 100) {
            pause.submitted(START + ms * MS);
        }
        assertThat(pause.remaining(START, START + 1_900 * MS)).isEqualTo(100 * MS);
        pause.submitted(START + 2_000 * MS);
        assertThat(pause.remaining(START, START + 2_000 * MS)).isZero();
    }

    @Test
    void a_submission_reported_late_does_not_move_the_last_one_back() {
        pause.submitted(START + 500 * MS);
        pause.submitted(START + 100 * MS);
        assertThat(pause.remaining(START + 500 * MS, START + 600 * MS)).isEqualTo(150 * MS);
    }
}
