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
