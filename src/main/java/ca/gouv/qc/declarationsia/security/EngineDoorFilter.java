package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.shared.web.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The engine's doors, Tasklist's ({@code /camunda/api/engine/...}) and the REST API's ({@code /engine-rest/...}),
 * held to what our pages allow, for the writes Camunda's authorizations cannot judge ({@link EngineRoutes}). Who may
 * work a task is asked first ({@link TaskWork}, Camunda's answer), what completing it means after
 * ({@link TaskCompletions}). Every refusal is a 4xx {@code application/problem+json} in the caller's language
 * ({@link Problems}), whose {@code message} Tasklist shows; nothing changes. Runs after authentication, so it knows
 * the caller; reads go through untouched (Camunda's authorizations apply).
 */
class EngineDoorFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 1024 * 1024;
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final EngineRoutes routes;
    private final TaskWork work;
    private final TaskCompletions completions;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Problems problems;

    EngineDoorFilter(EngineRoutes routes, TaskWork work, TaskCompletions completions, IdentityService identity, ObjectMapper json,
            MessageSource messages, LocaleResolver locales, Problems problems) {
        this.routes = routes;
        this.work = work;
        this.completions = completions;
        this.identity = identity;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String route = routes.engineRoute(request.getRequestURI().substring(request.getContextPath().length()));
        EngineCaller caller = EngineCaller.current(identity);
        if (route == null || READS.contains(request.getMethod()) || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body", "validation.engine.tooLarge");
            return;
        }
        JsonNode document = isJson(request) && body.length > 0 ? readJson(body) : null;
        EngineRoutes.Write write = EngineRoutes.classify(route);
        if (write.kind() == EngineRoutes.Kind.VARIABLE_DATA
                || (document != null && EngineVariables.namesJavaClass(document))) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "variables", "validation.engine.objectVariable");
            return;
        }
        if (refused(write, caller, document, request, response)) {
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** @return whether this door answered the request itself (refused, or completed the task through its door) */
    private boolean refused(EngineRoutes.Write write, EngineCaller caller, JsonNode document, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        switch (write.kind()) {
            case PASSWORD_CHECK -> {
                refuse(request, response, HttpStatus.FORBIDDEN, "password", "validation.engine.passwordCheck");
                return true;
            }
            case VARIABLE_WRITE -> {
                if (!caller.isCoordinator()) {
                    refuse(request, response, HttpStatus.FORBIDDEN, "variables", "validation.engine.variables");
                    return true;
                }
                return false;
            }
            case JOB_WRITE -> {
                if (!caller.isCoordinator()) {
                    refuse(request, response, HttpStatus.FORBIDDEN, "job", "validation.engine.coordinatorsOnly");
                    return true;
                }
                return false;
            }
            case TASK_COMPLETION, TASK_NOTE -> {
                Task task = work.find(write.taskId());
                if (task == null) {
                    refuse(request, response, HttpStatus.NOT_FOUND, "taskId", "validation.engine.noTask");
                    return true;
                }
                // who may work the task first: another body's task says nothing of what its door would refuse
                if (!work.mayWork(caller, task)) {
                    refuse(request, response, HttpStatus.FORBIDDEN, "taskId", "validation.engine.notYourTask");
                    return true;
                }
                TaskDoor door = write.kind() == EngineRoutes.Kind.TASK_COMPLETION
                        ? completions.doorFor(task.getTaskDefinitionKey()) : null;
                if (door == null) {
                    return false;
                }
                complete(door, work.doorTask(task), document, caller, request, response);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void complete(TaskDoor door, TaskDoor.DoorTask task, JsonNode document, EngineCaller caller,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ProblemDetail> refusal = completions.complete(door, task, EngineVariables.values(document, json), caller,
                locales.resolveLocale(request));
        if (refusal.isPresent()) {
            problems.write(response, refusal.get());
        } else if (document != null && document.path("withVariablesInReturn").asBoolean(false)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{}");
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private JsonNode readJson(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).contains("json");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String path,
            String key) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage(key, null, key, locale);
        problems.write(response, problems.refusal(status,
                status == HttpStatus.FORBIDDEN ? "error.forbidden" : "error.invalidInput",
                List.of(new Violation(path, status.name(), message)), locale));
    }
}
