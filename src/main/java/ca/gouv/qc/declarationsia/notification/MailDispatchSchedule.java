package ca.gouv.qc.declarationsia.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code declarations.mail.dispatch.interval} on the scheduler's thread, not on the job
 * executor's: a slow or hung SMTP server never holds the threads that launch campaigns and move declarations.
 * Off in tests ({@code declarations.mail.dispatch.enabled: false}), which dispatch by hand on the engine's clock.
 */
@Component
@ConditionalOnProperty(name = "declarations.mail.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class MailDispatchSchedule {

    private final MailDispatcher dispatcher;

    MailDispatchSchedule(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${declarations.mail.dispatch.interval:5s}", initialDelayString = "5s")
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
