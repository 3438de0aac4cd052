package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.DeclarationsIaApplication;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Application nodes as production runs them (no local mode), each with its own engine, job executor and web server,
 * on one PostgreSQL and one SMTP server: for the tests of what several nodes share (tests named {@code *NodesTest},
 * each in a JVM of its own).
 */
public final class TestNodes {

    private TestNodes() {
    }

    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, GreenMail smtp, String name,
            Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.mail.host", "localhost",
                "spring.mail.port", smtp.getSmtp().getPort(),
                "server.port", 0,
                // several engines in this one JVM: distinct names keep Camunda's engine registry apart
                "camunda.bpm.process-engine-name", name,
                "camunda.bpm.generic-properties.properties.hostname", name));
        properties.putAll(more);
        // as command-line arguments: they outrank application.yml (builder properties are only defaults)
        return new SpringApplicationBuilder(DeclarationsIaApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
