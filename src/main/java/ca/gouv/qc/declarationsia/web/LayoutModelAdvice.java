package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.web.WebappPath;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the shared layout needs on every page: who is there (for the navigation) and the language switch. Only for
 * handlers that render a page: an API call ({@code @RestController}, {@code @ResponseBody}) has no layout, and
 * working all this out for each of its requests was a measurable part of their cost.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final boolean localMode;
    private final WebappPath webapp;

    LayoutModelAdvice(Environment environment, WebappPath webapp) {
        this.localMode = environment.acceptsProfiles(Profiles.of("local"));
        this.webapp = webapp;
    }

    /**
     * {@code webapp}: where Cockpit, Tasklist and Admin are, for the links to them ({@code @{${webapp} +
     * '/app/tasklist/'}}); {@code user}; {@code localMode}; {@code english}; {@code otherLanguageUrl}: the same page
     * in the other language, keeping the other query parameters.
     */
    @ModelAttribute
    void layout(Model model, HttpServletRequest request, Locale locale) {
        if (answersWithBody(request)) {
            return;
        }
        boolean english = "en".equals(locale.getLanguage());
        // as named @ModelAttribute methods did: what the model holds already (a flash attribute) is kept
        model.mergeAttributes(Map.of("webapp", webapp.path(), "user", CurrentUser.get(), "localMode", localMode,
                "english", english, "otherLanguageUrl", ServletUriComponentsBuilder.fromRequest(request)
                        .replaceQueryParam("lang", english ? "fr" : "en").replaceQueryParam("continue").build()
                        .toUriString().replaceFirst("^https?://[^/]+", "")));
    }

    private static boolean answersWithBody(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }
}
