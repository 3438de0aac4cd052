package ca.gouv.qc.declarationsia.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Local mode's PostgreSQL started as soon as the settings are known, on a thread of its own, while Spring builds the
 * context: initdb and the server's start (more than a second, mostly another process's work) overlap the context's
 * own start instead of following it. {@link EmbeddedPostgresConfiguration} takes the server started here, or starts
 * one itself when nothing was started (a context built without {@code SpringApplication}, as some tests do).
 * Registered in {@code META-INF/spring.factories}: it must run before any bean exists.
 */
public class EarlyEmbeddedPostgres implements GenericApplicationListener {

    private static final AtomicReference<CompletableFuture<EmbeddedPostgres>> starting = new AtomicReference<>();

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationStartedEvent.class.isAssignableFrom(type)
                || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && isLocalModeDatabase(prepared.getEnvironment())) {
            LocalModeProperties properties = Binder.get(prepared.getEnvironment())
                    .bindOrCreate("declarations.local", LocalModeProperties.class);
            CompletableFuture<EmbeddedPostgres> previous = starting.getAndSet(CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedPostgresConfiguration.start(properties);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, runnable -> new Thread(runnable, "embedded-postgres-start").start()));
            closeQuietly(previous);
        } else if (event instanceof ApplicationStartedEvent || event instanceof ApplicationFailedEvent) {
            // started or failed without taking it (the datasource given later, the context broken): stop the
            // server rather than leave its process behind
            closeQuietly(starting.getAndSet(null));
        }
    }

    /** The same condition as {@link EmbeddedPostgresConfiguration}'s: profile local and no datasource URL. */
    private static boolean isLocalModeDatabase(ConfigurableEnvironment environment) {
        return environment.acceptsProfiles(Profiles.of("local"))
                && environment.getProperty("spring.datasource.url", "").isEmpty();
    }

    /** The server started for this context, if one was (waiting for it to be up), else {@code null}. */
    static EmbeddedPostgres take() throws IOException {
        CompletableFuture<EmbeddedPostgres> future = starting.getAndSet(null);
        if (future == null) {
            return null;
        }
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static void closeQuietly(CompletableFuture<EmbeddedPostgres> future) {
        if (future != null) {
            future.thenAccept(postgres -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // a server we were about to throw away
                }
            });
        }
    }
}
