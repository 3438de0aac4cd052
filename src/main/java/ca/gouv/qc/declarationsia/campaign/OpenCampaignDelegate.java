package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Ouvrir la campagne": PLANIFIEE → OUVERTE once the opening date has come. A campaign launched on or after its
 * opening date is already open (the launch opened it), so this changes nothing then.
 */
@Component("openCampaign")
class OpenCampaignDelegate implements JavaDelegate {

    private final JdbcClient jdbc;

    OpenCampaignDelegate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        jdbc.sql("""
                update campaign set status = 'OUVERTE', opened_at = :now, version = version + 1
                 where year = :year and status = 'PLANIFIEE'
                """).param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("year", execution.getVariable("campaignYear")).update();
    }
}
