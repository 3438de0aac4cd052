package ca.gouv.qc.declarationsia.bench;

import ca.gouv.qc.declarationsia.support.TestCampaigns;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;

/**
 * One campaign launch, ours or the naive baseline, timed from the start until every targeted organization has its
 * declaration process and its invitation in the outbox (both written in the same transaction); then the
 * invitations are left to go out before the next run.
 */
final class LaunchBench {

    /**
     * Seconds until every body was open (or, for a baseline stopped at its time limit, the time it would have taken
     * at the pace it had: a lower bound, its pace only falls as the tree of instances grows); opened, of how many.
     */
    record Result(double launchSeconds, double deliveredSeconds, int opened, int organizations) {

        boolean complete() {
            return opened == organizations;
        }
    }

    private static final Duration GIVE_UP = Duration.ofMinutes(20);
    /**
     * The naive baseline is stopped there (on 2 cores its 10,000 took about 15 minutes), its time then extrapolated at
     * the pace it had: a lower bound, its pace only falls as its tree of executions grows. Keeps the run near 35 min.
     */
    static final Duration NAIVE_LIMIT = Duration.ofMinutes(Long.getLong("bench.naive.limit.minutes", 12));

    private final TestCampaigns campaigns;
    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcTemplate jdbc;
    private final GreenMail mailCatcher;
    private final DeclarationLifecycle lifecycle;
    private final TransactionTemplate transactions;

    LaunchBench(TestCampaigns campaigns, RuntimeService runtime, ProcessEngineConfigurationImpl engine,
            JdbcTemplate jdbc, GreenMail mailCatcher, DeclarationLifecycle lifecycle, TransactionTemplate transactions) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.engine = engine;
        this.jdbc = jdbc;
        this.mailCatcher = mailCatcher;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    static void deployNaiveModel(RepositoryService repository) throws IOException {
        try (InputStream model = Files.newInputStream(Path.of("bench", "naive-campaign.bpmn"))) {
            repository.createDeployment().name("bench-naive-campaign").addInputStream("naive-campaign.bpmn", model).deploy();
        }
    }

    /**
     * Our launch: the coordinator's "launch" on a campaign targeting these organizations. Then, if asked, the time
     * until every invitation went out over SMTP; otherwise the invitations are marked sent (not measured, and not
     * left to weigh on the next figure).
     */
    Result ours(int year, List<String> organizations, boolean deliver, Runnable launched) {
        campaigns.create(year, organizations);
        long start = System.nanoTime();
        campaigns.launch(year);
        double seconds = waitFor(() -> invitations(year) >= organizations.size(), start);
        launched.run();
        double delivered = deliver ? waitFor(() -> pending(year) == 0, start) : Double.NaN;
        if (!deliver) {
            markSent(year);
        }
        purgeMailCatcher();
        jdbc.update("update campaign set status = 'FERMEE' where year = ?", year);
        return new Result(seconds, delivered, organizations.size(), organizations.size());
    }

    /**
     * The plain way a Camunda developer would launch: one loop on one thread, each body's draft (with carry-over) and
     * {@code startProcessInstanceByKey}, committed every 100 bodies. Same work per body as ours, no fan-out.
     */
    Result sequential(int year, List<String> organizations) {
        campaigns.create(year, organizations);
        long start = System.nanoTime();
        for (int from = 0; from < organizations.size(); from += 100) {
            List<String> batch = organizations.subList(from, Math.min(organizations.size(), from + 100));
            transactions.executeWithoutResult(status -> batch.forEach(code -> lifecycle.open(year, code)));
        }
        double seconds = waitFor(() -> invitations(year) >= organizations.size(), start);
        markSent(year);
        purgeMailCatcher();
        return new Result(seconds, Double.NaN, organizations.size(), organizations.size());
    }

    /** A baseline's invitations are not what is measured: marked sent, they do not weigh on the next figure. */
    private void markSent(int year) {
        jdbc.update("update mail_outbox set status = 'SENT', sent_at = now() where campaign_year = ? and status = 'PENDING'",
                year);
    }

    /** The same fan-out as one multi-instance call activity over a collection, with Camunda's default job executor. */
    Result naive(int year, List<String> organizations) {
        JobExecutorSettings tuned = JobExecutorSettings.of(engine);
        JobExecutorSettings.CAMUNDA_DEFAULTS.applyTo(engine);
        try {
            campaigns.create(year, organizations);
            long start = System.nanoTime();
            String naive = runtime.startProcessInstanceByKey("naive-campaign", String.valueOf(year),
                    Map.of("campaignYear", year, "organizationCodes", organizations)).getId();
            double seconds = waitFor(() -> invitations(year) >= organizations.size()
                    || System.nanoTime() - start > NAIVE_LIMIT.toNanos(), start);
            int opened = invitations(year);
            if (opened < organizations.size()) {
                // what is left would weigh on the next measures: its jobs stop, the calls already made go on
                runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(naive).suspend();
                seconds = seconds * organizations.size() / Math.max(1, opened);
            }
            markSent(year);
            purgeMailCatcher();
            return new Result(seconds, Double.NaN, opened, organizations.size());
        } finally {
            tuned.applyTo(engine);
        }
    }

    /** Waits until no job is due (the continuations after each sent mail), so that the next figure is alone. */
    void awaitQuiet() {
        waitFor(() -> jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 "
                + "and (duedate_ is null or duedate_ <= now())", Integer.class) == 0, System.nanoTime());
    }

    private int invitations(int year) {
        return count("select count(*) from mail_outbox where campaign_year = ? and kind = 'INVITATION'", year);
    }

    private int pending(int year) {
        return count("select count(*) from mail_outbox where campaign_year = ? and status = 'PENDING'", year);
    }

    /** The catcher keeps every mail in memory: emptied after each run, it does not weigh on the heap figure. */
    private void purgeMailCatcher() {
        try {
            mailCatcher.purgeEmailFromAllMailboxes();
        } catch (FolderException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private double waitFor(java.util.function.BooleanSupplier done, long start) {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - start > GIVE_UP.toNanos()) {
                throw new IllegalStateException("gave up after " + GIVE_UP);
            }
            sleep();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private int count(String sql, int year) {
        return jdbc.queryForObject(sql, Integer.class, year);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
