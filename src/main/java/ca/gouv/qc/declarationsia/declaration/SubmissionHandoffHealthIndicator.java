package ca.gouv.qc.declarationsia.declaration;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s "submissionHandoff": DOWN while a submitted declaration's task could not be completed (it
 * then never reaches a reviewer until someone acts), with how many, the oldest and its last error; UP otherwise, with
 * how many wait for their sweep. Not part of the readiness group: the bodies keep submitting meanwhile.
 */
@Component("submissionHandoffHealthIndicator")
class SubmissionHandoffHealthIndicator extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final SubmissionHandoff handoff;

    SubmissionHandoffHealthIndicator(JdbcClient jdbc, SubmissionHandoff handoff) {
        this.jdbc = jdbc;
        this.handoff = handoff;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        handoff.stalled().ifPresentOrElse(stalled -> builder.down().withDetail("failing", (long) stalled.count())
                        .withDetail("oldestFailing", stalled.oldest().businessKey())
                        .withDetail("lastError", String.valueOf(stalled.lastError())),
                builder::up);
        builder.withDetail("waiting", jdbc.sql("select count(*) from submission_handoff").query(Long.class).single());
    }
}
