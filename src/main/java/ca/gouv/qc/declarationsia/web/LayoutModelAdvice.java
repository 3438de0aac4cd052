package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the shared layout needs on every page: who is there (for the navigation), where the Camunda webapps are, and
 * the language switch.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final boolean localMode;
    private final String webappPath;

    LayoutModelAdvice(Environment environment, @Value("${camunda.bpm.webapp.application-path}") String webappPath) {
        this.localMode = environment.acceptsProfiles(Profiles.of("local"));
        this.webappPath = webappPath;
    }

    @ModelAttribute("user")
    CurrentUser user() {
        return CurrentUser.get();
    }

    @ModelAttribute("localMode")
    boolean localMode() {
        return localMode;
    }

    /** Where Cockpit, Tasklist and Admin answer ({@code /camunda}): the links to them are built on it. */
    @ModelAttribute("webappPath")
    String webappPath() {
        return webappPath;
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
