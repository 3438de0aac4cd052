package ca.gouv.qc.declarationsia.security;

/** A wait said to a person: whole minutes, rounded up, at least one. */
final class Waits {

    private Waits() {
    }

    static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
