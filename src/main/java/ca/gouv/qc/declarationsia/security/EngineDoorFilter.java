package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The engine's doors, Tasklist's ({@code /camunda/api/engine/...}) and the REST API's ({@code /engine-rest/...}),
 * held to what our pages allow. Completing one of our user tasks goes through its capability's {@link TaskDoor};
 * process variables, jobs and task creation are for coordinators only; a comment is for who may work the task;
 * an {@code Object} variable (a Java class named by the caller) is refused for all. Every refusal is a 4xx
 * {@code application/problem+json} in the caller's language, whose {@code message} Tasklist shows; nothing changes.
 * Runs after authentication, so it knows the caller; reads go through untouched (Camunda's authorizations apply).
 */
class EngineDoorFilter extends OncePerRequestFilter {

    static final int MAX_BODY = 1024 * 1024;
    private static final Pattern ENGINE = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern TASK_COMPLETION =
            Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve|bpmnError|bpmnEscalation)/?$");
    private static final Pattern VARIABLE_WRITE =
            Pattern.compile("^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables|modification)(/.*)?$");
    /** Binary variable content: the product has none, and its value type could name a Java class. */
    private static final Pattern VARIABLE_DATA = Pattern.compile("^/.+/(variables|localVariables)/[^/]+/data/?$");
    private static final Pattern JOB_WRITE = Pattern.compile("^/(job|job-definition)(/.*)?$");
    private static final Pattern TASK_CREATE = Pattern.compile("^/task/create/?$");
    private static final Pattern TASK_NOTE = Pattern.compile("^/task/([^/]+)/(comment|attachment)(/.*)?$");
    /** Checks any user's password: a way around the sign-in's throttle, which nothing of the product needs. */
    private static final Pattern PASSWORD_CHECK = Pattern.compile("^/identity/verify/?$");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Map<String, TaskDoor> doors;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    EngineDoorFilter(List<TaskDoor> doors, TaskService tasks, RuntimeService runtime, IdentityService identity,
            ObjectMapper json, MessageSource messages, LocaleResolver locales) {
        this.doors = doors.stream().flatMap(door -> door.taskDefinitionKeys().stream().map(key -> Map.entry(key, door)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    private record Caller(String id, Set<String> groups) {

        boolean isCoordinator() {
            return groups.contains(Roles.COORDINATORS);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Caller caller = caller();
        if (!engine.matches() || READS.contains(request.getMethod()) || caller == null) {
            chain.doFilter(request, response);
            return;
        }
        String route = engine.group(1);
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body", "validation.engine.tooLarge");
            return;
        }
        JsonNode document = isJson(request) && body.length > 0 ? readJson(body) : null;
        if (document != null && namesJavaClass(document)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "variables", "validation.engine.objectVariable");
            return;
        }
        if (VARIABLE_DATA.matcher(route).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "variables", "validation.engine.objectVariable");
            return;
        }
        Matcher completion = TASK_COMPLETION.matcher(route);
        Matcher note = TASK_NOTE.matcher(route);
        if (PASSWORD_CHECK.matcher(route).matches()) {
            refuse(request, response, HttpStatus.FORBIDDEN, "password", "validation.engine.passwordCheck");
            return;
        }
        if (completion.matches()) {
            Task task = task(completion.group(1));
            if (task == null) {
                refuse(request, response, HttpStatus.NOT_FOUND, "taskId", "validation.engine.noTask");
                return;
            }
            // who may work the task first: another body's task says nothing of what its door would refuse
            if (!mayWork(caller, task)) {
                refuse(request, response, HttpStatus.FORBIDDEN, "taskId", "validation.engine.notYourTask");
                return;
            }
            TaskDoor door = doors.get(task.getTaskDefinitionKey());
            if (door != null) {
                complete(door, doorTask(task), document, caller, request, response);
                return;
            }
        } else if (VARIABLE_WRITE.matcher(route).matches() && !caller.isCoordinator()) {
            refuse(request, response, HttpStatus.FORBIDDEN, "variables", "validation.engine.variables");
            return;
        } else if ((JOB_WRITE.matcher(route).matches() || TASK_CREATE.matcher(route).matches()) && !caller.isCoordinator()) {
            refuse(request, response, HttpStatus.FORBIDDEN, "job", "validation.engine.coordinatorsOnly");
            return;
        } else if (note.matches()) {
            Task task = task(note.group(1));
            if (task == null) {
                refuse(request, response, HttpStatus.NOT_FOUND, "taskId", "validation.engine.noTask");
                return;
            }
            if (!mayWork(caller, task)) {
                refuse(request, response, HttpStatus.FORBIDDEN, "taskId", "validation.engine.notYourTask");
                return;
            }
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** The task's capability does what completing it means, as the caller; the task completes, or nothing changes. */
    private void complete(TaskDoor door, TaskDoor.DoorTask task, JsonNode document, Caller caller, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Locale previousLocale = LocaleContextHolder.getLocale();
        // the door's messages in the caller's language, as on our pages (this filter runs outside Spring MVC)
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            runAs(caller, () -> door.complete(task, values(document)));
        } catch (InvalidInputException refused) {
            write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "error.invalidInput", refused.violations());
            return;
        } catch (AccessDeniedException denied) {
            write(request, response, HttpStatus.FORBIDDEN, "error.forbidden", List.of());
            return;
        } catch (OptimisticLockingFailureException concurrent) {
            write(request, response, HttpStatus.CONFLICT, "error.concurrentModification", List.of());
            return;
        } finally {
            LocaleContextHolder.setLocale(previousLocale);
        }
        if (document != null && document.path("withVariablesInReturn").asBoolean(false)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{}");
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    /** The logged-in user of the webapps (Spring Security), or of the REST API (Camunda's HTTP Basic filter). */
    private Caller caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
        }
        Authentication engineUser = identity.getCurrentAuthentication();
        if (engineUser == null || engineUser.getUserId() == null) {
            return null;
        }
        return new Caller(engineUser.getUserId(), engineUser.getGroupIds() == null ? Set.of()
                : Set.copyOf(engineUser.getGroupIds()));
    }

    private void runAs(Caller caller, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.id(), null,
                caller.groups().stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Looked up as the product, not as the caller: an unknown id must answer 404, not the engine's 500. */
    private Task task(String taskId) {
        return asProduct(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    /** Reads the engine without the caller's authorizations, for what this filter itself must know. */
    private <T> T asProduct(java.util.function.Supplier<T> read) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private TaskDoor.DoorTask doorTask(Task task) {
        return asProduct(() -> new TaskDoor.DoorTask(task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                        .getBusinessKey()));
    }

    /** Coordinators, the assignee, or a member of one of its candidate groups. */
    private boolean mayWork(Caller caller, Task task) {
        if (caller.isCoordinator() || caller.id().equals(task.getAssignee())) {
            return true;
        }
        return asProduct(() -> tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(group -> group != null && caller.groups().contains(group)));
    }

    /** {@code {"variables": {"decision": {"value": "ACCEPT", "type": "String"}}}} as {@code decision → "ACCEPT"}. */
    private Map<String, Object> values(JsonNode document) {
        Map<String, Object> values = new HashMap<>();
        if (document == null) {
            return values;
        }
        Iterator<Map.Entry<String, JsonNode>> variables = document.path("variables").fields();
        while (variables.hasNext()) {
            Map.Entry<String, JsonNode> variable = variables.next();
            JsonNode value = variable.getValue().path("value");
            values.put(variable.getKey(), value.isMissingNode() || value.isNull() ? null
                    : json.convertValue(value, Object.class));
        }
        return values;
    }

    /** A variable of type Object names a Java class the engine would instantiate on reading it back. */
    private static boolean namesJavaClass(JsonNode node) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isTextual() && "object".equals(type.asText().toLowerCase(Locale.ROOT))
                    && (node.has("value") || node.has("valueInfo"))) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (namesJavaClass(child)) {
                return true;
            }
        }
        return false;
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
        write(request, response, status, status == HttpStatus.FORBIDDEN ? "error.forbidden" : "error.invalidInput",
                List.of(new Violation(path, status.name(), message)));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String titleKey,
            List<Violation> violations) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(titleKey + ".title", null, titleKey, locale));
        String detail = violations.isEmpty() ? messages.getMessage(titleKey, null, titleKey, locale)
                : violations.stream().map(Violation::message).collect(Collectors.joining(" "));
        problem.setDetail(detail);
        // Tasklist and Cockpit show an engine error's "message"
        problem.setProperty("message", detail);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with the body this filter read, for the engine to read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The engine reads its request body blocking");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
