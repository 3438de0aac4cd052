package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Lancer un lot de déclarations": one job per batch (multi-instance, in parallel on the job executor), each opening
 * the declarations of its slice of the targets in one transaction. A retried or re-run batch skips what is open.
 */
@Component("launchDeclarationBatch")
class LaunchDeclarationBatchDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final DeclarationLifecycle declarations;
    private final CampaignProperties properties;

    LaunchDeclarationBatchDelegate(JdbcClient jdbc, DeclarationLifecycle declarations, CampaignProperties properties) {
        this.jdbc = jdbc;
        this.declarations = declarations;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = (Integer) execution.getVariable("campaignYear");
        int batch = (Integer) execution.getVariable("loopCounter");
        int size = properties.launchBatchSize();
        List<String> organizations = jdbc.sql("""
                select organization_code from campaign_target where campaign_year = :year
                 order by organization_code offset :offset limit :size
                """).param("year", year).param("offset", batch * size).param("size", size).query(String.class).list();
        organizations.forEach(organization -> declarations.open(year, organization));
    }
}
