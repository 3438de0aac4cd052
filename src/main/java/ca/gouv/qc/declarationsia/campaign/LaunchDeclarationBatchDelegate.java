package ca.gouv.qc.declarationsia.campaign;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationMails;
import ca.gouv.qc.declarationsia.shared.BatchReads;
import ca.gouv.qc.declarationsia.shared.BatchWrites;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Lancer un lot de déclarations": one job per batch (multi-instance, in parallel on the job executor), each opening
 * the declarations of its slice of the targets in one transaction. A retried or re-run batch skips what is open.
 * What every body's steps read of the campaign, the organizations, their respondents and last year's declarations is
 * read once for the batch ({@link BatchReads}); the invitations and the links from declarations to their processes
 * are written together at its end ({@link BatchWrites}).
 *
 * <p>A batch's job is not exclusive: a node's job threads open several batches at once (each waits for PostgreSQL
 * about half of its time), and the nodes share them. The job that ends each batch's run, counting it on the
 * multi-instance, is exclusive, so that those counts never collide on one node. A node takes up to {@code
 * max-jobs-per-acquisition} batches at once and runs them on its job threads, so they must all end within the job
 * lock time: a node that dies holding them delays them by that lock time. Each batch's duration is logged (debug),
 * and a warning says when batches become too slow for it.
 */
@Component("launchDeclarationBatch")
class LaunchDeclarationBatchDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(LaunchDeclarationBatchDelegate.class);

    private final JdbcClient jdbc;
    private final DeclarationLifecycle declarations;
    private final CampaignCalendar calendar;
    private final DeclarationMails mails;
    private final CampaignProperties properties;
    private final Duration slowBatch;

    LaunchDeclarationBatchDelegate(JdbcClient jdbc, DeclarationLifecycle declarations, CampaignCalendar calendar,
            DeclarationMails mails, CampaignProperties properties,
            @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockTimeMillis,
            @Value("${camunda.bpm.job-execution.max-jobs-per-acquisition:3}") int jobsPerAcquisition,
            @Value("${camunda.bpm.job-execution.max-pool-size:10}") int jobThreads) {
        this.jdbc = jdbc;
        this.declarations = declarations;
        this.calendar = calendar;
        this.mails = mails;
        this.properties = properties;
        // the batches one acquisition takes run side by side on the job threads, in this many rounds
        int rounds = Math.max(1, (jobsPerAcquisition + jobThreads - 1) / Math.max(1, jobThreads));
        this.slowBatch = Duration.ofMillis(lockTimeMillis / rounds);
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
        long start = System.nanoTime();
        // the batch's dates, organizations and respondents read once for all its bodies, not once per body
        // and what they write that nothing reads back (invitations, process links) written together at its end
        BatchReads.run(() -> BatchWrites.run(() -> {
            calendar.prepareDeadlines(year, organizations);
            declarations.prepareOpening(year, organizations);
            mails.prepareBatch(organizations);
            organizations.forEach(organization -> declarations.open(year, organization));
        }));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.debug("Launch {}: batch {} opened {} declarations in {} ms", year, batch, organizations.size(),
                took.toMillis());
        if (took.compareTo(slowBatch) > 0) {
            log.warn("Launch {}: batch {} took {} ms; the batches a node takes at once may outlast their job lock: "
                    + "lower declarations.campaign.launch-batch-size or raise camunda.bpm.job-execution.lock-time-in-millis",
                    year, batch, took.toMillis());
        }
    }
}
