package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container answers (a filter's refusal, an oversized upload, the firewall's 400, an exception no
 * controller handled): the error page for a person, {@code application/problem+json} for a program, in the
 * caller's language, naming the parameter when one is at fault. Called directly, {@code /error} does not exist.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** The addresses of programs, which get problem+json even when they accept HTML. */
    private final Pattern api;
    private final ErrorAttributes errors;
    private final MessageSource messages;
    private final InputValidator validator;

    ErrorPages(ErrorAttributes errors, MessageSource messages, InputValidator validator, WebappPath webapp) {
        this.api = Pattern.compile("/(api|engine-rest|" + Pattern.quote(webapp.path().substring(1)) + "/api|v3/api-docs|open-data)/");
        this.errors = errors;
        this.messages = messages;
        this.validator = validator;
    }

    /** A person's browser gets the page; a program (or any call of the API) gets the problem. */
    @RequestMapping
    Object answer(HttpServletRequest request, HttpServletResponse response) {
        ProblemDetail problem = problem(request);
        if (wantsPage(request)) {
            response.setStatus(problem.getStatus());
            return new ModelAndView("error", Map.of("status", problem.getStatus(), "problem", problem,
                    "violations", violations(problem)));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = asked instanceof String uri ? uri : request.getRequestURI();
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !api.matcher(path.substring(request.getContextPath().length())).lookingAt();
    }

    private ProblemDetail problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? statusOf(value) : HttpStatus.NOT_FOUND;
        Refusal refusal = (Refusal) request.getAttribute(Refusal.ATTRIBUTE);
        Throwable failure = errors.getError(new ServletWebRequest(request));
        List<Violation> violations = refusal != null
                ? refusal.errors().stream().map(item -> validator.parameterViolation(item.path(), item.code(), item.messageKey()))
                        .toList()
                : violationsOf(failure);
        String detailKey = refusal != null ? refusal.detailKey()
                : status == HttpStatus.BAD_REQUEST && !violations.isEmpty() ? "error.parameters"
                : "error.status." + status.value();
        if (status.is5xxServerError()) {
            log.error("Request {} {} failed", request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(message("error.status." + status.value() + ".title", "error.page.title"));
        problem.setDetail(failure instanceof NotFoundException notFound
                ? messages.getMessage(notFound.messageKey(), notFound.arguments(), LocaleContextHolder.getLocale())
                : message(detailKey, "error.page.text"));
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        instance(asked instanceof String uri ? uri : request.getRequestURI()).ifPresent(problem::setInstance);
        return problem;
    }

    /** A parameter of the wrong type or missing, named as the address has it. */
    private List<Violation> violationsOf(Throwable failure) {
        if (failure instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return List.of(validator.parameterViolation(mismatch.getPropertyName(), "TypeMismatch",
                    TypeNames.messageKey(mismatch.getRequiredType())));
        }
        if (failure instanceof MaxUploadSizeExceededException) {
            return List.of(validator.parameterViolation("file", "TooLarge", "validation.upload.tooLarge"));
        }
        if (failure instanceof MissingServletRequestParameterException missing) {
            return List.of(validator.parameterViolation(missing.getParameterName(), "Required", "validation.required"));
        }
        return List.of();
    }

    /** The address asked for, unless it is not even a URI (then the answer goes without it). */
    private static Optional<URI> instance(String path) {
        try {
            return Optional.of(new URI(path));
        } catch (URISyntaxException | NullPointerException unusable) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> violations(ProblemDetail problem) {
        Object listed = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        return listed == null ? List.of() : (List<Violation>) listed;
    }

    private static HttpStatus statusOf(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private String message(String key, String fallbackKey) {
        var locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, messages.getMessage(fallbackKey, null, locale), locale);
    }
}
