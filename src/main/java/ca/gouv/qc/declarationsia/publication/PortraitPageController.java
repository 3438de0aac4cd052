package ca.gouv.qc.declarationsia.publication;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public Portrait page: the figures in tables, with the open data links. Works without JavaScript. */
@Controller
class PortraitPageController {

    private final Editions editions;

    PortraitPageController(Editions editions) {
        this.editions = editions;
    }

    @GetMapping("/portrait/{year}")
    String portrait(@PathVariable int year, Model model) {
        model.addAttribute("portrait", editions.portrait(year));
        model.addAttribute("initiatives", editions.initiatives(year));
        return "publication/portrait";
    }
}
