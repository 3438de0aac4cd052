package ca.gouv.qc.declarationsia.notification;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code declarations.mail.dispatch.interval} on a thread of its own: not the job
 * executor's, which launches campaigns and moves declarations, nor Spring's one scheduler thread, which the other
 * sweeps (submissions' hand-off, sessions' cleanup) share. A slow or hung SMTP server holds this thread only.
 * Off in tests ({@code declarations.mail.dispatch.enabled: false}), which dispatch by hand on the engine's clock.
 * It lets more urgent work finish first ({@link MailDispatchYield}: a launch's batches), which on a small machine
 * would otherwise share the cores with thousands of invitations being sent as they are queued.
 */
@Component
@ConditionalOnProperty(name = "declarations.mail.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class MailDispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDispatchSchedule.class);

    private final MailDispatcher dispatcher;
    private final OutboxProperties properties;
    private final List<MailDispatchYield> yields;
    private ScheduledExecutorService thread;

    MailDispatchSchedule(MailDispatcher dispatcher, OutboxProperties properties, List<MailDispatchYield> yields) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.yields = yields;
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread dispatching = new Thread(runnable, "mail-dispatcher");
            dispatching.setDaemon(true);
            return dispatching;
        });
        long interval = properties.dispatch().interval().toMillis();
        thread.scheduleWithFixedDelay(this::dispatch, 5_000, interval, TimeUnit.MILLISECONDS);
    }

    private void dispatch() {
        try {
            dispatcher.dispatchDue(() -> yields.stream().anyMatch(MailDispatchYield::urgentWorkPending));
        } catch (RuntimeException failure) {
            // the database, most likely: the next round tries again (an exception here would end the schedule)
            log.warn("Mail dispatch round failed: {}", failure.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            // a round waiting on a hung server is not interrupted by this; it ends with its timeout, on a daemon thread
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
