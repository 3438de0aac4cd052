package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a personal link (choose a password, then land on one's declaration) and of "Mot de passe oublié ?".
 * The token leaves the address bar at once: kept in the session, it shows in no history, no referrer, no access log.
 */
@Controller
class SignInLinkController {

    static final String FORGOT_PATH = "/mot-de-passe-oublie";
    private static final String TOKEN = SignInLinkController.class.getName() + ".token";

    private final SignInLinks links;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final SingleSignOnProperties singleSignOn;

    SignInLinkController(SignInLinks links, Passwords passwords, ApplicationEventPublisher events,
            SingleSignOnProperties singleSignOn) {
        this.links = links;
        this.passwords = passwords;
        this.events = events;
        this.singleSignOn = singleSignOn;
    }

    /** With password sign-in turned off, there is no password to choose: these pages do not exist. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void requirePasswordSignIn() {
        if (!singleSignOn.passwordSignIn()) {
            throw new ca.gouv.qc.declarationsia.shared.NotFoundException("error.status.404");
        }
    }

    @GetMapping(value = SignInLinks.PATH, params = "jeton")
    String open(@RequestParam("jeton") String token, HttpSession session) {
        session.setAttribute(TOKEN, token);
        return "redirect:" + SignInLinks.PATH;
    }

    @GetMapping(SignInLinks.PATH)
    String show(HttpSession session, Model model, HttpServletResponse response) {
        Optional<SignInLinks.Link> link = links.find(tokenOf(session));
        if (link.isEmpty() || !links.usable(link.get())) {
            return unusable(link, model, response);
        }
        model.addAttribute("account", link.get().userId());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("firstSignIn", link.get().purpose() == SignInLinks.Purpose.FIRST_SIGN_IN);
        return "security/choose-password";
    }

    @PostMapping(SignInLinks.PATH)
    String choose(@RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
            HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
        String token = tokenOf(session);
        Optional<Passwords.SignedIn> signedIn;
        try {
            signedIn = passwords.choose(token, password, confirmation);
        } catch (InvalidInputException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", refused.violations());
            model.addAttribute("errorsByField", byField(refused.violations()));
            return show(session, model, response);
        }
        if (signedIn.isEmpty()) {
            return unusable(links.find(token), model, response);
        }
        session.removeAttribute(TOKEN);
        signIn(signedIn.get(), request, response);
        return "redirect:" + signedIn.get().targetPath();
    }

    /** A used or expired link: a new one goes to the account's own address, whatever is typed. */
    @PostMapping(SignInLinks.PATH + "/nouveau-lien")
    String renew(HttpSession session, Locale locale, Model model) {
        links.find(tokenOf(session)).ifPresent(spent -> passwords.renew(spent, locale));
        session.removeAttribute(TOKEN);
        model.addAttribute("renewed", true);
        return "security/link-sent";
    }

    @GetMapping(FORGOT_PATH)
    String forgot() {
        return "security/forgot-password";
    }

    @PostMapping(FORGOT_PATH)
    String requestReset(@RequestParam(required = false) String email, HttpServletRequest request, Locale locale,
            Model model) {
        passwords.requestReset(email, request.getRemoteAddr(), locale);
        return "security/link-sent";
    }

    private String unusable(Optional<SignInLinks.Link> link, Model model, HttpServletResponse response) {
        response.setStatus(link.isEmpty() ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("reason", link.isEmpty() ? "unknown" : link.get().usedAt() != null ? "used" : "expired");
        return "security/link-unusable";
    }

    /** As the login form would: a new session id (no fixation), the context saved, the sign-in counted. */
    private void signIn(Passwords.SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.authentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(signedIn.authentication(), getClass()));
    }

    private static String tokenOf(HttpSession session) {
        return session.getAttribute(TOKEN) instanceof String token ? token : null;
    }

    private static Map<String, String> byField(List<Violation> violations) {
        Map<String, String> byField = new LinkedHashMap<>();
        violations.forEach(violation -> byField.putIfAbsent(violation.path(), violation.message()));
        return byField;
    }
}
