package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one shape of a refusal, {@code application/problem+json} in the caller's language: a title and a detail from
 * the bundles ({@code key.title}, {@code key}) and the violations by field or parameter under {@code errors}. Spring
 * MVC's handlers return what {@link #problem} builds; the doors outside it (security, the engine's doors, the engine
 * REST API, the container) {@link #write} it, with the detail again under {@code message}, which Tasklist shows.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final ObjectMapper json;

    public Problems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A refusal said by one message ({@code key}), titled by {@code key.title}. */
    public ProblemDetail problem(HttpStatus status, String key, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(message(key + ".title", locale));
        problem.setDetail(messages.getMessage(key, arguments, key, locale));
        return problem;
    }

    /** A refusal naming what to fix: the detail says the violations themselves, each with its field's label. */
    public ProblemDetail refusal(HttpStatus status, String titleKey, List<Violation> violations, Locale locale) {
        ProblemDetail problem = problem(status, titleKey, locale);
        if (!violations.isEmpty()) {
            problem.setDetail(violations.stream().map(Violation::message).collect(Collectors.joining(" ")));
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    /** A parameter refused, labelled as the page names it ({@code param.x}, else {@code field.x}). */
    public Violation parameterViolation(String name, String code, String messageKey, Locale locale) {
        String label = messages.getMessage("param." + name, null,
                messages.getMessage("field." + name, null, name, locale), locale);
        String message = messages.getMessage(messageKey, null, messageKey, locale);
        return new Violation(name, code, messages.getMessage("validation.format", new Object[] {label, message},
                label + " : " + message, locale));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), withMessage(problem));
    }

    /** The same, for a writer the container hands out (its error report). */
    public String text(ProblemDetail problem) {
        try {
            return json.writeValueAsString(withMessage(problem));
        } catch (IOException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    /** Tasklist and Cockpit show an error's {@code message}: the detail again, for the doors they call. */
    private static ProblemDetail withMessage(ProblemDetail problem) {
        problem.setProperty("message", problem.getDetail());
        return problem;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The languages of the bundles: English when asked first, French otherwise. */
    public static Locale supported(Locale asked) {
        return asked != null && "en".equals(asked.getLanguage()) ? Locale.CANADA : Locale.CANADA_FRENCH;
    }

    static HttpStatus statusOf(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
