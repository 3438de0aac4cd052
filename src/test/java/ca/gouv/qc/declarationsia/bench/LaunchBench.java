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
    /** The naive baseline is stopped there (on 2 cores its 10,000 take about 14 minutes; a slower machine, longer). */
    static final Duration NAIVE_LIMIT = Duration.ofMinutes(15);

    private final TestCampaigns campaigns;
    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcTemplate jdbc;
    private final GreenMail mailCatcher;

    LaunchBench(TestCampaigns campaigns, RuntimeService runtime, ProcessEngineConfigurationImpl engine,
            JdbcTemplate jdbc, GreenMail mailCatcher) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.engine = engine;
        this.jdbc = jdbc;
        this.mailCatcher = mailCatcher;
    }

    static void deployNaiveModel(RepositoryService repository) throws IOException {
        try (InputStream model = Files.newInputStream(Path.of("bench", "naive-campaign.bpmn"))) {
            repository.createDeployment().name("bench-naive-campaign").addInputStream("naive-campaign.bpmn", model).deploy();
        }
    }

    /** Our launch: the coordinator's "launch" on a campaign targeting these organizations. */
    Result ours(int year, List<String> organizations) {
        campaigns.create(year, organizations);
        long start = System.nanoTime();
        campaigns.launch(year);
        Result result = await(year, organizations.size(), start);
        jdbc.update("update campaign set status = 'FERMEE' where year = ?", year);
        return result;
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
            Result result = new Result(seconds, waitFor(() -> pending(year) == 0, start), opened, organizations.size());
            purgeMailCatcher();
            return result;
        } finally {
            tuned.applyTo(engine);
        }
    }

    private Result await(int year, int organizations, long start) {
        double launched = waitFor(() -> invitations(year) >= organizations, start);
        double delivered = waitFor(() -> pending(year) == 0, start);
        purgeMailCatcher();
        return new Result(launched, delivered, organizations, organizations);
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
