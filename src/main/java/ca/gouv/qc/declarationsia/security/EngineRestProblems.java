package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.web.Problems;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
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
 * The engine REST API's refusals in the shape of every other ({@link Problems}), in the caller's language: a
 * repeated identity write is a 409 (Camunda's own handler would answer its generic 400), what Camunda's
 * authorizations refuse a 403.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    @Bean
    ResourceConfigCustomizer identityConflictsAsProblems(Problems problems, LocaleResolver locales) {
        return config -> config.register(new IdentityConflictMapper(problems, locales))
                .register(new AuthorizationMapper(problems, locales));
    }

    private static Locale locale(LocaleResolver locales) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? locales.resolveLocale(request.getRequest()) : Locale.CANADA_FRENCH;
    }

    private static Response answer(Problems problems, ProblemDetail problem) {
        return Response.status(problem.getStatus()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .entity(problems.text(problem)).build();
    }

    /**
     * What Camunda's authorizations refuse (creating a task, a job of another's process…): the 403 of every door,
     * with the engine's own words on what is missing under {@code engine}.
     */
    static final class AuthorizationMapper implements ExceptionMapper<AuthorizationException> {

        private final Problems problems;
        private final LocaleResolver locales;

        AuthorizationMapper(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        @Override
        public Response toResponse(AuthorizationException refused) {
            ProblemDetail problem = problems.problem(HttpStatus.FORBIDDEN, "error.forbidden", locale(locales));
            problem.setProperty("engine", refused.getMessage());
            return answer(problems, problem);
        }
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
            Locale locale = locale(locales);
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, conflict.messageKey(), locale,
                    conflict.arguments());
            problem.setTitle(problems.problem(HttpStatus.CONFLICT, "error.engine.conflict", locale).getTitle());
            return answer(problems, problem);
        }
    }
}
