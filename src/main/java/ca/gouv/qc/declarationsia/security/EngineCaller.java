package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.EngineInternals;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls one of the engine's doors: its user id and its groups. */
record EngineCaller(String id, Set<String> groups) {

    boolean isCoordinator() {
        return groups.contains(Roles.COORDINATORS);
    }

    /** The signed-in user of the webapps (Spring Security), or of the REST API (Camunda's HTTP Basic filter). */
    static EngineCaller current(IdentityService identity) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return new EngineCaller(authentication.getName(), authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
        }
        return EngineInternals.currentUser(identity).map(user -> new EngineCaller(user.id(), user.groups()))
                .orElse(null);
    }

    /** Runs {@code work} as this caller for our services (which read Spring Security's context). */
    void run(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(id, null,
                groups.stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
