package ca.gouv.qc.declarationsia.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request refused by a filter, before any controller ran. It is answered through the error dispatch, so the
 * person gets the error page and a program gets {@code application/problem+json}, both in the caller's language
 * ({@link ErrorPages}).
 *
 * @param status the answer
 * @param detailKey the message that says what was refused
 * @param errors what to fix, by parameter or field
 */
public record Refusal(HttpStatus status, String detailKey, List<Item> errors) {

    static final String ATTRIBUTE = Refusal.class.getName();

    /** One parameter or field refused; {@code messageKey} is looked up in the bundles when the answer is written. */
    public record Item(String path, String code, String messageKey) {
    }

    public static Refusal of(HttpStatus status, String detailKey) {
        return new Refusal(status, detailKey, List.of());
    }

    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute(ATTRIBUTE, this);
        response.sendError(status.value());
    }
}
