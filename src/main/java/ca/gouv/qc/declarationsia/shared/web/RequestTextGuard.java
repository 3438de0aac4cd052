package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.validation.TextRules;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, request parameters no person can mean: in the address, any control
 * character (a filter or a page number never holds one); in a form, a NUL or half a character (what a form field
 * may hold otherwise is the field's own rule, said beside it). Without it a NUL reaches PostgreSQL and fails the
 * request with a 500. Uploads are left to their readers, which check their own encoding.
 */
public class RequestTextGuard extends OncePerRequestFilter {

    /** Tomcat decodes a malformed byte sequence of the address into this character. */
    private static final char MALFORMED = '\uFFFD';
    /** {@code server.tomcat.max-http-form-post-size}: beyond it Tomcat would drop the form's fields silently. */
    static final long MAX_FORM_BYTES = 10L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Refusal.Item> refused = new ArrayList<>();
        if (isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (isForm(request) && request.getContentLengthLong() > MAX_FORM_BYTES) {
            new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "error.status.413",
                    List.of(new Refusal.Item("form", "TooLarge", "validation.form.tooLarge"))).send(request, response);
            return;
        }
        List<String> inAddress = namesInQueryString(request.getQueryString());
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            boolean fromAddress = inAddress.contains(name);
            boolean bad = !acceptable(name, true);
            for (String value : parameter.getValue()) {
                bad |= !acceptable(value, fromAddress);
            }
            if (bad) {
                refused.add(new Refusal.Item(printable(name), "InvalidCharacter", "validation.parameter.characters"));
            }
        }
        if (!refused.isEmpty()) {
            new Refusal(HttpStatus.BAD_REQUEST, "error.parameters", refused).send(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptable(String text, boolean inAddress) {
        if (TextRules.isCorrupt(text)) {
            return false;
        }
        return !inAddress || !TextRules.hasControl(text) && text.indexOf(MALFORMED) < 0;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** The parameter names the address holds (their values are held to the stricter rule). */
    private static List<String> namesInQueryString(String query) {
        List<String> names = new ArrayList<>();
        if (query == null) {
            return names;
        }
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            try {
                names.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                names.add(name);
            }
        }
        return names;
    }

    /** The parameter's name as the answer may quote it. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> shown.appendCodePoint(
                Character.isISOControl(c) || Character.isSurrogate((char) c) || c == MALFORMED ? '?' : c));
        return shown.toString();
    }
}
