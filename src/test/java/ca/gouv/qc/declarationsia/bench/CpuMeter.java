package ca.gouv.qc.declarationsia.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * CPU spent over a burst, per request: Tomcat's request threads (our code and the frameworks under it), the whole
 * JVM (with the benchmark's HTTP clients, the JIT's compilers and the collector) and the PostgreSQL processes of
 * the host. When both cores are busy, a burst lasts about its requests' CPU divided by the cores, so this figure
 * says what a p95 on a noisy shared machine cannot: what a request costs, and so what a burst needs.
 */
final class CpuMeter {

    /** Linux's clock ticks in /proc, 100 a second on every kernel we run on. */
    private static final double MILLIS_PER_TICK = 10;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long requestThreadsNanos = requestThreadsNanos();
    private final long jvmNanos = jvmNanos();
    private final long postgresTicks = postgresTicks();

    /** Milliseconds of CPU per request since the meter started. */
    record PerRequest(double requestThreads, double jvm, double postgres) {

        String describe() {
            return "request threads %.1f ms, whole JVM %.1f ms, PostgreSQL %s".formatted(requestThreads, jvm,
                    Double.isNaN(postgres) ? "not measured (no /proc)" : "%.1f ms".formatted(postgres));
        }
    }

    PerRequest perRequest(int requests) {
        long postgres = postgresTicks();
        return new PerRequest((requestThreadsNanos() - requestThreadsNanos) / 1e6 / requests,
                (jvmNanos() - jvmNanos) / 1e6 / requests,
                postgres < 0 || postgresTicks < 0 ? Double.NaN : (postgres - postgresTicks) * MILLIS_PER_TICK / requests);
    }

    /** Tomcat's request threads live as long as the server: their CPU time only grows. */
    private long requestThreadsNanos() {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().contains("-exec-"))
                .mapToLong(ThreadInfo::getThreadId).map(threads::getThreadCpuTime).filter(nanos -> nanos > 0).sum();
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
