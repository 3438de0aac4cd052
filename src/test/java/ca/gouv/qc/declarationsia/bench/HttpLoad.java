package ca.gouv.qc.declarationsia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Real HTTP requests against the running application, timed one by one. */
final class HttpLoad {

    /** Latencies in milliseconds of the requests that succeeded, and how many failed. */
    record Latencies(List<Double> millis, int errors) {

        double percentile(double percent) {
            return Figures.percentile(millis, percent);
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpLoad(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    HttpRequest.Builder request(String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return anonymous(path).header("Authorization", "Basic " + credentials);
    }

    /** A request without credentials, as the public and the probes send. */
    HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).header("Accept-Language", "fr");
    }

    static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** The same request again and again, one at a time, after a few unmeasured warm-up calls. */
    Latencies sequential(HttpRequest request, int warmUp, int measured) {
        for (int i = 0; i < warmUp; i++) {
            send(request);
        }
        List<Double> millis = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            if (send(request)) {
                millis.add((System.nanoTime() - start) / 1e6);
            } else {
                errors++;
            }
        }
        return new Latencies(millis, errors);
    }

    /** A new request each time (built before its timing starts), one at a time, after a few unmeasured ones. */
    Latencies sequentialEach(int warmUp, int measured, java.util.function.Supplier<HttpRequest> request) {
        for (int i = 0; i < warmUp; i++) {
            send(request.get());
        }
        List<Double> millis = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < measured; i++) {
            HttpRequest prepared = request.get();
            long start = System.nanoTime();
            if (send(prepared)) {
                millis.add((System.nanoTime() - start) / 1e6);
            } else {
                errors++;
            }
        }
        return new Latencies(millis, errors);
    }

    /** A page's session as a browser holds it: its cookie and the CSRF token its forms carry. */
    record Session(String cookie, String csrf) {
    }

    Session session(String path, String user, String password) {
        try {
            HttpResponse<String> page = http.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
            String cookie = page.headers().allValues("Set-Cookie").stream().map(value -> value.split(";")[0])
                    // Spring Session's cookie (sessions in PostgreSQL), or the container's without it
                    .filter(value -> value.startsWith("SESSION=") || value.startsWith("JSESSIONID=")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no session from " + path + ": " + page.statusCode()));
            java.util.regex.Matcher token = java.util.regex.Pattern
                    .compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"")
                    .matcher(page.body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on " + path);
            }
            return new Session(cookie, token.group(1) != null ? token.group(1) : token.group(2));
        } catch (java.io.IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Whether the request answers 2xx now (quietly: used to wait for something to appear). */
    boolean succeeds(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (Exception failure) {
            return false;
        }
    }

    /**
     * One request per user, all sent at the same instant, and each timed from that instant: a request that waits in
     * the server's queue counts its wait, as the respondent who clicked then sees it. One thread sends them all
     * without waiting (as 200 browsers would), so no client thread waiting for a core delays its own clock.
     */
    <T> Latencies concurrent(List<T> users, Function<T, HttpRequest> request) throws InterruptedException {
        List<HttpRequest> prepared = users.stream().map(request).toList();
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long instant = System.nanoTime();
        CompletableFuture<?>[] answers = prepared.stream().map(each -> http.sendAsync(each, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    double elapsed = (System.nanoTime() - instant) / 1e6;
                    if (failure == null && answered(each, response)) {
                        millis.add(elapsed);
                    } else {
                        if (failure != null) {
                            System.err.printf("%s %s -> %s%n", each.method(), each.uri(), failure);
                        }
                        errors.incrementAndGet();
                    }
                    return null;
                })).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(answers).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("requests still running after 10 minutes", failure);
        }
        return new Latencies(new ArrayList<>(millis), errors.get());
    }

    /** An open loop's answers: latencies from each request's due instant, errors, and when the last was due. */
    record OpenLoop(Latencies latencies, long lastDueNanos, double lateSendMillis) {
    }

    /**
     * An open loop: request i is due at {@code i / perSecond} seconds from the start and sent then, whatever the
     * earlier ones answered (arrivals do not wait for the server, as on a deadline day). Each is timed from its due
     * instant, not from when it left, so a client that fell behind does not hide the server's slowness.
     */
    OpenLoop open(List<HttpRequest> requests, double perSecond) throws InterruptedException {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[requests.size()];
        long start = System.nanoTime();
        long intervalNanos = Math.round(1e9 / perSecond);
        double lateMillis = 0;
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            } else {
                lateMillis = Math.max(lateMillis, -wait / 1e6);
            }
            HttpRequest each = requests.get(i);
            answers[i] = http.sendAsync(each, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                double elapsed = (System.nanoTime() - due) / 1e6;
                if (failure == null && answered(each, response)) {
                    millis.add(elapsed);
                } else {
                    if (failure != null) {
                        System.err.printf("%s %s -> %s%n", each.method(), each.uri(), failure);
                    }
                    errors.incrementAndGet();
                }
                return null;
            });
        }
        long lastDue = start + (requests.size() - 1) * intervalNanos;
        try {
            CompletableFuture.allOf(answers).get(10, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("requests still running after 10 minutes", failure);
        }
        return new OpenLoop(new Latencies(new ArrayList<>(millis), errors.get()), lastDue, lateMillis);
    }

    private boolean send(HttpRequest request) {
        try {
            return answered(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (Exception failure) {
            System.err.printf("%s %s -> %s%n", request.method(), request.uri(), failure);
            return false;
        }
    }

    /** 2xx, or the redirect with which a page's form answers (post, redirect, get); else printed. */
    private static boolean answered(HttpRequest request, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2 && !(response.statusCode() == 302 && request.method().equals("POST")
                && !response.headers().firstValue("Location").orElse("").contains("login"))) {
            System.err.printf("%s %s -> %d %s%n", request.method(), request.uri(), response.statusCode(),
                    response.body().length() > 300 ? response.body().substring(0, 300) : response.body());
            return false;
        }
        return true;
    }
}
