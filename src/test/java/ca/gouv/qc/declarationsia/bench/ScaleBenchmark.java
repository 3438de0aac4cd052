package ca.gouv.qc.declarationsia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.publication.Editions;
import ca.gouv.qc.declarationsia.security.RespondentAccounts;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestUsers;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scale benchmark ({@code ./mvnw -B -Pbench test}): the whole application in local mode (embedded PostgreSQL,
 * mail catcher, job executor on, real HTTP), loaded with 10,000 organizations. It prints one table and writes it,
 * with the machine and one {@code name: value} line per figure, under {@code bench/results/}.
 * {@code -Dbench.scale=0.1} runs a tenth of every volume, for a quick look.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "declarations.local.postgres.data-directory=", "declarations.local.postgres.port=0",
        "declarations.local.mail.smtp-port=0", "declarations.local.demo-data=false",
        // no daily follow-up may wake 30,000 processes in the middle of a run
        "declarations.campaign.follow-up-cycle=0 0 9 1 1 ?",
        "logging.level.root=warn", "logging.level.ca.gouv.qc.declarationsia.bench=info"})
@ActiveProfiles("local")
class ScaleBenchmark {

    private static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private static final int ORGANIZATIONS = scaled(10_000);
    private static final int[] LAUNCHES = {scaled(1_000), scaled(5_000), scaled(10_000)};
    private static final int WARM_UP_BURSTS = 1;
    private static final int SUBMITTERS = Math.min(200, ORGANIZATIONS / 4);
    private static final int PORTRAIT_YEAR = 2080;
    private static final int LAST_YEAR = 2081;
    private static final int FIRST_LAUNCH_YEAR = 2082;
    private static final String PASSWORD = "bench-Passw0rd";

    private static final Figures figures = new Figures();
    private static HeapSampler heap;
    private static double coldStartSeconds;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    RuntimeService runtime;
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
    Editions editions;
    @LocalServerPort
    int port;

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
        // first, alone on the machine: a new JVM on a new database
        coldStartSeconds = ColdStart.seconds();
        heap = new HeapSampler();
    }

    @AfterAll
    static void stopSampling() {
        if (heap != null) {
            heap.close();
        }
    }

    @Test
    void scale() throws Exception {
        BenchData data = new BenchData(jdbc);
        data.organizations(ORGANIZATIONS);
        data.acceptedCampaign(PORTRAIT_YEAR, ORGANIZATIONS, 10);
        data.acceptedCampaign(LAST_YEAR, ORGANIZATIONS, 5);
        jdbc.execute("analyze");
        LaunchBench.deployNaiveModel(repository);

        LaunchBench launch = new LaunchBench(campaigns, runtime, engine, jdbc, mailCatcher);
        int dashboardYear = launches(launch);
        launch.awaitQuiet();
        dashboard(dashboardYear);
        submissions(dashboardYear);
        portrait();
        String plans = new QueryPlans(jdbc).explain(dashboardYear, BenchData.code(ORGANIZATIONS / 2),
                jdbc.queryForObject("select max(id) from published_edition where campaign_year = ?", Long.class, PORTRAIT_YEAR));

        figures.add("Démarrage à froid / cold start (new JVM, new database)", "%.1f s".formatted(coldStartSeconds), "≤ 20 s");
        figures.value("cold-start-seconds", round(coldStartSeconds));
        figures.add("Tas max. après GC / peak heap after GC (-Xmx%d MB)".formatted(HeapSampler.maxHeapMb()),
                "%d MB (committed %d MB)".formatted(heap.peakLiveMb(), heap.peakCommittedMb()), "≤ 512 MB");
        figures.value("peak-heap-mb", heap.peakLiveMb());
        figures.value("max-heap-mb", HeapSampler.maxHeapMb());
        figures.value("scale", SCALE);

        String machine = machine();
        String suffix = LocalDate.now() + (SCALE == 1 ? "" : "-scale-" + Figures.format(SCALE));
        Path file = figures.write(Path.of("bench", "results"), "scale-" + suffix + ".txt", machine);
        Files.writeString(Path.of("bench", "results", "query-plans-" + suffix + ".txt"), plans);
        System.out.println("\n" + machine + "\n" + figures.table() + "\nWritten to " + file.toAbsolutePath());
    }

    /** Each size: ours, then the naive baseline on the same organizations. Returns the year of the largest of ours. */
    private int launches(LaunchBench bench) {
        figures.add("Exécuteur de tâches / job executor", JobExecutorSettings.of(engine).describe(), "");
        figures.add("Référence naïve / naive baseline", JobExecutorSettings.CAMUNDA_DEFAULTS.describe(), "");
        int year = FIRST_LAUNCH_YEAR;
        int largest = 0;
        for (int size : LAUNCHES) {
            List<String> organizations = BenchData.codes(size);
            LaunchBench.Result ours = bench.ours(year, organizations);
            largest = year++;
            LaunchBench.Result naive = bench.naive(year++, organizations);
            double ratio = naive.launchSeconds() / ours.launchSeconds();
            String label = String.format(Locale.CANADA_FRENCH, "%,d", size);
            figures.add("Lancement / launch " + label + " organismes", "%.1f s (%d org./s), invitations sent at %.1f s"
                    .formatted(ours.launchSeconds(), Math.round(size / ours.launchSeconds()), ours.deliveredSeconds()),
                    size == LAUNCHES[2] ? "≤ 60 s" : "");
            figures.add("  naïf / naive " + label, naive.complete()
                    ? "%.1f s (%d org./s), invitations sent at %.1f s".formatted(naive.launchSeconds(),
                            Math.round(size / naive.launchSeconds()), naive.deliveredSeconds())
                    : "stopped after %d min with %d open: ≥ %.0f s at that pace (%.1f org./s)".formatted(
                            LaunchBench.NAIVE_LIMIT.toMinutes(), naive.opened(), naive.launchSeconds(),
                            size / naive.launchSeconds()), "");
            figures.add("  ratio naïf / ours " + label, (naive.complete() ? "%.1f×" : "≥ %.1f×").formatted(ratio),
                    size == LAUNCHES[2] ? "≥ 6×" : "");
            figures.value("launch-%d-seconds".formatted(size), round(ours.launchSeconds()));
            figures.value("launch-%d-naive-seconds".formatted(size), round(naive.launchSeconds()));
            figures.value("launch-%d-naive-complete".formatted(size), naive.complete() ? 1 : 0);
            figures.value("launch-%d-ratio-vs-naive".formatted(size), round(ratio));
            if (size == LAUNCHES[2]) {
                figures.value("launch-10000-seconds", round(ours.launchSeconds()));
                figures.value("launch-ratio-vs-naive", round(ratio));
            }
            assertThat(jdbc.queryForObject("select count(*) from declaration where campaign_year = ? and process_instance_id is not null",
                    Integer.class, largest)).as("every organization has its process").isEqualTo(size);
        }
        return largest;
    }

    private void dashboard(int year) {
        jdbc.update("update campaign set status = 'OUVERTE' where year = ?", year);
        // a campaign under way: two thirds submitted (half of those under review), one in 17 extended
        jdbc.update("""
                update declaration set status = case when mod(id, 3) = 0 then 'EN_REVISION' else 'SOUMISE' end,
                       submitted_at = now(), attestation = true
                 where campaign_year = ? and mod(id, 3) <> 1 and organization_code > ?
                """, year, BenchData.code((1 + WARM_UP_BURSTS) * SUBMITTERS));
        jdbc.update("update declaration set extended_due_date = make_date(?, 11, 15) where campaign_year = ? and mod(id, 17) = 0",
                year, year);
        jdbc.execute("analyze");
        String coordinator = TestUsers.coordinator(identity);
        HttpLoad http = new HttpLoad(port);
        int initiatives = jdbc.queryForObject("select count(*) from initiative_snapshot s join declaration d on d.id = s.declaration_id "
                + "where d.campaign_year = ?", Integer.class, year);
        HttpLoad.Latencies page = http.sequential(http.request("/campagnes/" + year, coordinator, TestUsers.PASSWORD).GET().build(), 10, 100);
        HttpLoad.Latencies overdue = http.sequential(http.request("/campagnes/" + year + "?status=BROUILLON&sort=status",
                coordinator, TestUsers.PASSWORD).GET().build(), 5, 50);
        String volume = String.format(Locale.CANADA_FRENCH, "%,d org. / %,d initiatives", ORGANIZATIONS, initiatives);
        figures.add("Tableau de bord / dashboard (" + volume + ")", "p50 %.0f ms, p95 %.0f ms, errors %d".formatted(
                page.percentile(50), page.percentile(95), page.errors()), "p95 ≤ 200 ms");
        figures.add("  filtré et trié / filtered, sorted by status", "p50 %.0f ms, p95 %.0f ms, errors %d".formatted(
                overdue.percentile(50), overdue.percentile(95), overdue.errors()), "");
        figures.value("dashboard-p95-ms", Math.round(page.percentile(95)));
        figures.value("dashboard-filtered-p95-ms", Math.round(overdue.percentile(95)));
    }

    private void submissions(int year) throws InterruptedException {
        List<String> everyone = BenchData.codes((1 + WARM_UP_BURSTS) * SUBMITTERS);
        for (String code : everyone) {
            respondents.synchronize(code, "Organisme public " + code,
                    List.of(new RespondentAccounts.Respondent("Répondant", respondent(code))));
            User user = identity.createUserQuery().userId(respondent(code)).singleResult();
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        HttpLoad http = new HttpLoad(port);
        // Bursts on other organizations first: the JIT compiles the submission path for seconds after its first calls,
        // and a server that has been up a while is what users meet. The first burst is reported as well.
        HttpLoad.Latencies coldSubmit = null;
        for (int burst = 1; burst <= WARM_UP_BURSTS; burst++) {
            List<String> warmUp = everyone.subList(burst * SUBMITTERS, (burst + 1) * SUBMITTERS);
            http.concurrent(warmUp, code -> draft(http, year, code));
            HttpLoad.Latencies latencies = http.concurrent(warmUp, code -> submit(http, year, code));
            coldSubmit = coldSubmit == null ? latencies : coldSubmit;
        }
        List<String> submitters = everyone.subList(0, SUBMITTERS);
        HttpLoad.Latencies drafts = http.concurrent(submitters, code -> draft(http, year, code));
        HttpLoad.Latencies submit = http.concurrent(submitters, code -> submit(http, year, code));
        int submitted = jdbc.queryForObject("select count(*) from declaration where campaign_year = ? and organization_code <= ? "
                + "and status = 'EN_REVISION'", Integer.class, year, BenchData.code(SUBMITTERS));
        figures.add("Brouillons simultanés / concurrent draft saves (%d × 10 initiatives, HTTP)".formatted(SUBMITTERS),
                "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %d".formatted(drafts.percentile(50), drafts.percentile(95),
                        drafts.percentile(99), drafts.errors()), "");
        figures.value("draft-p95-ms", Math.round(drafts.percentile(95)));
        figures.add("Soumissions simultanées / concurrent submissions (%d × 10 initiatives, HTTP)".formatted(SUBMITTERS),
                "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %d, under review %d".formatted(submit.percentile(50),
                        submit.percentile(95), submit.percentile(99), submit.errors(), submitted), "p95 ≤ 500 ms, 0 error");
        figures.add("  premier lot après démarrage / first burst after start (JIT cold, not counted)", "p50 %.0f ms, p95 %.0f ms, errors %d"
                .formatted(coldSubmit.percentile(50), coldSubmit.percentile(95), coldSubmit.errors()), "");
        figures.value("submit-p50-ms", Math.round(submit.percentile(50)));
        figures.value("submit-p95-ms", Math.round(submit.percentile(95)));
        figures.value("submit-p99-ms", Math.round(submit.percentile(99)));
        figures.value("submit-errors", submit.errors());
    }

    private static HttpRequest draft(HttpLoad http, int year, String code) {
        return http.request(url(year, code), respondent(code), PASSWORD).header("Content-Type", "application/json")
                .PUT(HttpLoad.json(Submissions.draft(code, respondent(code)))).build();
    }

    private static HttpRequest submit(HttpLoad http, int year, String code) {
        return http.request(url(year, code) + "/submit", respondent(code), PASSWORD).header("Content-Type", "application/json")
                .POST(HttpLoad.json(Submissions.signature(respondent(code)))).build();
    }

    private static String respondent(String organizationCode) {
        return "ia." + organizationCode.toLowerCase(Locale.ROOT) + "@bench.example.qc.ca";
    }

    private static String url(int year, String organizationCode) {
        return "/api/campaigns/" + year + "/declarations/" + organizationCode;
    }

    private void portrait() {
        long start = System.nanoTime();
        editions.publish(PORTRAIT_YEAR, "coordination", null);
        double seconds = (System.nanoTime() - start) / 1e9;
        int published = jdbc.queryForObject("select count(*) from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ?", Integer.class, PORTRAIT_YEAR);
        figures.add(String.format(Locale.CANADA_FRENCH, "Portrait (%,d initiatives publiées / published: freeze + figures)", published),
                "%.2f s".formatted(seconds), "≤ 2 s");
        figures.value("portrait-100k-seconds", round(seconds));
    }

    private String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> line.replaceAll("\\D", "")).map(kb -> Long.parseLong(kb) / 1024 + " MB").findFirst().orElse("?");
        return String.join("\n",
                "date: " + LocalDate.now(),
                "cpu: %d × %s".formatted(Runtime.getRuntime().availableProcessors(), cpu),
                "memory: " + memory,
                "os: %s %s (%s)".formatted(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")),
                "java: %s %s, %s".formatted(System.getProperty("java.vm.name"), System.getProperty("java.version"),
                        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X"))
                                .collect(Collectors.joining(" "))),
                "database: " + jdbc.queryForObject("select version()", String.class) + " (embedded, fsync off)",
                "volumes: %d organizations, launches of %s".formatted(ORGANIZATIONS,
                        IntStream.of(LAUNCHES).mapToObj(String::valueOf).collect(Collectors.joining(", ")))) + "\n";
    }

    private static int scaled(int volume) {
        return Math.max(10, (int) Math.round(volume * SCALE));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
