package ca.gouv.qc.declarationsia.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every "Envoyer …" step: delivers the mail its process queued. Runs as its own job (asyncBefore). */
@Component("deliverMail")
class DeliverMailDelegate implements JavaDelegate {

    private final MailDelivery delivery;

    DeliverMailDelegate(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPending(execution.getProcessBusinessKey());
    }
}
