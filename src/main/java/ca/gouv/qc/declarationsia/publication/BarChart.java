package ca.gouv.qc.declarationsia.publication;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the server-drawn SVG bar chart needs: labels, values and bar widths, plus a text description of it all, each
 * label followed by its colon as the reader's language writes it ("Finances : 3", "Finance: 3").
 */
record BarChart(String id, String title, List<Bar> bars, String description) {

    private static final int FULL_WIDTH = 330;

    record Bar(String label, int value, int width) {
    }

    /** {@code line} writes one bar for the description, as the reader's language does: "Finances : 1 234". */
    static BarChart of(String id, String title, Map<String, Integer> counts, Function<String, String> label,
            BiFunction<String, Integer, String> line) {
        int max = counts.isEmpty() ? 1 : Math.max(1, Collections.max(counts.values()));
        List<Bar> bars = counts.entrySet().stream()
                .map(entry -> new Bar(label.apply(entry.getKey()), entry.getValue(),
                        Math.max(2, entry.getValue() * FULL_WIDTH / max)))
                .toList();
        return new BarChart(id, title, bars,
                bars.stream().map(bar -> line.apply(bar.label(), bar.value())).collect(Collectors.joining("; ")));
    }

    public int height() {
        return bars.size() * 34 + 10;
    }
}
