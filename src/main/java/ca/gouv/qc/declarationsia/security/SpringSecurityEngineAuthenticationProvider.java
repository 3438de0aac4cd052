package ca.gouv.qc.declarationsia.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets Cockpit, Tasklist, Admin and the engine REST API trust the user already signed in through Spring Security:
 * one login for the whole product, one throttle. The user's groups are its authorities (from Camunda's identity
 * service, or from the identity provider's claims), so Camunda's authorizations apply to them.
 */
public class SpringSecurityEngineAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return result;
    }

    /** Nothing to add: an anonymous caller is answered by Spring Security (login page or 401), not by the engine. */
    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    }
}
