package ca.gouv.qc.declarationsia.security;

import ca.gouv.qc.declarationsia.shared.web.WebappPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the engine's writes a request is, on either door ({@code /engine-rest/...}, Tasklist's
 * {@code /camunda/api/engine/engine/{name}/...}, wherever {@link WebappPath} puts it). Only what Camunda's authorizations cannot say is listed here:
 * completing a task (Camunda lets whoever may work it complete it with any variables: its capability's
 * {@link TaskDoor} decides), a task's comments and attachments (Camunda checks nothing for them), variables
 * (TASK_WORK would let a candidate rewrite them), jobs (a job of no process has no authorization to check),
 * binary variable content (its type could name a Java class) and the password check (open to any user: a way
 * around the sign-in's throttle). Creating a task, reading, and everything else is Camunda's authorizations' to refuse.
 */
final class EngineRoutes {

    private static final Pattern TASK_COMPLETION =
            Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve|bpmnError|bpmnEscalation)/?$");
    private static final Pattern TASK_NOTE = Pattern.compile("^/task/([^/]+)/(comment|attachment)(/.*)?$");
    private static final Pattern VARIABLE_DATA = Pattern.compile("^/.+/(variables|localVariables)/[^/]+/data/?$");
    private static final Pattern VARIABLE_WRITE = Pattern.compile(
            "^/(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables|modification)(/.*)?$");
    private static final Pattern JOB_WRITE = Pattern.compile("^/(job|job-definition)(/.*)?$");
    private static final Pattern PASSWORD_CHECK = Pattern.compile("^/identity/verify/?$");

    enum Kind { TASK_COMPLETION, TASK_NOTE, VARIABLE_DATA, VARIABLE_WRITE, JOB_WRITE, PASSWORD_CHECK, OTHER }

    /** @param taskId the task's id, for a completion or a note */
    record Write(Kind kind, String taskId) {
    }

    private final Pattern engine;

    EngineRoutes(WebappPath webapp) {
        this.engine = Pattern.compile("^(?:/engine-rest|" + Pattern.quote(webapp.path()) + "/api/engine/engine/[^/]+)(/.*)$");
    }

    /** The engine's own path ({@code /task/1/complete}), or null when the request is for neither door. */
    String engineRoute(String path) {
        Matcher engine = this.engine.matcher(path);
        return engine.matches() ? engine.group(1) : null;
    }

    static Write classify(String route) {
        if (VARIABLE_DATA.matcher(route).matches()) {
            return new Write(Kind.VARIABLE_DATA, null);
        }
        if (PASSWORD_CHECK.matcher(route).matches()) {
            return new Write(Kind.PASSWORD_CHECK, null);
        }
        Matcher completion = TASK_COMPLETION.matcher(route);
        if (completion.matches()) {
            return new Write(Kind.TASK_COMPLETION, completion.group(1));
        }
        if (VARIABLE_WRITE.matcher(route).matches()) {
            return new Write(Kind.VARIABLE_WRITE, null);
        }
        if (JOB_WRITE.matcher(route).matches()) {
            return new Write(Kind.JOB_WRITE, null);
        }
        Matcher note = TASK_NOTE.matcher(route);
        if (note.matches()) {
            return new Write(Kind.TASK_NOTE, note.group(1));
        }
        return new Write(Kind.OTHER, null);
    }
}
