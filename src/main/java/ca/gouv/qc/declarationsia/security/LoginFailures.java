package ca.gouv.qc.declarationsia.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A failed sign-in on the login page: back to it with the error, or, when the throttle refused the attempt, the
 * login page itself answered as 429 with {@code Retry-After} and how long to wait.
 */
@Component
public class LoginFailures implements AuthenticationFailureHandler {

    /** Read by the login page: how many minutes to wait. */
    public static final String RETRY_AFTER_MINUTES = "retryAfterMinutes";
    public static final String THROTTLED_PAGE = "/login/trop-de-tentatives";

    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            request.setAttribute(RETRY_AFTER_MINUTES, Waits.minutes(throttled.retryAfterSeconds()));
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        wrongPassword.onAuthenticationFailure(request, response, exception);
    }
}
