package ca.gouv.qc.declarationsia.publication;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Publier le Portrait": freezes the edition, computes the Portrait, and the campaign is PUBLIEE, in one transaction:
 * the Portrait pages, the register and the open data become public at the same moment. The year's declaration processes
 * still open (never submitted, or never decided) end there too: no daily check runs for a published year, and their
 * history can expire.
 */
@Component("publishEdition")
class PublishEditionDelegate implements JavaDelegate {

    static final String CAMPAIGN_PUBLISHED = "campaign-published";

    private final Editions editions;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;

    PublishEditionDelegate(Editions editions, JdbcClient jdbc, RuntimeService runtime) {
        this.editions = editions;
        this.jdbc = jdbc;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = (Integer) execution.getVariable("campaignYear");
        editions.publish(year, String.valueOf(execution.getVariable("approvedBy")),
                (String) execution.getVariable("approvalNote"));
        jdbc.sql("update campaign set status = 'PUBLIEE', version = version + 1 where year = :year and status = 'FERMEE'")
                .param("year", year).update();
        runtime.createMessageCorrelation(CAMPAIGN_PUBLISHED)
                .processInstanceVariableEquals("campaignYear", year)
                .correlateAll();
    }
}
