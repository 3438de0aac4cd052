package ca.gouv.qc.declarationsia.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * What Tomcat answers itself, before any filter of ours runs: an address it cannot even map (a NUL, {@code %00},
 * in the path) is refused by the connector, and only the host's error report answers it. Said as every other
 * refusal ({@link Problems}), in the language of {@code Accept-Language}, instead of Tomcat's HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ObjectProvider<Problems> problems;

    ProblemReportValve(ObjectProvider<Problems> problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        Locale locale = Problems.supported(request.getLocale());
        Problems shapes = problems.getObject();
        ProblemDetail problem = shapes.problem(Problems.statusOf(status),
                status == HttpStatus.BAD_REQUEST.value() ? "error.request.rejected" : "error.status." + status, locale);
        if (status == HttpStatus.BAD_REQUEST.value()) {
            problem.setProperty("errors", List.of(shapes.parameterViolation("path", "Rejected",
                    "validation.path.rejected", locale)));
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(shapes.text(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException unwritable) {
            // the client is gone or the response was taken: nothing more to say
        }
    }
}
