package ca.gouv.qc.declarationsia.local;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of local mode (profile {@code local}).
 *
 * @param postgres embedded PostgreSQL: a blank data directory means a throw-away one (tests); port 0 means any free port;
 *        durable starts it with {@code fsync} and {@code synchronous_commit} on, as a production server runs (the
 *        benchmark's durable column), instead of off (fast for development and tests)
 * @param mail in-process SMTP catcher: port 0 means any free port
 * @param demoData seed the organization registry and the demo users
 * @param demoPassword password of every demo user
 */
@ConfigurationProperties("declarations.local")
public record LocalModeProperties(
        @DefaultValue Postgres postgres,
        @DefaultValue Mail mail,
        @DefaultValue("true") boolean demoData,
        @DefaultValue("demo") String demoPassword) {

    public record Postgres(@DefaultValue("") String dataDirectory, @DefaultValue("0") int port,
            @DefaultValue("false") boolean durable) {
    }

    public record Mail(@DefaultValue("3025") int smtpPort) {
    }
}
