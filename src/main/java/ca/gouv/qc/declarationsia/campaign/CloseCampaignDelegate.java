package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.shared.QuebecTime;
import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** "Fermer la campagne": OUVERTE → FERMEE, whether the closing date came or a coordinator closed it. */
@Component("closeCampaign")
class CloseCampaignDelegate implements JavaDelegate {

    private final JdbcClient jdbc;

    CloseCampaignDelegate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        jdbc.sql("""
                update campaign set status = 'FERMEE', closed_at = :now, version = version + 1
                 where year = :year and status = 'OUVERTE'
                """).param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("year", execution.getVariable("campaignYear")).update();
    }
}
