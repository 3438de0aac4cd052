package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.security.LoginFailures;
import ca.gouv.qc.declarationsia.security.SingleSignOnFailures;
import ca.gouv.qc.declarationsia.security.SingleSignOnProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    private final SingleSignOnProperties sso;

    LoginController(SingleSignOnProperties sso) {
        this.sso = sso;
    }

    /** The identity provider's sign-in, when configured: where its button leads. */
    @ModelAttribute("singleSignOnUrl")
    String singleSignOnUrl() {
        return sso.enabled() ? SingleSignOnProperties.AUTHORIZATION_PATH : null;
    }

    @ModelAttribute("passwordSignIn")
    boolean passwordSignIn() {
        return sso.passwordSignIn();
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Where a throttled sign-in is forwarded: the login page, answered 429, saying how long to wait. */
    @RequestMapping(LoginFailures.THROTTLED_PAGE)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object minutes = request.getAttribute(LoginFailures.RETRY_AFTER_MINUTES);
        if (minutes == null) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute(LoginFailures.RETRY_AFTER_MINUTES, minutes);
        return "login";
    }

    /** Where a sign-in through the identity provider that failed is forwarded, its status already set (401, 403). */
    @RequestMapping(SingleSignOnFailures.PAGE)
    String singleSignOnFailed(HttpServletRequest request, Model model) {
        Object error = request.getAttribute(SingleSignOnFailures.ERROR);
        if (error == null) {
            return "redirect:/login";
        }
        model.addAttribute(SingleSignOnFailures.ERROR, error);
        return "login";
    }
}
