package ca.gouv.qc.declarationsia.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Login sessions' writes in PostgreSQL that two requests of one browser may make at once: both read the session
 * before either saved it, both add the same attribute (the CSRF token, minted while a page renders), and the second
 * insert broke the attributes' primary key, failing its page in the middle of rendering. Spring Session's PostgreSQL
 * statements insert or update instead: the later write wins.
 */
@Configuration(proxyBeanMethods = false)
class LoginSessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributeWrites() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
