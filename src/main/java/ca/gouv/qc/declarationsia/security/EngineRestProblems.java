package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.IdentityRefusal;
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

    /**
     * One refusal of the engine as problem+json in the caller's language. Jersey picks a mapper by the exception
     * type its subclass names, the most precise first, so each refusal is a small subclass.
     */
    abstract static class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

        private final Problems problems;
        private final LocaleResolver locales;

        ProblemMapper(Problems problems, LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        abstract ProblemDetail problem(E refusal, Problems problems, Locale locale);

        @Override
        public Response toResponse(E refusal) {
            Locale locale = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    ? locales.resolveLocale(request.getRequest()) : Locale.CANADA_FRENCH;
            ProblemDetail problem = problem(refusal, problems, locale);
            return Response.status(problem.getStatus()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(problems.text(problem)).build();
        }
    }

    /**
     * A value the engine found missing where it needs one (a group without id, an authorization for both a user and
     * a group): the caller's mistake, a 400 with the engine's own words under {@code engine}, not its 500.
     */
    static final class EngineInputMapper extends ProblemMapper<NullValueException> {

        EngineInputMapper(Problems problems, LocaleResolver locales) {
            super(problems, locales);
        }

        @Override
        ProblemDetail problem(NullValueException missing, Problems problems, Locale locale) {
            ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.engine.missingValue", locale);
            problem.setProperty("engine", missing.getMessage());
            return problem;
        }
    }

    /** A write over another's, or on an id the body changes (a profile sent with another id): 409, not 500. */
    static final class ConcurrentChangeMapper extends ProblemMapper<OptimisticLockingException> {

        ConcurrentChangeMapper(Problems problems, LocaleResolver locales) {
            super(problems, locales);
        }

        @Override
        ProblemDetail problem(OptimisticLockingException concurrent, Problems problems, Locale locale) {
            return problems.problem(HttpStatus.CONFLICT, "error.concurrentModification", locale);
        }
    }

    /**
     * What Camunda's authorizations refuse (creating a task, a job of another's process…): the 403 of every door,
     * with the engine's own words on what is missing under {@code engine}.
     */
    static final class AuthorizationMapper extends ProblemMapper<AuthorizationException> {

        AuthorizationMapper(Problems problems, LocaleResolver locales) {
            super(problems, locales);
        }

        @Override
        ProblemDetail problem(AuthorizationException refused, Problems problems, Locale locale) {
            ProblemDetail problem = problems.problem(HttpStatus.FORBIDDEN, "error.forbidden", locale);
            problem.setProperty("engine", refused.getMessage());
            return problem;
        }
    }

    /** More precise than Camunda's mapper of every engine exception, so Jersey picks it for these. */
    static final class IdentityRefusalMapper extends ProblemMapper<IdentityRefusal> {

        IdentityRefusalMapper(Problems problems, LocaleResolver locales) {
            super(problems, locales);
        }

        @Override
        ProblemDetail problem(IdentityRefusal refused, Problems problems, Locale locale) {
            ProblemDetail problem = problems.problem(refused.status(), refused.messageKey(), locale,
                    refused.arguments());
            problem.setTitle(problems.problem(refused.status(), refused.status() == HttpStatus.CONFLICT
                    ? "error.engine.conflict" : "error.notFound", locale).getTitle());
            return problem;
        }
    }
}
