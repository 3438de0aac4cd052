package ca.gouv.qc.declarationsia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures: one table for people, a result per database column (embedded, durable), and one
 * {@code name: value} line per figure for scripts (a durable figure's name ends in {@code -durable}).
 */
final class Figures {

    /** The two databases every figure is measured on, in the same run. */
    enum Column {
        EMBEDDED("", "embarqué / embedded (fsync off)"),
        DURABLE("-durable", "durable (fsync on, synchronous_commit on)");

        final String suffix;
        final String heading;

        Column(String suffix, String heading) {
            this.suffix = suffix;
            this.heading = heading;
        }
    }

    private static final class Row {
        final Map<Column, String> results = new EnumMap<>(Column.class);
        String target = "";
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    synchronized void add(String measure, Column column, String result, String target) {
        Row row = rows.computeIfAbsent(measure, key -> new Row());
        row.results.put(column, result);
        if (!target.isEmpty()) {
            row.target = target;
        }
    }

    synchronized void value(String name, Column column, double value) {
        values.put(name + column.suffix, format(value));
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    /** A block of text of its own (where the time goes), under its heading. */
    synchronized void section(String text) {
        sections.add(text);
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Latency percentiles of a list of durations in milliseconds (nearest-rank). */
    static double percentile(List<Double> millis, double percent) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = millis.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    synchronized String table() {
        String[] headings = {"Mesure / measure", Column.EMBEDDED.heading, Column.DURABLE.heading, "Cible / target"};
        int[] widths = new int[headings.length];
        for (int i = 0; i < headings.length; i++) {
            widths[i] = headings[i].length();
        }
        rows.forEach((measure, row) -> {
            widths[0] = Math.max(widths[0], measure.length());
            widths[1] = Math.max(widths[1], cell(row, Column.EMBEDDED).length());
            widths[2] = Math.max(widths[2], cell(row, Column.DURABLE).length());
            widths[3] = Math.max(widths[3], row.target.length());
        });
        String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3] + "s |%n";
        StringBuilder table = new StringBuilder(String.format(format, (Object[]) headings));
        table.append(String.format(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]),
                "-".repeat(widths[3])));
        rows.forEach((measure, row) -> table.append(String.format(format, measure, cell(row, Column.EMBEDDED),
                cell(row, Column.DURABLE), row.target)));
        return table.toString();
    }

    private static String cell(Row row, Column column) {
        return row.results.getOrDefault(column, "—");
    }

    synchronized String text(String machine) {
        StringBuilder text = new StringBuilder("# Déclarations IA: scale benchmark (./mvnw -B -Pbench test)\n\n");
        text.append("## Machine\n").append(machine).append("\n## Results\n").append(table());
        if (!notes.isEmpty()) {
            text.append("\n## Notes\n");
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        text.append("\n## Values\n");
        values.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        if (!sections.isEmpty()) {
            text.append("\n## Where the time goes\n");
            sections.forEach(section -> text.append('\n').append(section));
        }
        return text.toString();
    }

    /** Writes the machine, the table, the notes, the values and where the time goes; returns the file written. */
    Path write(Path directory, String fileName, String machine) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName);
        Files.writeString(file, text(machine), StandardCharsets.UTF_8);
        return file;
    }
}
