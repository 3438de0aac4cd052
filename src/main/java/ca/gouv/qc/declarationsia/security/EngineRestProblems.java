package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.web.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The engine REST API's refusals that are ours to say, in the shape of every other ({@link Problems}): a repeated
 * identity write is a 409 in the caller's language (Camunda's own handler would answer its generic 400).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    @Bean
    ResourceConfigCustomizer identityConflictsAsProblems(Problems problems, LocaleResolver locales) {
        return config -> config.register(new IdentityConflictMapper(problems, locales));
    }

    /** More precise than Camunda's mapper of every engine exception, so Jersey picks it for these. */
    static final class IdentityConflictMapper implements ExceptionMapper<IdentityConflict> {

        private final Problems problems;
        private final LocaleResolver locales;

        IdentityConflictMapper(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        @Override
        public Response toResponse(IdentityConflict conflict) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, conflict.messageKey(), locale(),
                    conflict.arguments());
            problem.setTitle(problems.problem(HttpStatus.CONFLICT, "error.engine.conflict", locale()).getTitle());
            return Response.status(HttpStatus.CONFLICT.value()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(problems.text(problem)).build();
        }

        private Locale locale() {
            return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    ? locales.resolveLocale(request.getRequest()) : Locale.CANADA_FRENCH;
        }
    }
}
