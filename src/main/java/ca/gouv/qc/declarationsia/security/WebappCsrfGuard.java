package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.web.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' CSRF rule, checked before anything of theirs or ours runs: a change through Cockpit's, Tasklist's or
 * Admin's API carries the token the webapps read from their {@code XSRF-TOKEN} cookie, in {@code X-XSRF-TOKEN}.
 * Camunda's own filter checks it again, but ends the user's session when it is missing; refused here, the request
 * gets a 403 and the person stays signed in. It also holds our own engine door, which answers before Camunda's
 * filter would run, to the same rule.
 */
class WebappCsrfGuard extends OncePerRequestFilter {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod()) || matches(request.getHeader(HEADER), cookie(request))) {
            chain.doFilter(request, response);
            return;
        }
        Refusal.of(HttpStatus.FORBIDDEN, "error.csrf").send(request, response);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private static boolean matches(String header, String cookie) {
        return header != null && !header.isBlank() && cookie != null
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }
}
