package ca.gouv.qc.declarationsia.web;

import ca.gouv.qc.declarationsia.security.LoginFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

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
}
