package ca.gouv.qc.declarationsia.declaration;

import java.util.Map;
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

    SubmissionHandoffHealthIndicator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> queue = jdbc.sql("""
                select counts.waiting, counts.failing, oldest.business_key, oldest.last_error
                  from (select count(*) as waiting, count(*) filter (where attempts > 0) as failing
                          from submission_handoff) counts
                  left join lateral (select business_key, last_error from submission_handoff where attempts > 0
                                      order by queued_at limit 1) oldest on true
                """).query().singleRow();
        long failing = ((Number) queue.get("failing")).longValue();
        if (failing > 0) {
            builder.down().withDetail("failing", failing).withDetail("oldestFailing", queue.get("business_key"))
                    .withDetail("lastError", String.valueOf(queue.get("last_error")));
        } else {
            builder.up();
        }
        builder.withDetail("waiting", ((Number) queue.get("waiting")).longValue());
    }
}
