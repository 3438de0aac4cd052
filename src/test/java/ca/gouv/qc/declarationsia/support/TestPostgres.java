package ca.gouv.qc.declarationsia.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL 17 (io.zonky, the server local mode runs) per test JVM for the small tests: the database slices
 * ({@link DatabaseTest}) and the deployment-only process engine ({@code deployment-only.camunda.cfg.xml}) share it,
 * so the server starts once. The whole application ({@link IntegrationTest}) keeps a server of its own. Stopped with
 * the JVM.
 */
public final class TestPostgres {

    private static DataSource dataSource;

    private TestPostgres() {
    }

    /** Also the factory method {@code deployment-only.camunda.cfg.xml} names. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        // a test database: a crash of the machine may lose it
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
                config.setUsername("postgres");
                config.setPoolName("test-postgres");
                config.setMaximumPoolSize(10);
                dataSource = new HikariDataSource(config);
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return dataSource;
    }
}
