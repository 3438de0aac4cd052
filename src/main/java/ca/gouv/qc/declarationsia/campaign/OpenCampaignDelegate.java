package ca.gouv.qc.declarationsia.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ouvrir la campagne": PLANIFIEE → OUVERTE once the opening date has come ({@link CampaignLifecycle#open}). A campaign
 * launched on or after its opening date is already open (the launch opened it), so this changes nothing then.
 */
@Component("openCampaign")
class OpenCampaignDelegate implements JavaDelegate {

    private final CampaignLifecycle lifecycle;

    OpenCampaignDelegate(CampaignLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.open((Integer) execution.getVariable("campaignYear"));
    }
}
