package ca.gouv.qc.declarationsia.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows a password guesser without letting a stranger lock anyone out. Failures count by client address and
 * account together: after {@value #FREE_FAILURES} failures from one address on one account, that address waits
 * 30 seconds before its next try on it, doubling with each further failure up to 15 minutes; the same account from any other address is not
 * slowed at all, so its owner is never refused the right password because somebody else failed. An address that
 * fails {@value #CLIENT_FAILURES} times within 15 minutes, whatever the accounts, waits the rest of those 15 minutes.
 * A success clears its address's count on that account; a coordinator can clear an account everywhere.
 */
@Service
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int CLIENT_FAILURES = 100;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);
    /** A count older than this starts again from one. */
    private static final Duration MEMORY = Duration.ofHours(1);
    /** The row counting an address's failures on every account. */
    private static final String EVERY_ACCOUNT = "";

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * On the wall clock, not the product's: pacing is about real seconds between a guesser's tries, never about a
     * campaign's calendar (which tests move by months).
     */
    @Autowired
    LoginThrottle(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Where this address stands on this account.
     *
     * @param retryAfter how long it must wait before trying again; zero when it may try now
     * @param counted whether failures of it are counted (a success then clears them)
     */
    public record Standing(Duration retryAfter, boolean counted) {

        public boolean mayTry() {
            return retryAfter.isZero();
        }
    }

    @Transactional(readOnly = true)
    public Standing standing(String client, String account) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select max(blocked_until) filter (where blocked_until > :now) as until,
                       count(*) filter (where account = :account) > 0 as counted
                  from login_throttle where client = :client and account in (:account, '')
                """).param("client", client(client)).param("account", key(account)).param("now", Timestamp.from(now))
                .query((row, number) -> {
                    Timestamp until = row.getTimestamp("until");
                    return new Standing(until == null ? Duration.ZERO : Duration.between(now, until.toInstant()),
                            row.getBoolean("counted"));
                }).single();
    }

    /** Its own transaction: a failed sign-in rolls nothing else back, and its count must stay. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String client, String account) {
        Instant now = clock.instant();
        int failures = count(client(client), key(account), now, MEMORY);
        if (failures >= FREE_FAILURES) {
            block(client(client), key(account), now.plus(waitAfter(failures)));
        }
        int fromClient = count(client(client), EVERY_ACCOUNT, now, CLIENT_WINDOW);
        if (fromClient >= CLIENT_FAILURES) {
            block(client(client), EVERY_ACCOUNT, now.plus(CLIENT_WINDOW));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String client, String account) {
        jdbc.sql("delete from login_throttle where client = :client and account = :account")
                .param("client", client(client)).param("account", key(account)).update();
    }

    /** A coordinator's unlock: the account may be tried again at once from every address. */
    @Transactional
    public int unlock(String account) {
        return jdbc.sql("delete from login_throttle where account = :account").param("account", key(account)).update();
    }

    static Duration waitAfter(int failures) {
        Duration wait = FIRST_WAIT;
        for (int beyond = failures - FREE_FAILURES; beyond > 0 && wait.compareTo(LONGEST_WAIT) < 0; beyond--) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Adds a failure and returns the count, started again when the last count is older than {@code memory}. */
    private int count(String client, String account, Instant now, Duration memory) {
        return jdbc.sql("""
                insert into login_throttle (client, account, failures, first_failure_at)
                values (:client, :account, 1, :now)
                on conflict (client, account) do update set
                  failures = case when login_throttle.first_failure_at < :forgotten then 1
                                  else login_throttle.failures + 1 end,
                  first_failure_at = case when login_throttle.first_failure_at < :forgotten then :now
                                          else login_throttle.first_failure_at end
                returning failures
                """).param("client", client).param("account", account).param("now", Timestamp.from(now))
                .param("forgotten", Timestamp.from(now.minus(memory))).query(Integer.class).single();
    }

    private void block(String client, String account, Instant until) {
        jdbc.sql("update login_throttle set blocked_until = :until where client = :client and account = :account")
                .param("until", Timestamp.from(until)).param("client", client).param("account", account).update();
    }

    private static String client(String address) {
        String client = address == null ? "" : address;
        return client.length() > 64 ? client.substring(0, 64) : client;
    }

    private static String key(String value) {
        String key = value == null ? "" : value;
        return key.length() > 254 ? key.substring(0, 254) : key;
    }
}
