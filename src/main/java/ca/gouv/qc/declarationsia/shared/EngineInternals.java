package ca.gouv.qc.declarationsia.shared;

import jakarta.servlet.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * The one place that touches the engine's internal classes ({@code org.camunda.bpm.*.impl.*}): they carry no
 * compatibility promise, and a move to another engine version or to Operaton (whose packages are
 * {@code org.operaton.bpm.*}) changes this class, not the capabilities. Everything else keeps to the public API.
 */
public final class EngineInternals {

    private EngineInternals() {
    }

    /** Now by the engine's clock: tests that move the engine's time (timers, due dates) move ours with it. */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The filter of Cockpit, Tasklist and Admin that takes the user signed in before them (Spring Security). */
    public static Filter webappAuthenticationFilter() {
        return new ContainerBasedAuthenticationFilter();
    }

    /** The engine's user of this thread (set by the REST API's HTTP Basic filter), if any. */
    public static Optional<EngineUser> currentUser(IdentityService identity) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            return Optional.empty();
        }
        return Optional.of(new EngineUser(current.getUserId(),
                current.getGroupIds() == null ? Set.of() : Set.copyOf(current.getGroupIds())));
    }

    /** Reads the engine without the thread's user, so without its authorizations; the user is put back after. */
    public static <T> T withoutUser(IdentityService identity, Supplier<T> read) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    /** A user as the engine knows it: its id and its groups. */
    public record EngineUser(String id, Set<String> groups) {
    }

    /** The engine's settings that its configuration file cannot express, applied before it starts. */
    public interface Settings {

        /** Ids of users the identity service accepts (Camunda's default refuses an email address). */
        Settings userIds(String pattern);

        /** Ids of groups the identity service accepts. */
        Settings groupIds(String pattern);

        /** Groups whose members administer the engine and its webapps. */
        Settings adminGroups(List<String> groups);

        /** No delay and no lock-out after failed passwords (the application throttles sign-ins itself). */
        Settings noLoginLockOut();

        /** A repeated identity write, or a membership of no one, refused as such ({@link IdentityRefusal}). */
        Settings refuseRepeatedIdentityWrites();
    }

    /** A Spring bean of this type is an engine plugin: it sets {@link Settings} before the engine starts. */
    public abstract static class EngineSettings extends AbstractProcessEnginePlugin {

        /** Says the settings; called once, before the engine is built. */
        protected abstract void configure(Settings settings);

        @Override
        public final void preInit(ProcessEngineConfigurationImpl configuration) {
            configure(new ConfigurationSettings(configuration));
        }
    }

    private record ConfigurationSettings(ProcessEngineConfigurationImpl configuration) implements Settings {

        @Override
        public Settings userIds(String pattern) {
            configuration.setUserResourceWhitelistPattern(pattern);
            return this;
        }

        @Override
        public Settings groupIds(String pattern) {
            configuration.setGroupResourceWhitelistPattern(pattern);
            return this;
        }

        @Override
        public Settings adminGroups(List<String> groups) {
            configuration.setAdminGroups(new ArrayList<>(groups));
            return this;
        }

        @Override
        public Settings noLoginLockOut() {
            configuration.setLoginDelayMaxTime(0);
            configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
            return this;
        }

        @Override
        public Settings refuseRepeatedIdentityWrites() {
            configuration.setIdentityProviderSessionFactory(
                    new GenericManagerFactory(ConflictRefusingIdentityProvider.class));
            return this;
        }
    }
}
