package ca.gouv.qc.declarationsia.publication;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the server-drawn SVG bar chart needs: labels, values and bar widths, plus a text description of it all. */
record BarChart(String id, String title, List<Bar> bars) {

    private static final int FULL_WIDTH = 330;

    record Bar(String label, int value, int width) {
    }

    static BarChart of(String id, String title, Map<String, Integer> counts, Function<String, String> label) {
        int max = counts.isEmpty() ? 1 : Math.max(1, Collections.max(counts.values()));
        return new BarChart(id, title, counts.entrySet().stream()
                .map(entry -> new Bar(label.apply(entry.getKey()), entry.getValue(),
                        Math.max(2, entry.getValue() * FULL_WIDTH / max)))
                .toList());
    }

    public int height() {
        return bars.size() * 34 + 10;
    }

    public String description() {
        return bars.stream().map(bar -> bar.label() + " : " + bar.value()).collect(Collectors.joining("; "));
    }
}
