package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.security.Roles;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users made for one test, for what must not touch the demo users (failed logins delay a user's next login). */
public final class TestUsers {

    public static final String PASSWORD = "test-password";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestUsers() {
    }

    /** Runs work as the demo reviewer, through the same service checks as its pages. */
    public static <T> T asReviewer(java.util.function.Supplier<T> work) {
        org.springframework.security.core.context.SecurityContext previous =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContext context =
                org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated("analyste", null, java.util.List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority(Roles.REVIEWERS))));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    public static String coordinator(IdentityService identity) {
        String id = "coordo-test-" + COUNTER.incrementAndGet() + "-" + System.nanoTime();
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Coordination");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Roles.COORDINATORS);
        return id;
    }
}
