package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.shared.Dates;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public Portrait page: the figures as server-drawn charts and tables, with the open data links. No JavaScript. */
@Controller
class PortraitPageController {

    private final Editions editions;
    private final MessageSource messages;
    private final PortfolioLabels portfolios;

    PortraitPageController(Editions editions, MessageSource messages, PortfolioLabels portfolios) {
        this.editions = editions;
        this.messages = messages;
        this.portfolios = portfolios;
    }

    @GetMapping("/portrait/{year}")
    String portrait(@PathVariable int year, Model model, Locale locale) {
        Portrait portrait = editions.portrait(year);
        model.addAttribute("portrait", portrait);
        model.addAttribute("initiatives", editions.initiatives(year));
        BiFunction<String, Integer, String> labelled = (label, value) -> messages.getMessage("common.label",
                new Object[] {label}, locale) + " " + NumberFormat.getIntegerInstance(locale).format(value);
        model.addAttribute("charts", List.of(
                BarChart.of("chart-category", text("portrait.byCategory", locale), portrait.byCategory(),
                        code -> text("category." + code, locale), labelled),
                BarChart.of("chart-status", text("portrait.byStatus", locale), portrait.byStatus(),
                        code -> text("publishedStatus." + code, locale), labelled),
                BarChart.of("chart-portfolio", text("portrait.byPortfolio", locale), portrait.byPortfolio(), portfolios::of,
                        labelled)));
        List<Portrait.SuccessionNote> notes = portrait.successions() == null ? List.of() : portrait.successions();
        model.addAttribute("successionNotes", notes.stream().map(note -> noteView(note, portrait, locale)).toList());
        model.addAttribute("successorOf", successorOf(notes, locale));
        return "publication/portrait";
    }

    /**
     * A succession as the Portrait says it: who became whom and when, then the initiatives before and after; the
     * bodies replaced are {@code listed} apart when they are too many for the sentence.
     */
    record NoteView(String sentence, String figures, List<String> predecessors, boolean listed) {
    }

    /** Up to this many bodies replaced are named in the sentence; more are counted, and listed under it. */
    private static final int NAMED = 3;

    private NoteView noteView(Portrait.SuccessionNote note, Portrait portrait, Locale locale) {
        String date = Dates.date(note.effectiveDate(), locale);
        String successors = joined(note.successors(), locale);
        String sentence = switch (note.kind()) {
            case "RENOMMAGE" -> message("portrait.successions.renamed", locale, joined(note.predecessors(), locale),
                    successors, date);
            case "SCISSION" -> message("portrait.successions.split", locale, joined(note.predecessors(), locale),
                    successors, date);
            default -> note.predecessors().size() == 1
                    ? message("portrait.successions.absorbed", locale, note.predecessors().get(0), successors, date)
                    : message("portrait.successions.merged", locale, predecessors(note, locale), successors, date);
        };
        String figures = message("portrait.successions.figures", locale, note.previousInitiatives(),
                portrait.previousYear(), note.initiatives(), portrait.year());
        return new NoteView(sentence, figures, note.predecessors(), note.predecessors().size() > NAMED);
    }

    /** For the table of bodies: each successor, what it succeeded and since when. */
    private Map<String, String> successorOf(List<Portrait.SuccessionNote> notes, Locale locale) {
        Map<String, String> successorOf = new LinkedHashMap<>();
        for (Portrait.SuccessionNote note : notes) {
            String text = message("portrait.successions.successorOf", locale, predecessors(note, locale),
                    Dates.date(note.effectiveDate(), locale));
            note.successors().forEach(successor -> successorOf.merge(successor, text, (one, other) -> one + "; " + other));
        }
        return successorOf;
    }

    /** The bodies replaced: named when few, counted when many. */
    private String predecessors(Portrait.SuccessionNote note, Locale locale) {
        return note.predecessors().size() > NAMED
                ? message("portrait.successions.bodies", locale, note.predecessors().size())
                : joined(note.predecessors(), locale);
    }

    /** « A, B et C », "A, B and C". */
    private String joined(List<String> names, Locale locale) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + text("portrait.successions.and", locale) + " "
                + names.get(names.size() - 1);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    @GetMapping("/portrait/{year}/registre")
    String register(@PathVariable int year, @RequestParam(required = false) String category,
            @RequestParam(required = false) String status, @RequestParam(required = false) String portfolio,
            @RequestParam(required = false) String body, Model model) {
        Portrait portrait = editions.portrait(year);
        model.addAttribute("portrait", portrait);
        model.addAttribute("filter", new RegisterFilter(category, status, portfolio, body));
        model.addAttribute("bodies", editions.initiatives(year).stream().map(Editions.PublishedInitiative::organizationName)
                .distinct().toList());
        model.addAttribute("initiatives", editions.register(year, category, status, portfolio, body));
        return "publication/register";
    }

    record RegisterFilter(String category, String status, String portfolio, String body) {
    }

    @GetMapping("/portrait/initiatives/{initiativeId}")
    String initiative(@PathVariable String initiativeId, Model model) {
        model.addAttribute("initiativeId", initiativeId);
        model.addAttribute("years", editions.history(initiativeId));
        return "publication/initiative";
    }

    @GetMapping("/portrait/{year}/couverture")
    String coverage(@PathVariable int year, Model model) {
        model.addAttribute("portrait", editions.portrait(year));
        model.addAttribute("rows", editions.coverage(year));
        return "publication/coverage";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
