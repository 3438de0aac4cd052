package ca.gouv.qc.declarationsia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures: one table for people, one {@code name: value} line per figure for scripts. */
final class Figures {

    private record Row(String measure, String result, String target) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    void add(String measure, String result, String target) {
        rows.add(new Row(measure, result, target));
    }

    void value(String name, double value) {
        values.put(name, format(value));
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

    String table() {
        int[] widths = {"Mesure / measure".length(), "Résultat / result".length(), "Cible / target".length()};
        for (Row row : rows) {
            widths[0] = Math.max(widths[0], row.measure().length());
            widths[1] = Math.max(widths[1], row.result().length());
            widths[2] = Math.max(widths[2], row.target().length());
        }
        String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s |%n";
        StringBuilder table = new StringBuilder(String.format(format, "Mesure / measure", "Résultat / result", "Cible / target"));
        table.append(String.format(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2])));
        rows.forEach(row -> table.append(String.format(format, row.measure(), row.result(), row.target())));
        return table.toString();
    }

    /** Writes the machine, the table and the values; returns the file written. */
    Path write(Path directory, String fileName, String machine) throws IOException {
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder("# Déclarations IA: scale benchmark (./mvnw -B -Pbench test)\n\n");
        text.append("## Machine\n").append(machine).append("\n## Results\n").append(table()).append("\n## Values\n");
        values.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        Path file = directory.resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
