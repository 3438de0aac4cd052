package ca.gouv.qc.declarationsia.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logging out in Cockpit, Tasklist or Admin ends the person's session here too. Camunda's own logout only forgets
 * the webapps' authentication, which {@link SpringSecurityEngineAuthenticationProvider} would give back at the next
 * request from the Spring Security session: once Camunda has answered the logout, that session ends as our page's
 * *Se déconnecter* ends it (in PostgreSQL, so on every node).
 */
class WebappLogout extends OncePerRequestFilter {

    /** Under the webapps' path (registered there), whatever it is. */
    private static final Pattern LOGOUT = Pattern.compile("/[^/]+(?:/[^/]+)*/api/admin/auth/user/[^/]+/logout");

    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGOUT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() < 300) {
            logout.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        }
    }
}
