package ca.gouv.qc.declarationsia.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever ran {@code ./mvnw spring-boot:run} where to go and how to log in. */
@Component
@Profile("local")
class LocalModeBanner {

    private static final Logger log = LoggerFactory.getLogger(LocalModeBanner.class);

    private final Environment environment;
    private final LocalModeProperties properties;

    LocalModeBanner(Environment environment, LocalModeProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String password = properties.demoPassword();
        log.info("""

                ==========================================================================
                 Déclarations IA is ready (local mode): {}
                 Logins (password "{}"):
                   coordo                 coordinators (campaigns, registry, Camunda Admin)
                   analyste               reviewers (Tasklist)
                   gestion                managers (Cockpit, read-only)
                   ia.mrnf@example.qc.ca  respondent of MRNF (any ia.<code>@example.qc.ca)
                 Mail sent: {}/dev/mail   Camunda: {}{}/app/   API: {}/swagger-ui.html
                ==========================================================================""",
                base, password, base, base,
                environment.getProperty("camunda.bpm.webapp.application-path", "/camunda"), base);
    }
}
