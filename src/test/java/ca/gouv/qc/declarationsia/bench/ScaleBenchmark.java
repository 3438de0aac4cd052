package ca.gouv.qc.declarationsia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.bench.Figures.Column;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.publication.PublicationApprovals;
import ca.gouv.qc.declarationsia.security.RespondentAccounts;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestUsers;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scale benchmark ({@code ./mvnw -B -Pbench test}): the whole application in local mode (embedded PostgreSQL,
 * mail catcher, job executor on, real HTTP), loaded with 10,000 organizations, run twice in the same JVM: on the
 * embedded PostgreSQL as tests use it ({@code fsync} and {@code synchronous_commit} off), then on one started with
 * both on, as production runs. It prints one table with both columns and writes it, with the machine, one
 * {@code name: value} line per figure and where the time goes, under {@code bench/results/}.
 * {@code -Dbench.scale=0.1} runs a tenth of every volume; other knobs are the system properties read below.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ScaleBenchmark {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int ORGANIZATIONS = scaled(10_000);
    private static final int[] LAUNCHES = {scaled(1_000), scaled(5_000), scaled(10_000)};
    /** The naive baseline's sizes per column: its 10,000 take about 15 minutes, so they run once, on embedded. */
    private static final Map<Column, int[]> NAIVE = new EnumMap<>(Map.of(
            Column.EMBEDDED, sizes("bench.naive", LAUNCHES),
            Column.DURABLE, sizes("bench.naive.durable", new int[] {LAUNCHES[0]})));
    private static final List<Column> COLUMNS = Arrays.stream(System.getProperty("bench.columns", "embedded,durable")
            .split(",")).map(name -> Column.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList();
    /**
     * Bursts and page loads before those measured: the JIT compiles the paths for a few hundred calls (its compiler
     * threads then take a core of the two), and a server that has been up a while is what users meet on deadline day.
     */
    private static final int WARM_UP_BURSTS = Integer.getInteger("bench.warm-up-bursts", 3);
    /**
     * Before those bursts, this many rounds of a burst of draft saves and one of reads on the same bodies: the JIT's
     * second compiler takes a method after thousands of calls, not hundreds, and until then compiles during the
     * bursts and runs them in slower code (a server up for days has long finished).
     */
    private static final int JIT_WARM_UP_ROUNDS = Integer.getInteger("bench.jit-warm-up-rounds", 20);
    private static final int WARM_UP_CALLS = 20;
    /**
     * The open loop's rates (submissions a second): 50 and 100 for {@code bench.open.seconds} (20) each, the others
     * for half as long, stopped at the first whose p95 passes 500 ms; all on the plain loop's campaign of 10,000
     * (9,000 submissions in all, on the 9,198 bodies the bursts did not touch).
     */
    private static final int[] OPEN_RATES = Arrays.stream(System.getProperty("bench.open.rates", "50,100,150,200,250")
            .split(",")).mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
    private static final double OPEN_SECONDS = Double.parseDouble(System.getProperty("bench.open.seconds",
            String.valueOf(Math.max(2, 20 * SCALE))));
    private static final int MEASURED_CALLS = 40;
    private static final int SUBMITTERS = Integer.getInteger("bench.submitters", Math.min(200, ORGANIZATIONS / 4));
    private static final int LARGE_BODIES = 2;
    private static final int LARGE_INITIATIVES = 200;
    private static final int PORTRAIT_YEAR = 2080;
    private static final int LAST_YEAR = 2081;
    private static final int FIRST_LAUNCH_YEAR = 2082;
    private static final String PASSWORD = "bench-Passw0rd";

    private static final Figures figures = new Figures();
    private static final Map<Column, String> databases = new EnumMap<>(Column.class);
    private static final List<String> started = new ArrayList<>();
    private static HeapSampler heap;
    private static ColdStart.Starts coldStart;
    private static String loadAtStart;
    /** The run's date is the day it started (a run across midnight keeps one name). */
    private static final LocalDate STARTED = LocalDate.now();

    /** The baseline's only addition: the draft row its called processes expect, as our launch writes it. */
    @TestConfiguration
    static class NaiveBaseline {

        @Bean
        ExecutionListener naiveDraft(DeclarationLifecycle opening) {
            return execution -> opening.createDraft((Integer) execution.getVariable("campaignYear"),
                    (String) execution.getVariable("organizationCode"));
        }
    }

    @BeforeAll
    static void startCold() throws Exception {
        loadAtStart = load();
        // first, alone on the machine: a new JVM on a new database
        coldStart = Boolean.parseBoolean(System.getProperty("bench.cold-start", "true")) ? ColdStart.measure()
                : ColdStart.Starts.notMeasured();
        heap = new HeapSampler();
    }

    @AfterAll
    static void writeResults() throws IOException {
        ClockUtil.reset();
        if (heap != null) {
            heap.close();
        }
        ColdStart.Result archived = coldStart.withArchive();
        ColdStart.Result plain = coldStart.withoutArchive();
        figures.add("Démarrage à froid / cold start (new JVM, new database), as the image starts (its class archive)",
                Column.EMBEDDED, "%.1f s".formatted(archived.seconds()), "≤ 15 s");
        figures.add("  où il passe / where it goes (from the application's log)", Column.EMBEDDED, archived.describe(), "");
        figures.add("  sans archive de classes / without the class archive (./mvnw spring-boot:run)", Column.EMBEDDED,
                "%.1f s".formatted(plain.seconds()), "");
        figures.add("  où il passe / where it goes", Column.EMBEDDED, plain.describe(), "");
        figures.add("  entraînement de l'archive / the archive's training run (at image build, not at start)",
                Column.EMBEDDED, "%.1f s".formatted(coldStart.trainingSeconds()), "");
        figures.value("cold-start-seconds", Column.EMBEDDED, round(archived.seconds()));
        archived.phases().forEach(phase -> figures.value("cold-start-" + phase.key() + "-seconds", Column.EMBEDDED,
                round(phase.seconds())));
        figures.value("cold-start-without-class-archive-seconds", Column.EMBEDDED, round(plain.seconds()));
        plain.phases().forEach(phase -> figures.value("cold-start-without-class-archive-" + phase.key() + "-seconds",
                Column.EMBEDDED, round(phase.seconds())));
        figures.value("cold-start-class-archive-training-seconds", Column.EMBEDDED, round(coldStart.trainingSeconds()));
        figures.add("Tas max. après GC / peak heap after GC, whole run (-Xmx%d MB)".formatted(HeapSampler.maxHeapMb()),
                Column.EMBEDDED, "%d MB (committed %d MB)".formatted(heap.peakLiveMb(), heap.peakCommittedMb()), "≤ 512 MB");
        figures.value("peak-heap-mb", Column.EMBEDDED, heap.peakLiveMb());
        figures.value("max-heap-mb", Column.EMBEDDED, HeapSampler.maxHeapMb());
        figures.value("scale", Column.EMBEDDED, SCALE);
        figures.note("Both columns ran in this one JVM, one after the other, each on its own embedded PostgreSQL 17 started "
                + "for it (data under the system's temporary directory, same disk as target/): embedded with fsync and "
                + "synchronous_commit off (as tests run), durable with both on (as production runs).");
        figures.note("The naive fan-out runs at %s bodies in the embedded column and %s in the durable one: its 10,000 "
                .formatted(join(NAIVE.get(Column.EMBEDDED)), join(NAIVE.get(Column.DURABLE)))
                + "alone take 12 to 15 minutes, so they run once (a run stopped at %d minutes is extrapolated at its pace, "
                .formatted(LaunchBench.NAIVE_LIMIT.toMinutes()) + "a lower bound). The plain loop runs at every size in both.");
        figures.note("Invitations: at the largest launch, the time until every one left over SMTP is measured; after the "
                + "other launches and the baselines they are marked sent instead (not measured, not left to weigh on the next figure).");
        figures.note("Every step is timed by the benchmark (StepTiming: a proxy on our services, the engine's services, "
                + "each SQL statement and commit, about a microsecond each) in every figure; 'Where the time goes' lists them.");
        figures.note(("Warm-up, in each column: %d rounds of a burst of draft saves and a burst of reads on 200 other bodies, "
                + "then %d bursts of drafts then submissions on other bodies before the measured ones (the first draft burst "
                + "and the first submission burst are reported, 'JIT cold'), %d unmeasured calls before each page and save "
                + "figure. The JIT's second compiler takes a method after thousands of calls: with fewer rounds it still "
                + "compiles during the measured bursts ('the JIT's compilers' in the CPU lines), and a server up for days, "
                + "the one users meet on deadline day, has long finished.").formatted(JIT_WARM_UP_ROUNDS, WARM_UP_BURSTS,
                        WARM_UP_CALLS));
        figures.note("Bursts: one thread sends the 200 requests at the same instant without waiting for their answers, and "
                + "each is timed from that instant, so its wait in the server's queue counts. Runs before this one timed each "
                + "request from its own client thread's start (200 threads on 2 cores), which left out the time a thread "
                + "waited for a core before sending. 'CPU per save' is what one request cost, whatever the machine's noise.");
        figures.note("The engine's clock runs from 2100-10-01 (ClockUtil offset) so that the bench campaigns (2080 onwards) "
                + "open at launch; the daily follow-up is set to January 1st, so no reminder fires during the run.");
        String machine = machine();
        String suffix = STARTED + (SCALE == 1 ? "" : "-scale-" + Figures.format(SCALE));
        Path file = figures.write(Path.of("bench", "results"), "scale-" + suffix + ".txt", machine);
        System.out.println("\n" + figures.text(machine) + "\nWritten to " + file.toAbsolutePath());
    }

    static boolean embedded() {
        return COLUMNS.contains(Column.EMBEDDED);
    }

    static boolean durable() {
        return COLUMNS.contains(Column.DURABLE);
    }

    @Nested
    @Order(1)
    @EnabledIf("ca.gouv.qc.declarationsia.bench.ScaleBenchmark#embedded")
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "declarations.local.postgres.data-directory=", "declarations.local.postgres.port=0",
            "declarations.local.postgres.durable=false",
            "declarations.local.mail.smtp-port=0", "declarations.local.demo-data=false",
            // no daily follow-up may wake 30,000 processes in the middle of a run
            "declarations.campaign.follow-up-cycle=0 0 9 1 1 ?",
            "logging.level.root=warn", "logging.level.ca.gouv.qc.declarationsia.bench=info"})
    @ActiveProfiles("local")
    @Import({NaiveBaseline.class, StepTiming.class})
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    class Embedded extends Run {

        Embedded() {
            super(Column.EMBEDDED);
        }
    }

    @Nested
    @Order(2)
    @EnabledIf("ca.gouv.qc.declarationsia.bench.ScaleBenchmark#durable")
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "declarations.local.postgres.data-directory=", "declarations.local.postgres.port=0",
            "declarations.local.postgres.durable=true",
            "declarations.local.mail.smtp-port=0", "declarations.local.demo-data=false",
            "declarations.campaign.follow-up-cycle=0 0 9 1 1 ?",
            "logging.level.root=warn", "logging.level.ca.gouv.qc.declarationsia.bench=info"})
    @ActiveProfiles("local")
    @Import({NaiveBaseline.class, StepTiming.class})
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    class Durable extends Run {

        Durable() {
            super(Column.DURABLE);
        }
    }

    /** One column: every figure on one database. */
    abstract static class Run {

        private final Column column;

        @Autowired
        JdbcTemplate jdbc;
        @Autowired
        TestCampaigns campaigns;
        @Autowired
        RuntimeService runtime;
        @Autowired
        TaskService tasks;
        @Autowired
        RepositoryService repository;
        @Autowired
        ProcessEngineConfigurationImpl engine;
        @Autowired
        GreenMail mailCatcher;
        @Autowired
        IdentityService identity;
        @Autowired
        RespondentAccounts respondents;
        @Autowired
        PublicationApprovals approvals;
        @Autowired
        DeclarationLifecycle lifecycle;
        @Autowired
        TransactionTemplate transactions;
        @LocalServerPort
        int port;

        Run(Column column) {
            this.column = column;
        }

        @Test
        void scale() throws Exception {
            started.add(column + " at load " + load());
            databases.put(column, jdbc.queryForObject("select version()", String.class) + "; fsync "
                    + jdbc.queryForObject("show fsync", String.class) + ", synchronous_commit "
                    + jdbc.queryForObject("show synchronous_commit", String.class) + ", full_page_writes "
                    + jdbc.queryForObject("show full_page_writes", String.class));
            // the engine's clock runs on from a day after every bench campaign's opening date (its campaigns are
            // years 2080 onwards): a launch opens at once instead of waiting for its opening date
            ClockUtil.offset(Instant.parse("2100-10-01T13:00:00Z").toEpochMilli() - System.currentTimeMillis());
            BenchData data = new BenchData(jdbc);
            data.organizations(ORGANIZATIONS);
            data.acceptedCampaign(PORTRAIT_YEAR, ORGANIZATIONS, 10);
            data.acceptedCampaign(LAST_YEAR, ORGANIZATIONS, 5);
            jdbc.execute("analyze");
            LaunchBench.deployNaiveModel(repository);
            EngineRestBaseline.deploy(repository);

            LaunchBench launch = new LaunchBench(campaigns, runtime, engine, jdbc, mailCatcher, lifecycle, transactions);
            int dashboardYear = launches(launch);
            launch.awaitQuiet();
            dashboard(dashboardYear);
            submissions(dashboardYear);
            floors(dashboardYear);
            // the plain loop's campaign of every body: open drafts with their tasks, untouched since
            openLoop(dashboardYear + 1, dashboardYear);
            largeDeclarations(dashboardYear);
            launch.awaitQuiet();
            publication();
            if (column == Column.EMBEDDED) {
                String plans = new QueryPlans(jdbc).explain(dashboardYear, BenchData.code(ORGANIZATIONS / 2),
                        jdbc.queryForObject("select max(id) from published_edition where campaign_year = ?", Long.class,
                                PORTRAIT_YEAR));
                Files.writeString(Path.of("bench", "results", "query-plans-" + STARTED
                        + (SCALE == 1 ? "" : "-scale-" + Figures.format(SCALE)) + ".txt"), plans);
            }
        }

        /** Each size: ours, the plain loop, then (at the sizes asked) the naive fan-out. Returns ours' largest year. */
        private int launches(LaunchBench bench) {
            figures.add("Exécuteur de tâches / job executor", column, JobExecutorSettings.of(engine).describe(), "");
            figures.add("Référence naïve / naive baseline", column, JobExecutorSettings.CAMUNDA_DEFAULTS.describe(), "");
            int year = FIRST_LAUNCH_YEAR;
            int largest = 0;
            int largestSize = LAUNCHES[LAUNCHES.length - 1];
            for (int size : LAUNCHES) {
                List<String> organizations = BenchData.codes(size);
                String label = String.format(Locale.CANADA_FRENCH, "%,d", size);
                boolean last = size == largestSize;
                StepTimes.reset();
                LaunchBench.Result ours = bench.ours(year, organizations, last, () -> {
                    if (last) {
                        figures.section(StepTimes.describe("Launch of %s bodies, ours (%s): every step on the job threads"
                                .formatted(label, column.name().toLowerCase(Locale.ROOT)), 30, size, "body"));
                    }
                });
                largest = year++;
                assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ? "
                        + "and process_instance_id is not null", Integer.class, largest))
                        .as("every organization has its process").isEqualTo(size);
                LaunchBench.Result sequential = bench.sequential(year++, organizations);
                figures.add("Lancement / launch " + label + " organismes (ours: batches of 100 in parallel jobs)", column,
                        "%.1f s (%d org./s)".formatted(ours.launchSeconds(), Math.round(size / ours.launchSeconds()))
                                + (last ? ", invitations sent at %.1f s".formatted(ours.deliveredSeconds()) : ""),
                        last ? "≤ 10 s (issue 15), ≤ 60 s (before)" : "");
                figures.add("  boucle / plain loop " + label + " (startProcessInstanceByKey, commit every 100)", column,
                        "%.1f s (%d org./s)".formatted(sequential.launchSeconds(),
                                Math.round(size / sequential.launchSeconds())), "");
                figures.value("launch-%d-seconds".formatted(size), column, round(ours.launchSeconds()));
                figures.value("launch-%d-sequential-seconds".formatted(size), column, round(sequential.launchSeconds()));
                double sequentialRatio = sequential.launchSeconds() / ours.launchSeconds();
                figures.value("launch-%d-ratio-vs-sequential".formatted(size), column, round(sequentialRatio));
                String ratios = "plain loop ÷ ours %.1f×".formatted(sequentialRatio);
                if (Arrays.stream(NAIVE.get(column)).anyMatch(naiveSize -> naiveSize == size)) {
                    LaunchBench.Result naive = bench.naive(year++, organizations);
                    double ratio = naive.launchSeconds() / ours.launchSeconds();
                    figures.add("  naïf / naive fan-out " + label + " (multi-instance over a collection)", column,
                            naive.complete() ? "%.1f s (%d org./s)".formatted(naive.launchSeconds(),
                                    Math.round(size / naive.launchSeconds()))
                                    : "stopped after %d min with %d open: ≥ %.0f s at that pace (%.1f org./s)".formatted(
                                    LaunchBench.NAIVE_LIMIT.toMinutes(), naive.opened(), naive.launchSeconds(),
                                    size / naive.launchSeconds()), "");
                    figures.value("launch-%d-naive-seconds".formatted(size), column, round(naive.launchSeconds()));
                    figures.value("launch-%d-naive-complete".formatted(size), column, naive.complete() ? 1 : 0);
                    figures.value("launch-%d-ratio-vs-naive".formatted(size), column, round(ratio));
                    ratios = "naive ÷ ours " + (naive.complete() ? "%.1f×" : "≥ %.1f×").formatted(ratio) + ", " + ratios;
                    if (last) {
                        figures.value("launch-ratio-vs-naive", column, round(ratio));
                    }
                } else {
                    figures.add("  naïf / naive fan-out " + label + " (multi-instance over a collection)", column,
                            "not run in this column (see notes)", "");
                }
                figures.add("  ratios " + label, column, ratios, last ? "naive ÷ ours ≥ 6×" : "");
                if (last) {
                    figures.value("launch-10000-seconds", column, round(ours.launchSeconds()));
                    figures.value("launch-10000-sequential-seconds", column, round(sequential.launchSeconds()));
                    figures.value("launch-ratio-vs-sequential", column, round(sequentialRatio));
                }
            }
            return largest;
        }

        private void dashboard(int year) {
            jdbc.update("update campaign set status = 'OUVERTE' where year = ?", year);
            // a campaign under way: two thirds submitted (half of those under review), one in 17 extended; the
            // bodies of the bursts and the large declarations stay drafts
            jdbc.update("""
                    update declaration set status = case when mod(id, 3) = 0 then 'EN_REVISION' else 'SOUMISE' end,
                           submitted_at = now(), attestation = true
                     where campaign_year = ? and mod(id, 3) <> 1 and organization_code > ?
                    """, year, BenchData.code(firstLarge() + LARGE_BODIES));
            jdbc.update("update declaration set extended_due_date = make_date(?, 11, 15) where campaign_year = ? and mod(id, 17) = 0",
                    year, year);
            jdbc.execute("analyze");
            String coordinator = TestUsers.coordinator(identity);
            HttpLoad http = new HttpLoad(port);
            int initiatives = jdbc.queryForObject("select count(*) from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                    + "where d.campaign_year = ?", Integer.class, year);
            StepTimes.reset();
            HttpLoad.Latencies page = http.sequential(http.request("/campagnes/" + year, coordinator, TestUsers.PASSWORD).GET().build(), 10, 100);
            figures.section(StepTimes.describe("The campaign's dashboard of 10,000 bodies, 110 requests one at a time (%s)"
                    .formatted(column.name().toLowerCase(Locale.ROOT)), 20, 110, "request"));
            HttpLoad.Latencies overdue = http.sequential(http.request("/campagnes/" + year + "?status=BROUILLON&sort=status",
                    coordinator, TestUsers.PASSWORD).GET().build(), 5, 50);
            String volume = String.format(Locale.CANADA_FRENCH, "%,d org. / %,d initiatives", ORGANIZATIONS, initiatives);
            figures.add("Tableau de bord / dashboard (" + volume + ")", column, "p50 %.0f ms, p95 %.0f ms, errors %d".formatted(
                    page.percentile(50), page.percentile(95), page.errors()), "p95 ≤ 200 ms");
            figures.add("  filtré et trié / filtered, sorted by status", column, "p50 %.0f ms, p95 %.0f ms, errors %d".formatted(
                    overdue.percentile(50), overdue.percentile(95), overdue.errors()), "");
            figures.value("dashboard-p95-ms", column, Math.round(page.percentile(95)));
            figures.value("dashboard-filtered-p95-ms", column, Math.round(overdue.percentile(95)));
        }

        private void submissions(int year) throws InterruptedException {
            List<String> everyone = BenchData.codes((1 + WARM_UP_BURSTS) * SUBMITTERS);
            everyone.forEach(this::respondent);
            HttpLoad http = new HttpLoad(port);
            // Bursts on other organizations first (see JIT_WARM_UP_ROUNDS): a server that has been up a while is what
            // users meet. The first burst of each kind is reported as well.
            HttpLoad.Latencies coldSubmit = null;
            CpuMeter.PerRequest coldDraftCpu = null;
            List<String> rehearsing = everyone.subList(SUBMITTERS, 2 * SUBMITTERS);
            for (int round = 0; round < JIT_WARM_UP_ROUNDS; round++) {
                List<HttpRequest> saves = rehearsing.stream().map(code -> draft(http, year, code)).toList();
                CpuMeter roundCpu = new CpuMeter();
                http.concurrent(saves, request -> request);
                coldDraftCpu = coldDraftCpu == null ? roundCpu.perRequest(SUBMITTERS) : coldDraftCpu;
                http.concurrent(rehearsing, code -> http.request(url(year, code), respondentOf(code), PASSWORD).GET().build());
            }
            for (int burst = 1; burst <= WARM_UP_BURSTS; burst++) {
                List<String> warmUp = everyone.subList(burst * SUBMITTERS, (burst + 1) * SUBMITTERS);
                CpuMeter warmUpCpu = new CpuMeter();
                http.concurrent(warmUp, code -> draft(http, year, code));
                coldDraftCpu = coldDraftCpu == null ? warmUpCpu.perRequest(SUBMITTERS) : coldDraftCpu;
                HttpLoad.Latencies latencies = http.concurrent(warmUp, code -> submit(http, year, code));
                coldSubmit = coldSubmit == null ? latencies : coldSubmit;
            }
            awaitUnderReview(year, BenchData.code(SUBMITTERS + 1), BenchData.code((1 + WARM_UP_BURSTS) * SUBMITTERS),
                    WARM_UP_BURSTS * SUBMITTERS, System.nanoTime());
            List<String> submitters = everyone.subList(0, SUBMITTERS);
            // built before the meters start: each reads its body's version
            List<HttpRequest> firstSaves = submitters.stream().map(code -> draft(http, year, code)).toList();
            StepTimes.reset();
            CpuMeter draftMeter = new CpuMeter();
            HttpLoad.Latencies drafts = http.concurrent(firstSaves, request -> request);
            CpuMeter.PerRequest draftCpu = draftMeter.perRequest(SUBMITTERS);
            figures.section(StepTimes.describe("%d concurrent draft saves of 10 initiatives over HTTP (%s)".formatted(
                    SUBMITTERS, column.name().toLowerCase(Locale.ROOT)), 25, SUBMITTERS, "save"));
            StepTimes.reset();
            long burst = System.nanoTime();
            CpuMeter submitMeter = new CpuMeter();
            HttpLoad.Latencies submit = http.concurrent(submitters, code -> submit(http, year, code));
            CpuMeter.PerRequest submitCpu = submitMeter.perRequest(SUBMITTERS);
            double reviewSeconds = awaitUnderReview(year, BenchData.code(1), BenchData.code(SUBMITTERS), SUBMITTERS, burst);
            // the task's completion and the job after it are part of what a submission costs (the engine REST
            // API's completion does them in its request): counted until every one is under review
            CpuMeter.PerRequest submitAllCpu = submitMeter.perRequest(SUBMITTERS);
            figures.section(StepTimes.describe(("%d concurrent submissions of 10 initiatives over HTTP (%s): the requests, "
                    + "the hand-off completing their tasks and the jobs putting them under review")
                    .formatted(SUBMITTERS, column.name().toLowerCase(Locale.ROOT)),
                    35, SUBMITTERS, "submission"));
            int underReview = jdbc.queryForObject("select count(*) from declaration where campaign_year = ? "
                    + "and organization_code <= ? and status = 'EN_REVISION'", Integer.class, year, BenchData.code(SUBMITTERS));
            figures.add("Brouillons simultanés / concurrent draft saves (%d × 10 initiatives, HTTP)".formatted(SUBMITTERS), column,
                    "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %d".formatted(drafts.percentile(50), drafts.percentile(95),
                            drafts.percentile(99), drafts.errors()), "p95 ≤ 300 ms");
            figures.add("  CPU par enregistrement / CPU per save (request threads are the server's own work)", column,
                    draftCpu.describe(), "");
            figures.add("  CPU, premier lot / CPU per save, first burst after start (JIT cold)", column, coldDraftCpu.describe(), "");
            figures.value("draft-p95-ms", column, Math.round(drafts.percentile(95)));
            figures.value("draft-cpu-request-threads-ms", column, round(draftCpu.requestThreads()));
            figures.value("draft-cpu-request-threads-cold-ms", column, round(coldDraftCpu.requestThreads()));
            figures.value("draft-cpu-server-jvm-ms", column, round(draftCpu.server()));
            figures.value("draft-cpu-jit-ms", column, round(draftCpu.compilers()));
            figures.add("Soumissions simultanées / concurrent submissions (%d × 10 initiatives, HTTP)".formatted(SUBMITTERS), column,
                    "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %d".formatted(submit.percentile(50),
                            submit.percentile(95), submit.percentile(99), submit.errors()), "p95 ≤ 500 ms, p99 ≤ 800 ms, 0 error");
            figures.add("  CPU par soumission / CPU per submission (the request only; the hand-off and jobs after)", column,
                    submitCpu.describe(), "");
            figures.add("  en révision / under review (all %d, from the burst's start)".formatted(SUBMITTERS), column,
                    "%d under review after %.1f s".formatted(underReview, reviewSeconds), "every one");
            figures.add("  premier lot / first submission burst (its own code cold, not counted)", column,
                    "p50 %.0f ms, p95 %.0f ms, errors %d".formatted(coldSubmit.percentile(50), coldSubmit.percentile(95),
                            coldSubmit.errors()), "");
            figures.value("submit-p50-ms", column, Math.round(submit.percentile(50)));
            figures.value("submit-p95-ms", column, Math.round(submit.percentile(95)));
            figures.value("submit-p99-ms", column, Math.round(submit.percentile(99)));
            figures.value("submit-errors", column, submit.errors());
            figures.value("submit-cpu-request-threads-ms", column, round(submitCpu.requestThreads()));
            figures.value("submit-cpu-server-jvm-ms", column, round(submitCpu.server()));
            figures.value("submit-cpu-jit-ms", column, round(submitCpu.compilers()));
            figures.value("submit-under-review", column, underReview);
            figures.value("submit-under-review-seconds", column, round(reviewSeconds));
            engineRest(rehearsing, draftCpu, submitAllCpu);
        }

        /**
         * The same draft and the same submission as the plain engine REST API would take them (see
         * {@link EngineRestBaseline}): bursts of the same size, after the same kind of warm-up, and their CPU per
         * request (server JVM without the benchmark's client, plus PostgreSQL) beside ours.
         */
        private void engineRest(List<String> bodies, CpuMeter.PerRequest ourDraft, CpuMeter.PerRequest ourSubmission)
                throws InterruptedException {
            HttpLoad http = new HttpLoad(port);
            String coordinator = TestUsers.coordinator(identity);
            List<String> users = bodies.stream().map(ScaleBenchmark::respondentOf).toList();
            Map<String, String> declarations = bodies.stream().collect(Collectors.toMap(ScaleBenchmark::respondentOf,
                    code -> Submissions.draft(code, respondentOf(code), Submissions.firstSave(code, 10), 0)));
            // the same warm-up as ours: rounds of draft saves, then bursts of saves and completions
            List<String> warming = EngineRestBaseline.start(runtime, tasks, users);
            for (int round = 0; round < JIT_WARM_UP_ROUNDS; round++) {
                saveAndComplete(http, warming, users, declarations, coordinator, false);
            }
            for (int burst = 0; burst < WARM_UP_BURSTS; burst++) {
                saveAndComplete(http, burst == 0 ? warming : EngineRestBaseline.start(runtime, tasks, users), users,
                        declarations, coordinator, true);
            }
            List<String> taskIds = EngineRestBaseline.start(runtime, tasks, users);
            List<HttpRequest> saves = IntStream.range(0, users.size()).mapToObj(i -> EngineRestBaseline.save(http,
                    taskIds.get(i), coordinator, TestUsers.PASSWORD, declarations.get(users.get(i)))).toList();
            List<HttpRequest> completions = IntStream.range(0, users.size()).mapToObj(i -> EngineRestBaseline.complete(http,
                    taskIds.get(i), users.get(i), PASSWORD, declarations.get(users.get(i)))).toList();
            CpuMeter saveMeter = new CpuMeter();
            HttpLoad.Latencies saved = http.concurrent(saves, request -> request);
            CpuMeter.PerRequest saveCpu = saveMeter.perRequest(saves.size());
            CpuMeter completeMeter = new CpuMeter();
            HttpLoad.Latencies completed = http.concurrent(completions, request -> request);
            CpuMeter.PerRequest completeCpu = completeMeter.perRequest(completions.size());
            assertThat(saved.errors() + completed.errors()).as("the engine REST API's saves and completions").isZero();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(EngineRestBaseline.PROCESS_KEY).count())
                    .as("every plain process completed").isZero();
            double draftRatio = total(ourDraft) / total(saveCpu);
            double submitRatio = total(ourSubmission) / total(completeCpu);
            figures.add("Référence / engine REST API: %d × PUT task variable (10 initiatives as JSON), at once"
                    .formatted(saves.size()), column, "p95 %.0f ms, errors %d; %s".formatted(saved.percentile(95),
                            saved.errors(), saveCpu.describe()), "");
            figures.add("  CPU brouillon / draft save, ours ÷ engine REST (server JVM + PostgreSQL)", column,
                    "%.1f ms ÷ %.1f ms = %.2f".formatted(total(ourDraft), total(saveCpu), draftRatio), "≤ 1.0");
            figures.add("Référence / engine REST API: %d × POST task complete (10 initiatives as JSON), at once"
                    .formatted(completions.size()), column, "p95 %.0f ms, errors %d; %s".formatted(completed.percentile(95),
                            completed.errors(), completeCpu.describe()), "");
            figures.add("  CPU soumission / submission, ours (with its hand-off and job) ÷ engine REST", column,
                    "%.1f ms ÷ %.1f ms = %.2f".formatted(total(ourSubmission), total(completeCpu), submitRatio), "≤ 1.0");
            figures.value("draft-cpu-postgres-ms", column, round(ourDraft.postgres()));
            figures.value("draft-cpu-engine-rest-server-jvm-ms", column, round(saveCpu.server()));
            figures.value("draft-cpu-engine-rest-postgres-ms", column, round(saveCpu.postgres()));
            figures.value("draft-cpu-ratio-vs-engine-rest", column, round(draftRatio));
            figures.value("submit-cpu-with-handoff-server-jvm-ms", column, round(ourSubmission.server()));
            figures.value("submit-cpu-with-handoff-postgres-ms", column, round(ourSubmission.postgres()));
            figures.value("submit-cpu-engine-rest-server-jvm-ms", column, round(completeCpu.server()));
            figures.value("submit-cpu-engine-rest-postgres-ms", column, round(completeCpu.postgres()));
            figures.value("submit-cpu-ratio-vs-engine-rest", column, round(submitRatio));
        }

        private void saveAndComplete(HttpLoad http, List<String> taskIds, List<String> users, Map<String, String> declarations,
                String coordinator, boolean complete) throws InterruptedException {
            List<Integer> each = IntStream.range(0, users.size()).boxed().toList();
            http.concurrent(each, i -> EngineRestBaseline.save(http, taskIds.get(i), coordinator, TestUsers.PASSWORD,
                    declarations.get(users.get(i))));
            if (complete) {
                http.concurrent(each, i -> EngineRestBaseline.complete(http, taskIds.get(i), users.get(i), PASSWORD,
                        declarations.get(users.get(i))));
            }
        }

        private static double total(CpuMeter.PerRequest cpu) {
            return cpu.server() + (Double.isNaN(cpu.postgres()) ? 0 : cpu.postgres());
        }

        /**
         * A deadline day as an open loop: submissions arrive at a fixed rate whatever the answers (a closed loop
         * would slow its arrivals down with the server), on bodies whose drafts were saved beforehand: 50 a second,
         * then 100, for {@link #OPEN_SECONDS} each; then higher rates for half as long, until the p95 passes 500 ms
         * or the bodies run out. Each step: p50, p95, p99, errors, and the time from its last arrival until every
         * one is under review.
         */
        private void openLoop(int year, int openBefore) throws InterruptedException {
            // one campaign open at a time: the dashboard's waits, and is open again after
            jdbc.update("update campaign set status = 'FERMEE' where year = ?", openBefore);
            jdbc.update("update campaign set status = 'OUVERTE' where year = ?", year);
            try {
                openLoopSteps(year);
            } finally {
                jdbc.update("update campaign set status = 'FERMEE' where year = ?", year);
                jdbc.update("update campaign set status = 'OUVERTE' where year = ?", openBefore);
            }
        }

        private void openLoopSteps(int year) throws InterruptedException {
            HttpLoad http = new HttpLoad(port);
            // bodies untouched in the dashboard's campaign: the carry-over rule asks a submission for every initiative
            // of the body's previous declaration, and the bursts gave those of the first bodies five more
            int next = firstLarge() + LARGE_BODIES;
            int maxRate = 0;
            for (int rate : OPEN_RATES) {
                boolean headline = rate == 50 || rate == 100;
                int count = (int) Math.round(rate * (headline ? OPEN_SECONDS : OPEN_SECONDS / 2));
                if (next - 1 + count > LAUNCHES[LAUNCHES.length - 1]) {
                    figures.note("Open loop: %d/s not tried in the %s column, %d bodies left of the campaign's %d."
                            .formatted(rate, column.name().toLowerCase(Locale.ROOT),
                                    Math.max(0, LAUNCHES[LAUNCHES.length - 1] - next + 1), LAUNCHES[LAUNCHES.length - 1]));
                    break;
                }
                List<String> bodies = IntStream.range(next, next + count).mapToObj(BenchData::code).toList();
                next += count;
                bodies.forEach(this::respondent);
                for (int from = 0; from < bodies.size(); from += SUBMITTERS) {
                    HttpLoad.Latencies saved = http.concurrent(bodies.subList(from, Math.min(bodies.size(), from + SUBMITTERS)),
                            code -> draft(http, year, code));
                    assertThat(saved.errors()).as("the drafts before the open loop").isZero();
                }
                awaitQuietJobs();
                List<HttpRequest> submissions = bodies.stream().map(code -> submit(http, year, code)).toList();
                CpuMeter meter = new CpuMeter();
                HttpLoad.OpenLoop loop = http.open(submissions, rate);
                CpuMeter.PerRequest cpu = meter.perRequest(count);
                double review = awaitUnderReview(year, bodies.get(0), bodies.get(bodies.size() - 1), count, loop.lastDueNanos());
                int underReview = jdbc.queryForObject("select count(*) from declaration where campaign_year = ? and "
                        + "organization_code between ? and ? and status = 'EN_REVISION'", Integer.class, year, bodies.get(0),
                        bodies.get(bodies.size() - 1));
                HttpLoad.Latencies latencies = loop.latencies();
                String key = "submit-open-%dps".formatted(rate);
                figures.add("Soumissions en boucle ouverte / open loop, %d submissions/s for %.0f s (%d)".formatted(rate,
                        count / (double) rate, count), column,
                        ("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %d; %d under review %.1f s after the last; "
                                + "client late by up to %.0f ms; CPU per submission: server JVM %.1f ms, PostgreSQL %s ms")
                                .formatted(latencies.percentile(50), latencies.percentile(95), latencies.percentile(99),
                                        latencies.errors(), underReview, review, loop.lateSendMillis(), cpu.server(),
                                        Figures.format(cpu.postgres())),
                        rate == 50 ? "p95 ≤ 300 ms, 0 error, all under review ≤ 10 s after" : "");
                figures.value(key + "-p50-ms", column, Math.round(latencies.percentile(50)));
                figures.value(key + "-p95-ms", column, Math.round(latencies.percentile(95)));
                figures.value(key + "-p99-ms", column, Math.round(latencies.percentile(99)));
                figures.value(key + "-errors", column, latencies.errors());
                figures.value(key + "-under-review", column, underReview);
                figures.value(key + "-under-review-seconds", column, round(review));
                boolean holds = latencies.errors() == 0 && underReview == count && latencies.percentile(95) <= 500;
                if (holds) {
                    maxRate = Math.max(maxRate, rate);
                } else if (!headline) {
                    break;
                }
            }
            figures.add("  débit max. / highest rate tried with p95 ≤ 500 ms and no error (rates %s)".formatted(
                    IntStream.of(OPEN_RATES).mapToObj(String::valueOf).collect(Collectors.joining(", "))), column,
                    maxRate + " submissions/s", "");
            figures.value("submit-open-max-rate-p95-500", column, maxRate);
        }

        /** No job due: the hand-off's and the reviews' work of the previous step does not weigh on the next. */
        private void awaitQuietJobs() {
            long giveUp = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < giveUp && jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 "
                    + "and suspension_state_ = 1 and (duedate_ is null or duedate_ <= now())", Integer.class) > 0) {
                sleep(50);
            }
        }

        /**
         * What any request costs this server, whatever it does: the burst of 200 on the cheapest answer it gives (the
         * liveness probe: HTTP, the security filters, no sign-in, no database) and on a respondent's read of their own
         * declaration (a sign-in by password, one read, its JSON). A save or a submission costs these plus its own
         * work, and with both cores busy a burst lasts at least its requests' CPU divided by the cores.
         */
        private void floors(int year) throws InterruptedException {
            List<String> submitters = BenchData.codes(SUBMITTERS);
            HttpLoad http = new HttpLoad(port);
            floor("Plancher / floor: the liveness probe (no sign-in, no database)", "floor-liveness", http, submitters,
                    code -> http.anonymous("/actuator/health/liveness").GET().build());
            floor("Plancher / floor: a respondent reads their declaration (sign-in, one read, JSON)", "floor-read", http,
                    submitters, code -> http.request(url(year, code), respondentOf(code), PASSWORD).GET().build());
        }

        private void floor(String label, String key, HttpLoad http, List<String> users,
                java.util.function.Function<String, HttpRequest> request) throws InterruptedException {
            for (int warmUp = 0; warmUp < WARM_UP_BURSTS; warmUp++) {
                http.concurrent(users, request);
            }
            CpuMeter meter = new CpuMeter();
            HttpLoad.Latencies latencies = http.concurrent(users, request);
            CpuMeter.PerRequest cpu = meter.perRequest(users.size());
            figures.add("%s, %d at once".formatted(label, users.size()), column, "p95 %.0f ms, errors %d; %s".formatted(
                    latencies.percentile(95), latencies.errors(), cpu.describe()), "");
            figures.value(key + "-p95-ms", column, Math.round(latencies.percentile(95)));
            figures.value(key + "-cpu-server-jvm-ms", column, round(cpu.server()));
            figures.value(key + "-cpu-postgres-ms", column, round(cpu.postgres()));
        }

        /** Seconds from start until these bodies' declarations are all under review (their hand-off, then their job). */
        private double awaitUnderReview(int year, String from, String to, int count, long start) {
            long giveUp = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < giveUp && jdbc.queryForObject("select count(*) from declaration where campaign_year = ? "
                    + "and organization_code between ? and ? and status = 'EN_REVISION'", Integer.class, year, from, to) < count) {
                sleep(20);
            }
            return (System.nanoTime() - start) / 1e9;
        }

        /**
         * A body with 200 initiatives: its declaration page and the page's save as its respondent, the same save
         * through the API, and, once submitted and under review, the reviewer's page, each one request at a time.
         */
        private void largeDeclarations(int year) {
            String editing = BenchData.code(firstLarge());
            String reviewed = BenchData.code(firstLarge() + 1);
            HttpLoad http = new HttpLoad(port);
            for (String code : List.of(editing, reviewed)) {
                respondent(code);
                HttpLoad.Latencies first = http.sequential(http.request(url(year, code), respondent(code), PASSWORD)
                        .header("Content-Type", "application/json")
                        .PUT(HttpLoad.json(Submissions.draft(code, respondent(code),
                                Submissions.firstSave(code, LARGE_INITIATIVES), 0))).build(), 0, 1);
                assertThat(first.errors()).as("the first save of 200 initiatives").isZero();
            }
            String page = "/mes-declarations/" + year + "/" + editing;
            HttpLoad.Latencies show = http.sequential(http.request(page, respondent(editing), PASSWORD).GET().build(),
                    WARM_UP_CALLS, MEASURED_CALLS);
            int versionBeforePage = version(year, editing);
            HttpLoad.Session browser = http.session(page, respondent(editing), PASSWORD);
            HttpLoad.Latencies pageSave = http.sequentialEach(WARM_UP_CALLS, MEASURED_CALLS,
                    () -> http.request(page, respondent(editing), PASSWORD)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", browser.cookie())
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrf() + "&" + Submissions.pageForm(editing,
                            respondent(editing), ids(year, editing), version(year, editing)))).build());
            int versionAfterPage = version(year, editing);
            assertThat(versionAfterPage - versionBeforePage).as("every save from the page stored")
                    .isEqualTo(WARM_UP_CALLS + MEASURED_CALLS);
            HttpLoad.Latencies apiSave = http.sequentialEach(WARM_UP_CALLS, MEASURED_CALLS,
                    () -> http.request(url(year, editing), respondent(editing), PASSWORD)
                    .header("Content-Type", "application/json")
                    .PUT(HttpLoad.json(Submissions.draft(editing, respondent(editing), ids(year, editing),
                            version(year, editing)))).build());
            assertThat(version(year, editing) - versionAfterPage).as("every save through the API stored")
                    .isEqualTo(WARM_UP_CALLS + MEASURED_CALLS);
            assertThat(ids(year, editing)).as("200 initiatives, none lost").hasSize(LARGE_INITIATIVES).doesNotContainNull();
            HttpLoad.Latencies submitted = http.sequential(submit(http, year, reviewed), 0, 1);
            assertThat(submitted.errors()).as("the submission of 200 initiatives").isZero();
            awaitUnderReview(year, reviewed, reviewed, 1, System.nanoTime());
            String reviewer = reviewer();
            HttpLoad.Latencies review = http.sequential(http.request("/revision/" + year + "/" + reviewed, reviewer,
                    TestUsers.PASSWORD).GET().build(), WARM_UP_CALLS, MEASURED_CALLS);
            String label = "%d initiatives".formatted(LARGE_INITIATIVES);
            figures.add("Page de déclaration / declaration page, " + label + " (GET, HTML)", column, latencies(show), "p95 ≤ 300 ms");
            figures.add("  enregistrer depuis la page / save from the page, " + label + " (form POST)", column,
                    latencies(pageSave), "p95 ≤ 300 ms");
            figures.add("  enregistrer par l’API / save through the API, " + label + " (PUT JSON)", column,
                    latencies(apiSave), "");
            figures.add("Page de révision / review page, " + label + " (GET, HTML)", column, latencies(review), "p95 ≤ 300 ms");
            figures.value("large-page-p95-ms", column, Math.round(show.percentile(95)));
            figures.value("large-save-p95-ms", column, Math.round(pageSave.percentile(95)));
            figures.value("large-api-save-p95-ms", column, Math.round(apiSave.percentile(95)));
            figures.value("large-review-p95-ms", column, Math.round(review.percentile(95)));
        }

        private static String latencies(HttpLoad.Latencies latencies) {
            return "p50 %.0f ms, p95 %.0f ms, errors %d".formatted(latencies.percentile(50), latencies.percentile(95),
                    latencies.errors());
        }

        private List<String> ids(int year, String code) {
            return jdbc.queryForList("select s.initiative_id from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                    + "where d.campaign_year = ? and d.organization_code = ? order by s.position", String.class, year, code);
        }

        private int version(int year, String code) {
            return jdbc.queryForObject("select version from declaration where campaign_year = ? and organization_code = ?",
                    Integer.class, year, code);
        }

        /**
         * Publication as a job, at 100,000 initiatives: from the coordinator's approval (the task completed) until
         * the Portrait answers over HTTP, and the heap over that time.
         */
        private void publication() {
            runtime.createProcessInstanceByKey("annual-campaign").businessKey(String.valueOf(PORTRAIT_YEAR))
                    .setVariable("campaignYear", PORTRAIT_YEAR).startBeforeActivity("UserTask_ApprovePublication").execute();
            HttpLoad http = new HttpLoad(port);
            HttpRequest portrait = http.request("/api/portraits/" + PORTRAIT_YEAR, "anonymous", "-").GET().build();
            HeapSampler window = new HeapSampler();
            StepTimes.reset();
            long start = System.nanoTime();
            SystemAuthentication.runAsSystem(() -> {
                approvals.approve(PORTRAIT_YEAR, true, null);
                return null;
            });
            double approvedMillis = (System.nanoTime() - start) / 1e6;
            while (!http.succeeds(HttpRequest.newBuilder(portrait.uri()).GET().build())) {
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("the Portrait is not visible after 10 minutes");
                }
                sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            window.close();
            figures.section(StepTimes.describe("Publication of 100,000 initiatives as a job, approval to Portrait visible ("
                    + column.name().toLowerCase(Locale.ROOT) + ")", 20));
            int published = jdbc.queryForObject("select count(*) from published_initiative i join published_edition e "
                    + "on e.id = i.edition_id where e.campaign_year = ?", Integer.class, PORTRAIT_YEAR);
            figures.add(String.format(Locale.CANADA_FRENCH, "Publication (%,d initiatives): approval → Portrait visible over HTTP",
                    published), column, "%.2f s (approval answered in %.0f ms); peak heap after GC meanwhile %d MB"
                    .formatted(seconds, approvedMillis, window.peakLiveMb()), "≤ 3 s, ≤ 512 MB");
            figures.value("publication-100k-seconds", column, round(seconds));
            figures.value("publication-100k-heap-mb", column, window.peakLiveMb());
        }

        private String respondent(String code) {
            String user = respondentOf(code);
            if (identity.createUserQuery().userId(user).count() == 0) {
                respondents.synchronize(code, "Organisme public " + code,
                        List.of(new RespondentAccounts.Respondent("Répondant", user)));
                User created = identity.createUserQuery().userId(user).singleResult();
                created.setPassword(PASSWORD);
                identity.saveUser(created);
            }
            return user;
        }

        private String reviewer() {
            String id = "analyste-bench-" + System.nanoTime();
            User user = identity.newUser(id);
            user.setFirstName("Analyste");
            user.setLastName("Banc");
            user.setPassword(TestUsers.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, Roles.REVIEWERS);
            return id;
        }

        /** The body's first save, or the same again on the version it is at (the JIT's warm-up saves it again and again). */
        private HttpRequest draft(HttpLoad http, int year, String code) {
            return http.request(url(year, code), respondentOf(code), PASSWORD).header("Content-Type", "application/json")
                    .PUT(HttpLoad.json(Submissions.draft(code, respondentOf(code), Submissions.firstSave(code, 10),
                            version(year, code)))).build();
        }

        private static HttpRequest submit(HttpLoad http, int year, String code) {
            return http.request(url(year, code) + "/submit", respondentOf(code), PASSWORD).header("Content-Type", "application/json")
                    .POST(HttpLoad.json(Submissions.signature(respondentOf(code)))).build();
        }
    }

    /** The first of the bodies given 200 initiatives: after those of the bursts. */
    private static int firstLarge() {
        return (1 + WARM_UP_BURSTS) * SUBMITTERS + 1;
    }

    private static String respondentOf(String organizationCode) {
        return "ia." + organizationCode.toLowerCase(Locale.ROOT) + "@bench.example.qc.ca";
    }

    private static String url(int year, String organizationCode) {
        return "/api/campaigns/" + year + "/declarations/" + organizationCode;
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> line.replaceAll("\\D", "")).map(kb -> Long.parseLong(kb) / 1024 + " MB").findFirst().orElse("?");
        List<String> lines = new ArrayList<>(List.of(
                "date: %s (started), %s (ended)".formatted(STARTED, LocalDate.now()),
                "cpu: %d × %s".formatted(Runtime.getRuntime().availableProcessors(), cpu),
                "memory: " + memory,
                "os: %s %s (%s)".formatted(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")),
                "java: %s %s, %s (collectors: %s)".formatted(System.getProperty("java.vm.name"), System.getProperty("java.version"),
                        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X"))
                                .collect(Collectors.joining(" ")),
                        ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                                .collect(Collectors.joining(", ")))));
        databases.forEach((column, database) -> lines.add("database, %s column: %s (embedded, same host)"
                .formatted(column.name().toLowerCase(Locale.ROOT), database)));
        lines.add("volumes: %d organizations, launches of %s, naive baseline at %s (embedded) and %s (durable), bursts of %d"
                .formatted(ORGANIZATIONS, IntStream.of(LAUNCHES).mapToObj(String::valueOf).collect(Collectors.joining(", ")),
                        join(NAIVE.get(Column.EMBEDDED)), join(NAIVE.get(Column.DURABLE)), SUBMITTERS));
        lines.add("disk: %.1f ms per 8 KB write + fdatasync (average of 100, in target/, the filesystem of the "
                .formatted(fdatasyncMillis()) + "embedded servers' data): what a durable commit waits for at least");
        lines.add("load average (1, 5, 15 min) before the run: " + loadAtStart + "; at the start of each column: "
                + String.join("; ", started));
        lines.add("load average at the end: " + load()
                + " (runnable threads on average, the benchmark's own included: above the cores, some waited for one)");
        return String.join("\n", lines) + "\n";
    }

    private static double fdatasyncMillis() {
        try {
            Path probe = Files.createTempFile(Path.of("target"), "fsync-probe", ".bin");
            try (var channel = java.nio.channels.FileChannel.open(probe, java.nio.file.StandardOpenOption.WRITE)) {
                long start = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    channel.write(java.nio.ByteBuffer.allocate(8192));
                    channel.force(false);
                }
                return (System.nanoTime() - start) / 1e6 / 100;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException unwritable) {
            return Double.NaN;
        }
    }

    private static String join(int[] sizes) {
        return sizes.length == 0 ? "none" : IntStream.of(sizes).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException unreadable) {
            return "?";
        }
    }

    private static int[] sizes(String property, int[] defaults) {
        String value = System.getProperty(property);
        if (value == null) {
            return defaults;
        }
        return value.isBlank() ? new int[0]
                : Arrays.stream(value.split(",")).mapToInt(size -> scaled(Integer.parseInt(size.trim()))).toArray();
    }

    private static int scaled(int volume) {
        return Math.max(10, (int) Math.round(volume * SCALE));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
