package ca.gouv.qc.declarationsia.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param launchBatchSize organizations started per launch job: big enough to amortize a transaction, small enough
 *        that a failed batch is cheap to retry and that the batches a node takes at once (8) end well within the job
 *        lock time, which is what a node's death mid-launch costs
 * @param followUpCycle when each open declaration is checked for a reminder, overdue reminder or escalation
 *        (cron, server time zone)
 */
@ConfigurationProperties("declarations.campaign")
public record CampaignProperties(
        @DefaultValue("50") int launchBatchSize,
        @DefaultValue("0 0 9 * * ?") String followUpCycle) {
}
