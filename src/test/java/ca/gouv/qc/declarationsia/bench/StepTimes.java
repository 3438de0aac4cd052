package ca.gouv.qc.declarationsia.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where the time of a measured window goes, step by step: each HTTP request, each call of the application's services
 * and delegates and of the engine's services, each SQL statement, each commit and each wait for a pooled connection is
 * a step ({@link StepTiming} opens them). A step's self time is its time minus that of the steps it called, so the
 * self times of a window add up to the time spent in it, counted per thread (200 threads waiting for 2 cores each
 * count their wait: the shares say where, not how long a user waited).
 */
final class StepTimes {

    /** One step's figures in a window. */
    record Step(String name, long calls, double selfMillis, double totalMillis) {
    }

    private static final class Frame {
        final String name;
        final long start = System.nanoTime();
        long children;

        Frame(String name) {
            this.name = name;
        }
    }

    private static final class Sums {
        final LongAdder calls = new LongAdder();
        final LongAdder self = new LongAdder();
        final LongAdder total = new LongAdder();
    }

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+\"?([a-z_][a-z0-9_]*)");
    private static final ThreadLocal<Deque<Frame>> STACK = ThreadLocal.withInitial(ArrayDeque::new);
    private static volatile Map<String, Sums> window = new ConcurrentHashMap<>();

    private StepTimes() {
    }

    /** Starts a new window: what was counted so far is dropped. */
    static void reset() {
        window = new ConcurrentHashMap<>();
    }

    static void enter(String name) {
        STACK.get().push(new Frame(name));
    }

    static void exit() {
        Deque<Frame> stack = STACK.get();
        Frame frame = stack.pop();
        long total = System.nanoTime() - frame.start;
        Frame parent = stack.peek();
        if (parent != null) {
            parent.children += total;
        }
        Sums sums = window.computeIfAbsent(frame.name, name -> new Sums());
        sums.calls.increment();
        sums.total.add(total);
        sums.self.add(total - frame.children);
    }

    static <T> T time(String name, Supplier<T> work) {
        enter(name);
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    /** The steps of the window so far, largest self time first. */
    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        window.forEach((name, sums) -> steps.add(new Step(name, sums.calls.sum(), sums.self.sum() / 1e6,
                sums.total.sum() / 1e6)));
        steps.sort(Comparator.comparingDouble(Step::selfMillis).reversed());
        return steps;
    }

    /** A statement named by its verb and first table, e.g. {@code SQL insert ACT_HI_TASKINST}. */
    static String sqlStep(String sql, boolean batch) {
        String text = sql == null ? "?" : sql.strip().replaceAll("\\s+", " ");
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        // the statement's own table, not a subquery's: the first at the outermost level of parentheses
        var table = TABLE.matcher(text);
        String name = "";
        while (table.find()) {
            String before = text.substring(0, table.start());
            if (before.chars().filter(c -> c == '(').count() == before.chars().filter(c -> c == ')').count()) {
                name = table.group(1);
                break;
            }
        }
        return "SQL " + (batch ? "batch " : "") + verb + " " + name;
    }

    /** What a step belongs to: our code, the engine's, the web layer, or the database (by tables). */
    static String area(String step) {
        String upper = step.toUpperCase(Locale.ROOT);
        if (step.startsWith("HTTP ")) {
            return "Java: HTTP, security filters, MVC, JSON (outside the steps below)";
        }
        if (step.startsWith("engine ")) {
            return "Java: Camunda engine (its commands, without our listeners and delegates)";
        }
        if (step.startsWith("app ")) {
            return "Java: our services, rules, delegates and listeners";
        }
        if (!upper.startsWith("SQL ")) {
            return step;
        }
        if (upper.contains("ACT_HI_")) {
            return "SQL: engine history (ACT_HI_*)";
        }
        if (upper.contains("ACT_RU_AUTHORIZATION") || upper.contains("ACT_ID_")) {
            return "SQL: engine authorizations and identity (ACT_RU_AUTHORIZATION, ACT_ID_*)";
        }
        if (upper.contains("ACT_")) {
            return "SQL: engine runtime (ACT_RU_*, ACT_GE_*, ACT_RE_*)";
        }
        return "SQL: our tables";
    }

    /** The window as lines: the largest steps, then the same time by area. */
    static String describe(String title, int top) {
        return describe(title, top, 0, "");
    }

    /**
     * The same, with the statements and the calls of our steps counted per unit of work (per request, per body), to
     * show how often each part runs for one of them.
     */
    static String describe(String title, int top, int units, String unit) {
        List<Step> steps = steps();
        double all = steps.stream().mapToDouble(Step::selfMillis).sum();
        StringBuilder text = new StringBuilder("### " + title + "\n");
        if (units > 0) {
            long statements = steps.stream().filter(step -> step.name().startsWith("SQL ")).mapToLong(Step::calls).sum();
            long commits = steps.stream().filter(step -> step.name().equals("JDBC commit")).mapToLong(Step::calls).sum();
            text.append(String.format(Locale.ROOT, "per %s (%d): %.1f SQL statements (a batch counts once), %.1f commits; "
                    + "calls of our steps: %s%n", unit, units, (double) statements / units, (double) commits / units,
                    steps.stream().filter(step -> step.name().startsWith("app ") && step.calls() * 2 >= units)
                            .sorted(Comparator.comparing(Step::name))
                            .map(step -> String.format(Locale.ROOT, "%s %.1f", step.name().substring(4),
                                    (double) step.calls() / units))
                            .reduce((a, b) -> a + ", " + b).orElse("none")));
        }
        text.append(String.format(Locale.ROOT, "%-70s %9s %11s %7s %10s%n", "step (self time: minus the steps it called)",
                "calls", "self ms", "share", "ms/call"));
        steps.stream().limit(top).forEach(step -> text.append(String.format(Locale.ROOT, "%-70s %9d %11.0f %6.1f%% %10.2f%n",
                abbreviate(step.name()), step.calls(), step.selfMillis(), 100 * step.selfMillis() / all,
                step.selfMillis() / step.calls())));
        Map<String, Double> areas = new ConcurrentHashMap<>();
        steps.forEach(step -> areas.merge(area(step.name()), step.selfMillis(), Double::sum));
        text.append("by area:\n");
        areas.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(area -> text.append(String.format(Locale.ROOT, "  %-68s %11.0f ms %6.1f%%%n", area.getKey(),
                        area.getValue(), 100 * area.getValue() / all)));
        return text.toString();
    }

    private static String abbreviate(String name) {
        return name.length() <= 70 ? name : name.substring(0, 69) + "…";
    }
}
