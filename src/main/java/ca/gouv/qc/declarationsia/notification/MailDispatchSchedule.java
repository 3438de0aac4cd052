package ca.gouv.qc.declarationsia.notification;

import ca.gouv.qc.declarationsia.shared.work.BackgroundWorker;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code declarations.mail.dispatch.interval} on a {@link BackgroundWorker} of its own
 * (thread {@code mail-dispatcher}): not the job executor's, which launches campaigns and moves declarations, nor the
 * submissions' hand-off's. A slow or hung SMTP server holds this thread only.
 * It lets more urgent work finish first ({@link MailDispatchYield}: a launch's batches), which on a small machine
 * would otherwise share the cores with thousands of invitations being sent as they are queued.
 * Off in tests ({@code declarations.mail.dispatch.enabled: false}), which dispatch by hand on the engine's clock.
 */
@Component
@ConditionalOnProperty(name = "declarations.mail.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class MailDispatchSchedule implements SmartLifecycle {

    private static final Duration FIRST_ROUND = Duration.ofSeconds(5);

    private final MailDispatcher dispatcher;
    private final OutboxProperties properties;
    private final List<MailDispatchYield> yields;
    private BackgroundWorker worker;

    MailDispatchSchedule(MailDispatcher dispatcher, OutboxProperties properties, List<MailDispatchYield> yields) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.yields = yields;
    }

    @Override
    public synchronized void start() {
        worker = new BackgroundWorker("mail-dispatcher", this::dispatch, BackgroundWorker.NO_WAIT);
        worker.sweepEvery(FIRST_ROUND, properties.dispatch().interval());
    }

    private void dispatch() {
        dispatcher.dispatchDue(() -> yields.stream().anyMatch(MailDispatchYield::urgentWorkPending));
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.stop();
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }
}
