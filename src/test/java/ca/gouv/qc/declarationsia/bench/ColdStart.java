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

    private ColdStart() {
    }

    static double seconds() throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("bench-cold-start");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("bench-cold-start", ".log");
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
