package ca.gouv.qc.declarationsia.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fermer la campagne": OUVERTE → FERMEE when the closing date came ({@link CampaignLifecycle#closeOnClosingDate}); a
 * coordinator who closed it earlier closed it already, in the same transaction as the message that led here.
 */
@Component("closeCampaign")
class CloseCampaignDelegate implements JavaDelegate {

    private final CampaignLifecycle lifecycle;

    CloseCampaignDelegate(CampaignLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.closeOnClosingDate((Integer) execution.getVariable("campaignYear"));
    }
}
