package ca.gouv.qc.declarationsia.publication;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public Portrait page: the figures as server-drawn charts and tables, with the open data links. No JavaScript. */
@Controller
class PortraitPageController {

    private final Editions editions;
    private final MessageSource messages;

    PortraitPageController(Editions editions, MessageSource messages) {
        this.editions = editions;
        this.messages = messages;
    }

    @GetMapping("/portrait/{year}")
    String portrait(@PathVariable int year, Model model, Locale locale) {
        Portrait portrait = editions.portrait(year);
        model.addAttribute("portrait", portrait);
        model.addAttribute("initiatives", editions.initiatives(year));
        model.addAttribute("charts", List.of(
                BarChart.of("chart-category", text("portrait.byCategory", locale), portrait.byCategory(),
                        code -> text("category." + code, locale)),
                BarChart.of("chart-status", text("portrait.byStatus", locale), portrait.byStatus(),
                        code -> text("publishedStatus." + code, locale)),
                BarChart.of("chart-portfolio", text("portrait.byPortfolio", locale), portrait.byPortfolio(), label -> label)));
        return "publication/portrait";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
