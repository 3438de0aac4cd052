package ca.gouv.qc.declarationsia.publication;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
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
        return "publication/portrait";
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
