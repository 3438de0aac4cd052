package ca.gouv.qc.declarationsia.shared.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The worker both background queues (mail, submissions' hand-off) run on, without Spring or a database. */
class BackgroundWorkerTest {

    private BackgroundWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void wakeUpsWhileARoundWaitsToStartAreOneRound() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(1);
        // the round may start only once the latch opens: every wake-up meanwhile joins the waiting one
        worker = new BackgroundWorker("test-worker", rounds::incrementAndGet,
                wokenAt -> open.getCount() == 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(20));
        for (int i = 0; i < 50; i++) {
            worker.wakeSoon();
        }
        open.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        worker.wakeSoon();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
    }

    @Test
    void aRoundThatFailsDoesNotEndTheSweeps() {
        AtomicInteger rounds = new AtomicInteger();
        worker = new BackgroundWorker("test-worker", () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
        }, BackgroundWorker.NO_WAIT);
        worker.sweepEvery(Duration.ZERO, Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
    }

    @Test
    void aCommitWakesTheWorkerAndARollbackDoesNot() {
        AtomicInteger rounds = new AtomicInteger();
        worker = new BackgroundWorker("test-worker", rounds::incrementAndGet, BackgroundWorker.NO_WAIT);

        TransactionSynchronizationManager.initSynchronization();
        try {
            worker.wakeAfterCommit();
            assertThat(rounds).as("nothing before the commit").hasValue(0);
            TransactionSynchronizationUtils.invokeAfterCompletion(
                    TransactionSynchronizationManager.getSynchronizations(), TransactionSynchronization.STATUS_ROLLED_BACK);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        TransactionSynchronizationManager.initSynchronization();
        try {
            worker.wakeAfterCommit();
            TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        // the rolled-back transaction woke nothing: still one round a moment later
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> rounds.get() == 1);
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongest() {
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1));
        assertThat(retry.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retry.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(retry.after(11)).isEqualTo(Duration.ofHours(1));
        assertThat(retry.after(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
