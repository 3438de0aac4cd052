package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.BatchReads;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an account was ever used: a person who never signed in gets a personal link in its campaign mail. Counted
 * on interactive sign-ins only (the login page, single sign-on, a chosen password), not on each API call.
 */
@Service
public class AccountActivity {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SingleSignOnProperties singleSignOn;

    AccountActivity(JdbcClient jdbc, Clock clock, SingleSignOnProperties singleSignOn) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.singleSignOn = singleSignOn;
    }

    /**
     * Of these account ids, the ones that never signed in and never chose a password; none when people sign in
     * through the government's provider alone (a password would open nothing).
     */
    @Transactional(readOnly = true)
    public Set<String> neverSignedIn(Collection<String> userIds) {
        if (!singleSignOn.passwordSignIn()) {
            return Set.of();
        }
        Set<String> never = new HashSet<>(userIds);
        if (userIds.stream().allMatch(id -> BatchReads.find(new SignedIn(id)).isPresent())) {
            // read with the batch's other accounts (prepareNeverSignedIn)
            never.removeIf(id -> BatchReads.<Boolean>find(new SignedIn(id)).orElse(false));
            return never;
        }
        if (!never.isEmpty()) {
            never.removeAll(jdbc.sql("select user_id from account_sign_in where user_id = any(:ids)")
                    .param("ids", userIds.toArray(String[]::new)).query(String.class).list());
        }
        return never;
    }

    private record SignedIn(String userId) {
    }

    /** Within a batch ({@link BatchReads}), reads for all these accounts at once whether each ever signed in. */
    @Transactional(readOnly = true)
    public void prepareNeverSignedIn(Collection<String> userIds) {
        if (!BatchReads.active() || userIds.isEmpty() || !singleSignOn.passwordSignIn()) {
            return;
        }
        Set<String> signedIn = new HashSet<>(jdbc.sql("select user_id from account_sign_in where user_id = any(:ids)")
                .param("ids", userIds.toArray(String[]::new)).query(String.class).list());
        userIds.forEach(id -> BatchReads.put(new SignedIn(id), signedIn.contains(id)));
    }

    @EventListener
    @Transactional
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getName().length() > 64) {
            return; // not an account of ours (a single sign-on subject longer than any Camunda user id)
        }
        jdbc.sql("""
                insert into account_sign_in (user_id, last_signed_in_at) values (:user, :now)
                on conflict (user_id) do update set last_signed_in_at = excluded.last_signed_in_at
                """).param("user", event.getAuthentication().getName()).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Transactional
    void passwordChosen(String userId) {
        jdbc.sql("""
                insert into account_sign_in (user_id, password_chosen_at, last_signed_in_at) values (:user, :now, :now)
                on conflict (user_id) do update set password_chosen_at = excluded.password_chosen_at,
                                                     last_signed_in_at = excluded.last_signed_in_at
                """).param("user", userId).param("now", Timestamp.from(clock.instant())).update();
    }
}
