package ca.gouv.qc.declarationsia.declaration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps the submissions whose task is still to complete every {@code declarations.submission.handoff.interval}:
 * each submission's commit wakes the sweep (once submissions pause), and this catches what a crash or a failed attempt
 * left behind.
 * Off in tests ({@code declarations.submission.handoff.enabled: false}), which sweep by hand with their jobs.
 */
@Component
@ConditionalOnProperty(name = "declarations.submission.handoff.enabled", havingValue = "true", matchIfMissing = true)
class SubmissionHandoffSchedule {

    private final SubmissionHandoff handoff;

    SubmissionHandoffSchedule(SubmissionHandoff handoff) {
        this.handoff = handoff;
    }

    @Scheduled(fixedDelayString = "${declarations.submission.handoff.interval:5s}", initialDelayString = "5s")
    void sweep() {
        handoff.sweepSoon();
    }
}
