package ca.gouv.qc.declarationsia.declaration;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ca.gouv.qc.declarationsia.shared.work.BackgroundWorker;
import ca.gouv.qc.declarationsia.shared.work.RetryPolicy;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the organization's task of a submitted declaration, after the submission committed. The respondent's
 * request records the submission (rules checked, SOUMISE, audited, its copy kept) and queues it here in the same
 * transaction; the engine's part (the task completed, the job that puts the declaration under review) follows on
 * this class's own {@link BackgroundWorker} (thread {@code submission-handoff}), woken by the commit and swept every
 * {@code declarations.submission.handoff.interval} (5 s). In the benchmark's burst of 200
 * submissions at once, the engine's part was four fifths of the time a respondent waited; it now also waits for the
 * burst to pause ({@link BurstPause}: a quarter of a second without a submission, two seconds at most).
 * <p>
 * Nothing is lost or done twice: a queued row leaves in the transaction that completes the task; a sweep takes a row
 * for two minutes ({@code for update skip locked}: two nodes never take the same row), so a node that dies holding
 * one leaves it to the next; a completion that fails is tried again by the {@link RetryPolicy} the outbox uses too
 * (from 5 s, doubling, at most an hour), its error kept on the row and logged. Unlike a mail, which is sent and
 * marked in the one transaction that holds its row, a row here is taken for a lease in a commit of its own: the
 * engine's work must run in a transaction of its own, whose failure the row's next attempt records.
 * Off in tests ({@code declarations.submission.handoff.enabled: false}), which sweep by hand with their jobs.
 */
@Service
public class SubmissionHandoff {

    private static final Logger log = LoggerFactory.getLogger(SubmissionHandoff.class);
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1));
    private static final Duration FIRST_SWEEP = Duration.ofSeconds(5);
    /** A node that dies holding a row lets another take it after this (a completion takes milliseconds). */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration QUIET = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    /** Rows one lease takes: a completion takes milliseconds, so twenty end long before their lease. */
    private static final int TAKEN_AT_ONCE = 20;

    private record Queued(long declarationId, String businessKey, int attempts) {
    }

    private record Taken(Queued queued, Timestamp queuedAt) {
    }

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final TransactionTemplate ownTransaction;
    private final boolean wakeOnCommit;
    /** The wall clock, not the product's: tests move that one by months, and a hand-off is about seconds. */
    private final Clock clock = Clock.systemUTC();
    private final BurstPause pause = new BurstPause(QUIET, LONGEST_PAUSE, System.nanoTime());
    /** A round once submissions pause: the engine's part never takes the processors from a burst's answers. */
    private final BackgroundWorker worker = new BackgroundWorker("submission-handoff", this::completeDue,
            wokenAt -> pause.remaining(wokenAt, System.nanoTime()));

    SubmissionHandoff(JdbcClient jdbc, TaskService tasks, PlatformTransactionManager transactions,
            @Value("${declarations.submission.handoff.enabled:true}") boolean enabled,
            @Value("${declarations.submission.handoff.interval:5s}") Duration interval) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.wakeOnCommit = enabled;
        if (enabled) {
            worker.sweepEvery(FIRST_SWEEP, interval);
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    /** Queues the task's completion, in the submission's transaction; the sweep starts when that commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(long declarationId, DeclarationKey key) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into submission_handoff (declaration_id, business_key, queued_at, next_attempt_at)
                values (:id, :key, :now, :now)
                """).param("id", declarationId).param("key", key.businessKey()).param("now", now).update();
        if (wakeOnCommit) {
            pause.submitted(System.nanoTime());
            worker.wakeAfterCommit();
        }
    }

    /** A sweep on the worker's thread, once submissions pause. */
    void sweepSoon() {
        worker.wakeSoon();
    }

    /**
     * Submissions whose task could not be completed when tried (they wait for their next attempt): how many, the
     * oldest one and its last error, as the health check and the coordinators' dashboard report them.
     */
    public record Stalled(int count, DeclarationKey oldest, String lastError) {
    }

    /** Empty while every submission reached, or is on its way to, its review. */
    public Optional<Stalled> stalled() {
        return stalled(null);
    }

    /** The same, for one campaign. */
    public Optional<Stalled> stalled(int campaignYear) {
        return stalled(Integer.valueOf(campaignYear));
    }

    private Optional<Stalled> stalled(Integer campaignYear) {
        return jdbc.sql("""
                select count(*) as count, (array_agg(h.business_key order by h.queued_at))[1] as oldest,
                       (array_agg(h.last_error order by h.queued_at))[1] as last_error
                  from submission_handoff h join declaration d on d.id = h.declaration_id
                 where h.attempts > 0 and (cast(:year as integer) is null or d.campaign_year = :year)
                having count(*) > 0
                """).param("year", campaignYear, Types.INTEGER)
                .query((row, number) -> new Stalled(row.getInt("count"),
                        DeclarationKey.ofBusinessKey(row.getString("oldest")), row.getString("last_error")))
                .optional();
    }

    /**
     * Completes every queued task that is due, one transaction each, until none is.
     *
     * @return how many tasks were completed
     */
    public int completeDue() {
        int completed = 0;
        for (List<Queued> taken = take(); !taken.isEmpty(); taken = take()) {
            for (Queued queued : taken) {
                completed += complete(queued) ? 1 : 0;
            }
        }
        return completed;
    }

    /**
     * Up to {@value #TAKEN_AT_ONCE} due rows, oldest first, taken for a while in a commit of their own (the engine's
     * work then runs in a transaction of its own for each); none when nothing is due. On deadline day one lease for
     * several submissions instead of one each: the hand-off keeps up with them on its one thread.
     */
    private List<Queued> take() {
        Instant now = clock.instant();
        try {
            return ownTransaction.execute(status -> jdbc.sql("""
                    update submission_handoff set next_attempt_at = :leaseEnd
                     where declaration_id in (select declaration_id from submission_handoff where next_attempt_at <= :now
                                               order by next_attempt_at, declaration_id limit :atOnce
                                               for update skip locked)
                    returning declaration_id, business_key, attempts, queued_at
                    """).param("now", Timestamp.from(now)).param("leaseEnd", Timestamp.from(now.plus(LEASE)))
                    .param("atOnce", TAKEN_AT_ONCE)
                    .query((row, number) -> new Taken(new Queued(row.getLong("declaration_id"),
                            row.getString("business_key"), row.getInt("attempts")), row.getTimestamp("queued_at")))
                    .list().stream()
                    .sorted(Comparator.comparing(Taken::queuedAt).thenComparing(taken -> taken.queued().declarationId()))
                    .map(Taken::queued).toList());
        } catch (RuntimeException unreachable) {
            log.warn("Submissions waiting for their task to complete could not be read; the next sweep tries again",
                    unreachable);
            return List.of();
        }
    }

    /** The task completed and the row gone, together; or neither, and the row waits for its next attempt. */
    private boolean complete(Queued queued) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                Task task = DeclarationTasks.organizationTask(tasks, DeclarationKey.ofBusinessKey(queued.businessKey()))
                        .singleResult();
                if (task == null) {
                    // only if the process went on otherwise (another node's sweep after a lease ran out): done
                    log.warn("Submission of {}: its process no longer waits for the organization's task",
                            queued.businessKey());
                } else {
                    tasks.complete(task.getId());
                }
                jdbc.sql("delete from submission_handoff where declaration_id = :id")
                        .param("id", queued.declarationId()).update();
            });
            return true;
        } catch (RuntimeException failure) {
            retryLater(queued, failure);
            return false;
        }
    }

    private void retryLater(Queued queued, RuntimeException failure) {
        int attempts = queued.attempts() + 1;
        Instant next = clock.instant().plus(RETRY.after(attempts));
        log.error("Submission of {}: the organization's task could not be completed (attempt {}), tried again at {}",
                queued.businessKey(), attempts, next, failure);
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                update submission_handoff set attempts = :attempts, next_attempt_at = :next, last_error = left(:error, 2000)
                 where declaration_id = :id
                """).param("attempts", attempts).param("next", Timestamp.from(next))
                .param("error", String.valueOf(failure.getMessage())).param("id", queued.declarationId()).update());
    }
}
