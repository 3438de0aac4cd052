package ca.gouv.qc.declarationsia.shared.work;

import java.time.Duration;

/**
 * How long a piece of background work waits after failing: {@code first}, doubling with each failure in a row, never
 * longer than {@code longest}. One policy for every queue worked after a commit (the outbox's mail, the submissions'
 * hand-off), each with its own figures.
 */
public record RetryPolicy(Duration first, Duration longest) {

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("A retry waits a positive time, the longest at least the first");
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
