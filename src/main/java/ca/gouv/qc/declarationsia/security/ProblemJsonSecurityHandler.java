package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** 401, 403 and a throttled sign-in's 429 of the JSON API and HTTP Basic, as {@code application/problem+json} in the caller's language. */
@Component
class ProblemJsonSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final LocaleResolver locales;

    ProblemJsonSecurityHandler(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "error.login.throttled",
                    Waits.minutes(throttled.retryAfterSeconds()));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Declarations IA\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
            Object... arguments) throws IOException {
        problems.write(response, problems.problem(status, key, locales.resolveLocale(request), arguments));
    }
}
