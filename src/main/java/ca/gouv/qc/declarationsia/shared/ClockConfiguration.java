package ca.gouv.qc.declarationsia.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time of the application, so that tests control it (the engine uses ClockUtil). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Campaign dates are Québec dates. */
    static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

    @Bean
    Clock clock() {
        return Clock.system(QUEBEC);
    }
}
