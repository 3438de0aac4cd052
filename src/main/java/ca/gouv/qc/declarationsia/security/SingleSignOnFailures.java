package ca.gouv.qc.declarationsia.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A sign-in through the identity provider that did not end with a person of ours: the login page, answered 403 when
 * the provider said who it is but gave it none of our groups (or refused it), 401 otherwise (a stale or forged
 * callback, a token that does not hold), with what to do. The reason goes to the log, never a token.
 */
public class SingleSignOnFailures implements AuthenticationFailureHandler {

    /** Read by the login page: the message key of what went wrong. */
    public static final String ERROR = "singleSignOnError";
    public static final String PAGE = "/login/echec-authentification";

    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOnFailures.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
        LOG.info("Single sign-on refused ({}): {}", code, exception.getMessage());
        String message = switch (code) {
            case GroupsFromClaims.NO_GROUP -> "login.sso.noGroup";
            case GroupsFromClaims.NO_USER_ID -> "login.sso.noUserId";
            case "access_denied" -> "login.sso.denied";
            default -> "login.sso.failed";
        };
        boolean known = message.equals("login.sso.noGroup") || message.equals("login.sso.denied");
        response.setStatus((known ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED).value());
        request.setAttribute(ERROR, message);
        request.getRequestDispatcher(PAGE).forward(request, response);
    }
}
