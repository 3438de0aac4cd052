package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.web.Problems;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
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
 * repeated identity write is a 409 and a membership of no one a 404 (Camunda's own handler would answer its generic
 * 400), a missing value a 400 and a concurrent change a 409 (its 500s), what Camunda's authorizations refuse a 403.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    @Bean
    ResourceConfigCustomizer engineRefusalsAsProblems(Problems problems, LocaleResolver locales) {
        return config -> config.register(new IdentityRefusalMapper(problems, locales))
                .register(new AuthorizationMapper(problems, locales))
                .register(new EngineInputMapper(problems, locales))
                .register(new ConcurrentChangeMapper(problems, locales));
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
     * A value the engine found missing where it needs one (a group without id, an authorization for both a user and
     * a group): the caller's mistake, a 400 with the engine's own words under {@code engine}, not its 500.
     */
    static final class EngineInputMapper implements ExceptionMapper<NullValueException> {

        private final Problems problems;
        private final LocaleResolver locales;

        EngineInputMapper(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        @Override
        public Response toResponse(NullValueException missing) {
            ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.engine.missingValue", locale(locales));
            problem.setProperty("engine", missing.getMessage());
            return answer(problems, problem);
        }
    }

    /** A write over another's, or on an id the body changes (a profile sent with another id): 409, not 500. */
    static final class ConcurrentChangeMapper implements ExceptionMapper<OptimisticLockingException> {

        private final Problems problems;
        private final LocaleResolver locales;

        ConcurrentChangeMapper(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        @Override
        public Response toResponse(OptimisticLockingException concurrent) {
            return answer(problems, problems.problem(HttpStatus.CONFLICT, "error.concurrentModification",
                    locale(locales)));
        }
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
    static final class IdentityRefusalMapper implements ExceptionMapper<IdentityRefusal> {

        private final Problems problems;
        private final LocaleResolver locales;

        IdentityRefusalMapper(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        @Override
        public Response toResponse(IdentityRefusal refused) {
            Locale locale = locale(locales);
            ProblemDetail problem = problems.problem(refused.status(), refused.messageKey(), locale,
                    refused.arguments());
            problem.setTitle(problems.problem(refused.status(), refused.status() == HttpStatus.CONFLICT
                    ? "error.engine.conflict" : "error.notFound", locale).getTitle());
            return answer(problems, problem);
        }
    }
}
