package ca.gouv.qc.declarationsia.declaration;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the hand-off's background work may start: once submissions have paused for a moment, or once the oldest
 * waiting one has waited long enough. On deadline day, hundreds of respondents submit within the same second and
 * the engine's part of each (about three quarters of a submission's work) would take the processors from their
 * answers; it runs right after the burst instead, and never waits longer than {@code longest}.
 * <p>
 * Times are {@link System#nanoTime()} readings, given by the caller so that the policy is tested without waiting.
 */
final class BurstPause {

    private final long quietNanos;
    private final long longestNanos;
    private final AtomicLong lastSubmission;

    BurstPause(Duration quiet, Duration longest, long now) {
        this.quietNanos = quiet.toNanos();
        this.longestNanos = longest.toNanos();
        this.lastSubmission = new AtomicLong(now - quietNanos);
    }

    /** A submission committed at {@code now}. */
    void submitted(long now) {
        lastSubmission.accumulateAndGet(now, Math::max);
    }

    /** Nanoseconds the work waiting since {@code waitingSince} should still wait at {@code now}; 0: start it. */
    long remaining(long waitingSince, long now) {
        long untilQuiet = lastSubmission.get() + quietNanos - now;
        long untilLongest = waitingSince + longestNanos - now;
        return Math.max(0, Math.min(untilQuiet, untilLongest));
    }
}
