package ca.gouv.qc.declarationsia.shared;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two indexes the engine's schema lacks, for its job acquisition. Each open declaration holds timers (its due date,
 * its follow-up cycle): a campaign of 10,000 bodies leaves tens of thousands of jobs due weeks later in
 * {@code ACT_RU_JOB}, and every acquisition (several a second while jobs run) read the whole table to find the few due
 * now (16 ms a time at 40,000 rows in the benchmark, 1.7 ms with these; bench/README.md). One serves "due now" (a
 * message's due date is null, a timer's is its date), the other "locked by a job in progress" (the check that keeps a
 * process's exclusive jobs apart). Plain PostgreSQL indexes on the engine's table, created once the engine has made
 * its schema (Flyway runs before it), under our own names, which no engine upgrade script knows or drops.
 */
@Component
class JobAcquisitionIndexes {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndexes.class);

    JobAcquisitionIndexes(JdbcTemplate jdbc, ProcessEngine engineWithItsSchema) {
        // instant on a new database; on a node upgraded with a full job table, it holds the jobs' writes a moment
        create(jdbc, "create index if not exists dia_idx_job_due on act_ru_job (duedate_)");
        create(jdbc, "create index if not exists dia_idx_job_lock_expiry on act_ru_job (lock_exp_time_)");
    }

    private static void create(JdbcTemplate jdbc, String statement) {
        try {
            jdbc.execute(statement);
        } catch (DataAccessException twoNodesAtOnce) {
            // nodes starting together: one creates it, the other's "if not exists" may lose the race; only speed is at stake
            log.warn("Job acquisition index not created by this node ({}); another node starting may have created it",
                    twoNodesAtOnce.getMostSpecificCause().getMessage());
        }
    }
}
