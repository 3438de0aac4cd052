package ca.gouv.qc.declarationsia.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Planifier le lancement par lots": how many launch batches the campaign's targets make. Only that number goes
 * into the process; each batch reads its organizations from {@code campaign_target}.
 */
@Component("planLaunchBatches")
class PlanLaunchBatchesDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final CampaignProperties properties;

    PlanLaunchBatchesDelegate(JdbcClient jdbc, CampaignProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long targets = jdbc.sql("select count(*) from campaign_target where campaign_year = :year")
                .param("year", execution.getVariable("campaignYear")).query(Long.class).single();
        int size = properties.launchBatchSize();
        execution.setVariable("launchBatchCount", (int) ((targets + size - 1) / size));
    }
}
