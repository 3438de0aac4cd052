package ca.gouv.qc.declarationsia.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.sql.DataSource;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database layer alone: Flyway's schema on the real PostgreSQL 17 ({@link TestPostgres}), Spring Data JDBC's
 * repositories and mapping, no engine, no web, no mail. Every class so annotated shares one Spring context (keep it
 * that way: do not add {@code @Import} or properties to a single test class). As in {@link IntegrationTest}, each
 * statement commits (no test transaction rolled back): a refused statement must not poison the next one, and tests
 * create their own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(DatabaseTest.Postgres.class)
public @interface DatabaseTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Postgres {

        /** Not closed with the context: the deployment-only engine may still use it. */
        @Bean(destroyMethod = "")
        DataSource dataSource() {
            return TestPostgres.dataSource();
        }
    }
}
