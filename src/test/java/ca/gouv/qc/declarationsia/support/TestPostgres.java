package ca.gouv.qc.declarationsia.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL 17 (io.zonky, the server local mode runs) per test JVM for the small tests: the database layer
 * ({@link DatabaseTest}, on a database of its own, {@value #DATABASE_LAYER}, with its own engine) and the
 * deployment-only process engine ({@code deployment-only.camunda.cfg.xml}, on {@code postgres}) share the server, so
 * it starts once; neither sees the other's processes and jobs. The whole application ({@link IntegrationTest}) keeps a
 * server of its own. Stopped with the JVM.
 */
public final class TestPostgres {

    /** The database layer's database: Flyway's schema and the engine that runs our models with their real beans. */
    static final String DATABASE_LAYER = "database_layer";

    private static EmbeddedPostgres server;
    private static DataSource dataSource;
    private static DataSource databaseLayer;

    private TestPostgres() {
    }

    /** Also the factory method {@code deployment-only.camunda.cfg.xml} names. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = pool("postgres", "test-postgres");
        }
        return dataSource;
    }

    /** The database layer's own database on the same server, created on first use. */
    static synchronized DataSource databaseLayer() {
        if (databaseLayer == null) {
            DataSource admin = dataSource();
            try (java.sql.Connection connection = admin.getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE_LAYER);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the database layer's database could not be created", e);
            }
            databaseLayer = pool(DATABASE_LAYER, "test-database-layer");
        }
        return databaseLayer;
    }

    private static DataSource pool(String database, String name) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder()
                        // a test database: a crash of the machine may lose it
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", database));
        config.setUsername("postgres");
        config.setPoolName(name);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
