package ca.gouv.qc.declarationsia.notification;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s "mail": DOWN while mail cannot be delivered, with the server's last answer and since
 * when. From the dispatcher's last attempts, never by calling the SMTP server (a hung one would hang the health
 * check). Not part of
 * the readiness group: a mail outage must not take a node out of the proxy, the bodies keep working.
 */
@Component("mailHealthIndicator")
class MailHealthIndicator extends AbstractHealthIndicator {

    private final MailDelivery delivery;

    MailHealthIndicator(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MailDelivery.State state = delivery.state();
        if (state.failing()) {
            builder.down().withDetail("lastError", state.lastError()).withDetail("failingSince", state.failingSince());
        } else {
            builder.up();
        }
        builder.withDetail("pending", state.pending());
    }
}
