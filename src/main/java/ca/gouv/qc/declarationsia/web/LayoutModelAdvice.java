package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.web.WebappPath;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the shared layout needs on every page: who is there (for the navigation) and the language switch. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final boolean localMode;
    private final WebappPath webapp;

    LayoutModelAdvice(Environment environment, WebappPath webapp) {
        this.localMode = environment.acceptsProfiles(Profiles.of("local"));
        this.webapp = webapp;
    }

    /** Where Cockpit, Tasklist and Admin are, for the links to them: {@code @{${webapp} + '/app/tasklist/'}}. */
    @ModelAttribute("webapp")
    String webapp() {
        return webapp.path();
    }

    @ModelAttribute("user")
    CurrentUser user() {
        return CurrentUser.get();
    }

    @ModelAttribute("localMode")
    boolean localMode() {
        return localMode;
    }

    @ModelAttribute("english")
    boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** The same page in the other language, keeping the other query parameters. */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        String other = "en".equals(locale.getLanguage()) ? "fr" : "en";
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", other)
                .replaceQueryParam("continue").build().toUriString()
                .replaceFirst("^https?://[^/]+", "");
    }
}
