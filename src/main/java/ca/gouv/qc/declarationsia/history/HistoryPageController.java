package ca.gouv.qc.declarationsia.history;

import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.security.AccessPolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ministry staff read the history of a campaign or of one body's declaration, open or completed (Cockpit shows only
 * running processes), found by its business key ({@code 2027} or {@code 2027-MRNF}) from the dashboard, the campaign
 * list or Cockpit's process view. Read-only.
 */
@Controller
@RequestMapping("/campagnes")
class HistoryPageController {

    private static final Pattern CAMPAIGN_KEY = Pattern.compile("\\d{4}");
    private static final Pattern DECLARATION_KEY = Pattern.compile("(\\d{4})-([A-Z0-9-]{2,20})");

    private final CampaignTimeline campaignTimeline;
    private final DeclarationTimeline declarationTimeline;
    private final CampaignService campaigns;
    private final DeclarationService declarations;
    private final AccessPolicy access;
    private final Wording words;

    HistoryPageController(CampaignTimeline campaignTimeline, DeclarationTimeline declarationTimeline,
            CampaignService campaigns, DeclarationService declarations, AccessPolicy access, Wording words) {
        this.campaignTimeline = campaignTimeline;
        this.declarationTimeline = declarationTimeline;
        this.campaigns = campaigns;
        this.declarations = declarations;
        this.access = access;
        this.words = words;
    }

    /**
     * A business key typed in (or sent by Cockpit's link) leads to its history; a key that is not one answers 400,
     * one that names nothing 404, each with the form and its error beside the field.
     */
    @GetMapping("/historique")
    String find(@RequestParam(required = false) String cle, Model model, HttpServletResponse response) {
        access.requireStaff();
        model.addAttribute("cle", cle);
        if (cle == null || cle.isBlank()) {
            return "history/search";
        }
        String key = cle.strip().toUpperCase(Locale.ROOT);
        Matcher declaration = DECLARATION_KEY.matcher(key);
        if (CAMPAIGN_KEY.matcher(key).matches()) {
            return campaigns.find(Integer.parseInt(key)).isPresent() ? "redirect:/campagnes/" + key + "/historique"
                    : notFound(key, model, response);
        }
        if (declaration.matches()) {
            return declarations.exists(Integer.parseInt(declaration.group(1)), declaration.group(2))
                    ? "redirect:/campagnes/" + declaration.group(1) + "/declarations/" + declaration.group(2) + "/historique"
                    : notFound(key, model, response);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", words.text("history.search.invalid"));
        return "history/search";
    }

    private String notFound(String key, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("error", words.text("history.search.notFound", key));
        return "history/search";
    }

    @GetMapping("/{year}/historique")
    String campaign(@PathVariable int year, Model model) {
        // staff only: the campaign service's rule (AccessPolicy), checked as the timeline reads it
        model.addAttribute("view", campaignTimeline.of(year));
        return "history/campaign";
    }

    @GetMapping("/{year}/declarations/{organizationCode}/historique")
    String declaration(@PathVariable int year, @PathVariable String organizationCode, Model model) {
        // staff only: the campaign service's rule (AccessPolicy), checked as the timeline reads it
        DeclarationTimeline.View view = declarationTimeline.of(year, organizationCode.toUpperCase(Locale.ROOT));
        model.addAttribute("view", view);
        model.addAttribute("organizationName", view.organization().name("en".equals(LocaleContextHolder.getLocale().getLanguage())));
        return "history/declaration";
    }
}
