package ca.gouv.qc.declarationsia.support;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Campaign years for the whole-application tests ({@link IntegrationTest}: every class shares one database, and a
 * campaign is one per year). A class takes its years here, never by hand: {@code private static final int YEAR =
 * TestYears.take(2);} gives it two consecutive years, {@code YEAR} and {@code YEAR + 1}. A year is handed out once in
 * the JVM, so two classes never get the same one, even before either has inserted its campaign; never one a campaign
 * of the shared database already has (once that database is up); never one a test still names on purpose
 * ({@link #NAMED}). Years go from the top of those the database accepts downwards: far in the future, so a campaign
 * launched on the real clock waits for its opening date, as the tests that launch one expect.
 */
public final class TestYears {

    /** The years the campaign table accepts: {@code check (year between 2020 and 2100)}, V1__domain_schema.sql. */
    static final int FIRST = 2020;
    static final int LAST = 2100;

    /**
     * Years the whole-application tests name on purpose, never handed out: 2026 and 2027, the years of the successions
     * recorded by SuccessionApiTest and the journeys after a merge (their effective dates are written in the requests).
     */
    private static final Set<Integer> NAMED = Set.of(2026, 2027);

    private static final Set<Integer> handedOut = new HashSet<>();

    /** The shared database, once the whole application's context is up (see {@link SharedDatabase}). */
    private static JdbcTemplate database;

    private TestYears() {
    }

    /** One year of its own. */
    public static int take() {
        return take(1);
    }

    /** The first of {@code count} consecutive years of its own: {@code first}, {@code first + 1}, ... */
    public static synchronized int take(int count) {
        for (int first = LAST - count + 1; first >= FIRST; first--) {
            if (allFree(first, count)) {
                for (int year = first; year < first + count; year++) {
                    handedOut.add(year);
                }
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive campaign years left between " + FIRST + " and "
                + LAST + " (handed out: " + handedOut + ")");
    }

    private static boolean allFree(int first, int count) {
        for (int year = first; year < first + count; year++) {
            if (handedOut.contains(year) || NAMED.contains(year) || hasCampaign(year)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCampaign(int year) {
        return database != null
                && database.queryForObject("select count(*) from campaign where year = ?", Integer.class, year) > 0;
    }

    /**
     * Lets the years handed out after the whole application's start skip those a campaign has. Found by the
     * application's component scan only: the database-layer tests ({@link DatabaseTest}) have a database of their
     * own, whose years are not the shared one's.
     */
    @Component
    static class SharedDatabase {

        SharedDatabase(JdbcTemplate jdbc) {
            synchronized (TestYears.class) {
                database = jdbc;
            }
        }
    }
}
