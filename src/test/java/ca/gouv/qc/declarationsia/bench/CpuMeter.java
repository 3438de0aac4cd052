package ca.gouv.qc.declarationsia.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * CPU spent over a burst, per request: Tomcat's request threads (our code and the frameworks under it), the whole
 * JVM (with the JIT's compilers, the collector and the benchmark's own HTTP client), that client alone (a server in
 * production does not carry it) and the PostgreSQL processes of the host. When both cores are busy, a burst lasts
 * about its requests' CPU divided by the cores, so this figure says what a p95 on a noisy shared machine cannot:
 * what a request costs, and so what a burst needs.
 */
final class CpuMeter {

    /** Linux's clock ticks in /proc, 100 a second on every kernel we run on. */
    private static final double MILLIS_PER_TICK = 10;
    /** The JDK's HttpClient names its selector and worker threads so. */
    private static final String CLIENT_THREADS = "HttpClient-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long requestThreadsNanos = threadsNanos("-exec-");
    private final long clientNanos = threadsNanos(CLIENT_THREADS);
    private final long jvmNanos = jvmNanos();
    private final long postgresTicks = postgresTicks();
    private final long collectionMillis = collectionMillis();

    /** Milliseconds of CPU per request since the meter started, and the collector's pauses over that time in all. */
    record PerRequest(double requestThreads, double jvm, double client, double postgres, long collectionPauses) {

        /** The JVM's CPU without the benchmark's client: what the application's server itself spent. */
        double server() {
            return jvm - client;
        }

        String describe() {
            return ("request threads %.1f ms, whole JVM %.1f ms (of which the benchmark's HTTP client %.1f ms), "
                    + "PostgreSQL %s; collections paused the JVM %d ms over the burst").formatted(requestThreads, jvm, client,
                            Double.isNaN(postgres) ? "not measured (no /proc)" : "%.1f ms".formatted(postgres),
                            collectionPauses);
        }
    }

    PerRequest perRequest(int requests) {
        long postgres = postgresTicks();
        return new PerRequest((threadsNanos("-exec-") - requestThreadsNanos) / 1e6 / requests,
                (jvmNanos() - jvmNanos) / 1e6 / requests,
                Math.max(0, threadsNanos(CLIENT_THREADS) - clientNanos) / 1e6 / requests,
                postgres < 0 || postgresTicks < 0 ? Double.NaN : (postgres - postgresTicks) * MILLIS_PER_TICK / requests,
                collectionMillis() - collectionMillis);
    }

    /**
     * The CPU time of the live threads whose name holds this. Tomcat's request threads live as long as the server;
     * a client worker that ends within a burst takes its time with it, so the client's figure is a lower bound.
     */
    private long threadsNanos(String name) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().contains(name))
                .mapToLong(ThreadInfo::getThreadId).map(threads::getThreadCpuTime).filter(nanos -> nanos > 0).sum();
    }

    /** What the collectors report: their pauses for the stop-the-world ones (Serial, Parallel, G1's young and full). */
    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(millis -> millis > 0).sum();
    }

    private static long jvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Every postgres process's CPU, with that of the ones already gone (their parent's cutime), or -1. */
    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuMeter::ticksIfPostgres).sum();
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
    }

    private static long ticksIfPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            if (!stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith("postgres")) {
                return 0;
            }
            // after the name: state is field 3 of stat(5), so utime (14) to cstime (17) are 11 to 14 here
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
