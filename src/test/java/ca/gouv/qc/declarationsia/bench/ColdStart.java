package ca.gouv.qc.declarationsia.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;

/**
 * Cold start as an operator sees it: a new JVM running the application in local mode on a brand-new database
 * (initdb, Camunda's schema, our migrations, the models deployed, demo data), until the readiness probe says UP.
 * Measured twice: as the container image starts it, with the class archive (CDS) its build makes by a training run
 * (docker/Dockerfile), and without one, as {@code ./mvnw spring-boot:run} starts it.
 */
final class ColdStart {

    /** The two starts, and what the archive's training run took (at build time, not at start). */
    record Starts(Result withArchive, Result withoutArchive, double trainingSeconds) {

        static Starts notMeasured() {
            Result none = new Result(Double.NaN, List.of());
            return new Starts(none, none, Double.NaN);
        }
    }

    /** Seconds until ready, and what they went to (phases read from the application's log). */
    record Result(double seconds, List<Phase> phases) {

        String describe() {
            return phases.stream().map(phase -> "%s %.1f s".formatted(phase.name(), phase.seconds()))
                    .collect(Collectors.joining(", "));
        }
    }

    record Phase(String name, String key, double seconds) {
    }

    /**
     * The phases of a start, each ending at the first log line that matches its pattern (Spring Boot's, Flyway's,
     * Camunda's, Tomcat's own messages); a phase whose line is missing is merged into the next one.
     */
    private static final List<String[]> MARKS = List.of(
            new String[] {"JVM and classpath until Spring starts", "jvm", "Starting DeclarationsIaApplication"},
            new String[] {"Spring context and Tomcat set up", "context", "Root WebApplicationContext: initialization completed"},
            new String[] {"embedded PostgreSQL (initdb, start)", "postgres", "Embedded PostgreSQL .* listening"},
            new String[] {"Flyway migrations", "flyway", "Successfully applied \\d+ migration|Schema .* is up to date"},
            new String[] {"Camunda engine built (its schema created)", "engine", "ENGINE-00001 Process Engine .* created"},
            new String[] {"models deployed, REST API, webapps, security, other beans", "deployment-webapps",
                    "Tomcat started on port"},
            new String[] {"application context refreshed", "started", "Started DeclarationsIaApplication in"});

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private ColdStart() {
    }

    /**
     * Without the archive first, then the image's way: the application's classes as a jar (CDS archives classes from
     * jars only), a training run that stops once the context is refreshed and writes the archive, then the start.
     */
    static Starts measure() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("bench-cold-start");
        Result withoutArchive = start(applicationClassPath(), List.of(), work.resolve("without-archive"));
        String jarred = jarred(applicationClassPath(), work);
        Path archive = work.resolve("application.jsa");
        double training = train(jarred, archive, work.resolve("training"));
        Result withArchive = start(jarred, List.of("-XX:SharedArchiveFile=" + archive), work.resolve("with-archive"));
        // kept when a start fails: the error names the application's log in it
        FileSystemUtils.deleteRecursively(work);
        return new Starts(withArchive, withoutArchive, training);
    }

    private static Result start(String classPath, List<String> jvmOptions, Path directory)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path log = directory.resolve("application.log");
        int port = freePort();
        Instant launched = Instant.now();
        Process application = launch(classPath, jvmOptions, port, directory, log);
        long start = System.nanoTime();
        try {
            double seconds = untilReady(application, port, log, start);
            return new Result(seconds, phases(log, launched, seconds));
        } finally {
            application.destroy();
            application.waitFor();
        }
    }

    /** Spring Framework's training mode: the context refreshes (every bean, the engine, the models) and the JVM exits. */
    private static double train(String classPath, Path archive, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path log = directory.resolve("application.log");
        long start = System.nanoTime();
        Process training = launch(classPath, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
                freePort(), directory, log);
        if (!training.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            training.destroyForcibly();
            throw new IllegalStateException("the class archive's training run did not end in 3 minutes; its log: " + log);
        }
        if (training.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the class archive's training run wrote no archive; its log: " + log);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Process launch(String classPath, List<String> jvmOptions, int port, Path directory, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "ca.gouv.qc.declarationsia.DeclarationsIaApplication",
                "--spring.profiles.active=local", "--server.port=" + port,
                "--declarations.local.postgres.data-directory=" + directory.resolve("postgres"),
                "--declarations.local.postgres.port=" + freePort(), "--declarations.local.mail.smtp-port=" + freePort()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static double untilReady(Process application, int port, Path log, long start)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - start < PATIENCE.toNanos()) {
            if (!application.isAlive()) {
                throw new IllegalStateException("the application did not start; its log: " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready after 3 minutes; its log: " + log);
    }

    static List<Phase> phases(Path log, Instant launched, double seconds) throws IOException {
        List<Phase> phases = new ArrayList<>();
        Instant previous = launched;
        List<String> lines = Files.readAllLines(log);
        for (String[] mark : MARKS) {
            Pattern pattern = Pattern.compile(mark[2]);
            Optional<Instant> at = lines.stream().filter(line -> pattern.matcher(line).find())
                    .findFirst().flatMap(ColdStart::timestamp);
            if (at.isPresent()) {
                phases.add(new Phase(mark[0], mark[1], Duration.between(previous, at.get()).toMillis() / 1e3));
                previous = at.get();
            }
        }
        phases.add(new Phase("runners (demo data, Camunda authorizations) until the readiness probe answers UP", "ready",
                Math.max(0, seconds - Duration.between(launched, previous).toMillis() / 1e3)));
        return phases;
    }

    /** Spring Boot's default log line starts with its ISO instant. */
    private static Optional<Instant> timestamp(String line) {
        try {
            return Optional.of(OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant());
        } catch (RuntimeException notATimestamp) {
            return Optional.empty();
        }
    }

    /** The application's classes and libraries, without the test classes: the product as it ships. */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The same class path with each directory (target/classes) packed as a jar, as the image's application jar is. */
    private static String jarred(String classPath, Path work) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? jar(path, work.resolve("classes-" + entries.size() + ".jar")) : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String jar(Path directory, Path jar) {
        ToolProvider tool = ToolProvider.findFirst("jar")
                .orElseThrow(() -> new IllegalStateException("this JVM has no jar tool: run the benchmark on a JDK"));
        int exit = tool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", directory.toString(), ".");
        if (exit != 0) {
            throw new IllegalStateException("could not pack " + directory + " as a jar (exit " + exit + ")");
        }
        return jar.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
