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
    /** HotSpot's JIT compiler threads, as Linux names them ("C2 CompilerThre", cut at 15 characters). */
    private static final String COMPILER_THREADS = "^C\\d CompilerThre.*";
    /** G1's and the other collectors' threads: the pauses' work and the concurrent marking and refinement. */
    private static final String COLLECTOR_THREADS = "^(GC Thread#|G1 |GC Conc|VM Periodic).*";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long requestThreadsNanos = threadsNanos("-exec-");
    private final long clientNanos = threadsNanos(CLIENT_THREADS);
    private final long jvmNanos = jvmNanos();
    private final long postgresTicks = postgresTicks();
    private final long collectionMillis = collectionMillis();
    private final long compilerTicks = nativeThreadTicks(COMPILER_THREADS);
    private final long collectorTicks = nativeThreadTicks(COLLECTOR_THREADS);

    /**
     * Milliseconds of CPU per request since the meter started, and the collector's pauses over that time in all. The
     * JIT's compilers and the collector's threads are parts of {@code jvm}, NaN without /proc.
     */
    record PerRequest(double requestThreads, double jvm, double client, double compilers, double collector,
            double postgres, long collectionPauses) {

        /** The JVM's CPU without the benchmark's client: what the application's server itself spent. */
        double server() {
            return jvm - client;
        }

        String describe() {
            return ("request threads %.1f ms, whole JVM %.1f ms (of which the benchmark's HTTP client %.1f ms, the JIT's "
                    + "compilers %s, the collector's threads %s), PostgreSQL %s; collections paused the JVM %d ms over the burst")
                    .formatted(requestThreads, jvm, client, millis(compilers), millis(collector), millis(postgres),
                            collectionPauses);
        }

        private static String millis(double value) {
            return Double.isNaN(value) ? "not measured (no /proc)" : "%.1f ms".formatted(value);
        }
    }

    PerRequest perRequest(int requests) {
        long postgres = postgresTicks();
        return new PerRequest((threadsNanos("-exec-") - requestThreadsNanos) / 1e6 / requests,
                (jvmNanos() - jvmNanos) / 1e6 / requests,
                Math.max(0, threadsNanos(CLIENT_THREADS) - clientNanos) / 1e6 / requests,
                perRequest(compilerTicks, nativeThreadTicks(COMPILER_THREADS), requests),
                perRequest(collectorTicks, nativeThreadTicks(COLLECTOR_THREADS), requests),
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

    private static double perRequest(long before, long after, int requests) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) * MILLIS_PER_TICK / requests;
    }

    /**
     * The CPU of this JVM's threads whose Linux name matches: the JIT's and the collector's are the VM's own, which
     * the ThreadMXBean does not list. A compiler thread that ends meanwhile (HotSpot adds and removes some) takes its
     * time with it, so the figure is a lower bound. -1 without /proc.
     */
    private static long nativeThreadTicks(String namePattern) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(task -> ticks(task, name -> name.matches(namePattern), false)).sum();
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
    }

    /** Every postgres process's CPU, with that of the ones already gone (their parent's cutime), or -1. */
    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(process -> ticks(process, name -> name.startsWith("postgres"), true)).sum();
        } catch (IOException | RuntimeException noProc) {
            return -1;
        }
    }

    /**
     * A process's or thread's user and system CPU from its stat(5), with that of its children gone when asked, if
     * its name is one of those looked for; else 0.
     */
    private static long ticks(Path process, java.util.function.Predicate<String> named, boolean withChildren) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            if (!named.test(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                return 0;
            }
            // after the name: state is field 3 of stat(5), so utime (14) to cstime (17) are 11 to 14 here
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
