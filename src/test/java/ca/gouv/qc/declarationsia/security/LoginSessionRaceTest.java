package ca.gouv.qc.declarationsia.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests of one browser at once (a slow page reloaded, two tabs): both read the session before either saves it,
 * and both add the same attribute, as the CSRF token minted while a page renders. The later save must not fail:
 * it failed the dashboard mid-rendering with a duplicate key on spring_session_attributes. Spring Session's
 * repository on the tables of Flyway's schema, customized as the application's ({@link LoginSessionStore}); that the
 * application keeps its sessions there is SessionsAcrossNodesTest's.
 */
@DatabaseTest
class LoginSessionRaceTest {

    private static final String CSRF_TOKEN =
            "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void two_requests_adding_the_same_attribute_to_one_session_both_save_and_the_later_wins() {
        SessionRepository<Session> sessions = sessions();
        Session created = sessions.createSession();
        sessions.save(created);
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());

        first.setAttribute(CSRF_TOKEN, "minted by the first request");
        second.setAttribute(CSRF_TOKEN, "minted by the second request");
        sessions.save(first);
        sessions.save(second);

        assertThat((String) sessions.findById(created.getId()).getAttribute(CSRF_TOKEN))
                .isEqualTo("minted by the second request");
        sessions.deleteById(created.getId());
    }

    /** The repository's own session class is package-private: seen through the interface every filter uses. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private SessionRepository<Session> sessions() {
        JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc, transactions);
        new LoginSessionStore().concurrentAttributeWrites().customize(repository);
        return (SessionRepository) repository;
    }
}
