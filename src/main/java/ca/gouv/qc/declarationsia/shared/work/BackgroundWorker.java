package ca.gouv.qc.declarationsia.shared.work;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work done after a commit, off the request's thread and off the job executor: one daemon thread of its own per
 * queue, so that a slow neighbour (a hung mail server) holds nothing else. A round runs when the worker is woken (by
 * a commit, {@link #wakeAfterCommit()}) and at a fixed delay ({@link #sweepEvery}), which catches what a crash or a
 * failed attempt left behind; wake-ups that come while a round waits to start are one round. A round that throws is
 * logged and the next one runs as usual.
 * <p>
 * The queues themselves stay in the capability that owns their rows (the outbox in {@code notification}, the
 * hand-off in {@code declaration}): each takes its rows with {@code for update skip locked}, so two nodes never take
 * the same, and spaces its attempts with a {@link RetryPolicy}.
 */
public final class BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);

    /** Starts every round at once. */
    public static final LongUnaryOperator NO_WAIT = waitingSince -> 0;

    private final String name;
    private final Runnable round;
    private final LongUnaryOperator waitBeforeRound;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean roundQueued = new AtomicBoolean();

    /**
     * @param name the thread's, as logs and thread dumps show it
     * @param round the work: everything that is due, then return
     * @param waitBeforeRound nanoseconds a round woken at the given {@link System#nanoTime()} should still wait
     *        (0: start it), asked again after each wait
     */
    public BackgroundWorker(String name, Runnable round, LongUnaryOperator waitBeforeRound) {
        this.name = name;
        this.round = round;
        this.waitBeforeRound = waitBeforeRound;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** A round once the current transaction commits (at once outside one); nothing if it rolls back. */
    public void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeSoon();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeSoon();
            }
        });
    }

    /** A round on the worker's thread; one already waiting to start covers this call too. */
    public void wakeSoon() {
        if (roundQueued.compareAndSet(false, true)) {
            long wokenAt = System.nanoTime();
            thread.execute(() -> roundAfterWait(wokenAt));
        }
    }

    /** A round every {@code interval} (after the previous one ended), the first after {@code first}. */
    public void sweepEvery(Duration first, Duration interval) {
        thread.scheduleWithFixedDelay(this::wakeSoon, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the thread; a round waiting on a hung server ends with its own timeout, on this daemon thread. */
    public void stop() {
        thread.shutdownNow();
    }

    private void roundAfterWait(long wokenAt) {
        long wait = waitBeforeRound.applyAsLong(wokenAt);
        if (wait > 0) {
            thread.schedule(() -> roundAfterWait(wokenAt), wait, TimeUnit.NANOSECONDS);
            return;
        }
        roundQueued.set(false);
        try {
            round.run();
        } catch (RuntimeException failure) {
            // the database went away, most likely: an exception must not end the worker; the next round tries again
            log.warn("{}: a round stopped, the next one tries again: {}", name, failure.toString());
            log.debug("{}: the round's failure", name, failure);
        }
    }
}
