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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cold start as an operator sees it: a new JVM running the application in local mode on a brand-new database
 * (initdb, Camunda's schema, our migrations, the models deployed, demo data), until the readiness probe says UP.
 */
final class ColdStart {

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

    private ColdStart() {
    }

    static Result measure() throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-cold-start", ".log");
        java.time.Instant launched = java.time.Instant.now();
        double seconds = seconds(log);
        return new Result(seconds, phases(log, launched, seconds));
    }

    static List<Phase> phases(Path log, java.time.Instant launched, double seconds) throws IOException {
        List<Phase> phases = new java.util.ArrayList<>();
        java.time.Instant previous = launched;
        List<String> lines = Files.readAllLines(log);
        for (String[] mark : MARKS) {
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(mark[2]);
            java.util.Optional<java.time.Instant> at = lines.stream().filter(line -> pattern.matcher(line).find())
                    .findFirst().flatMap(ColdStart::timestamp);
            if (at.isPresent()) {
                phases.add(new Phase(mark[0], mark[1], java.time.Duration.between(previous, at.get()).toMillis() / 1e3));
                previous = at.get();
            }
        }
        phases.add(new Phase("runners (demo data, Camunda authorizations) until the readiness probe answers UP", "ready",
                Math.max(0, seconds - java.time.Duration.between(launched, previous).toMillis() / 1e3)));
        return phases;
    }

    /** Spring Boot's default log line starts with its ISO instant. */
    private static java.util.Optional<java.time.Instant> timestamp(String line) {
        try {
            return java.util.Optional.of(java.time.OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant());
        } catch (RuntimeException notATimestamp) {
            return java.util.Optional.empty();
        }
    }

    private static double seconds(Path log) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("bench-cold-start");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process application = new ProcessBuilder(List.of(java, "-Xmx512m", "-Duser.timezone=UTC",
                "-cp", applicationClassPath(), "ca.gouv.qc.declarationsia.DeclarationsIaApplication",
                "--spring.profiles.active=local", "--server.port=" + port,
                "--declarations.local.postgres.data-directory=" + data.resolve("postgres"),
                "--declarations.local.postgres.port=" + freePort(), "--declarations.local.mail.smtp-port=" + freePort()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
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
        } finally {
            application.destroy();
            application.waitFor();
        }
    }

    /** The application's classes and libraries, without the test classes: the product as it ships. */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
