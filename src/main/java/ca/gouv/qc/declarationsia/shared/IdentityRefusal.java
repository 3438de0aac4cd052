package ca.gouv.qc.declarationsia.shared;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;

/**
 * An identity write the caller got wrong (a user, group or tenant that exists, a membership already made, a
 * membership of a user or group that does not exist): refused before any row is written. A
 * {@link BadUserRequestException}, so the engine logs it as such (no stack trace) and its REST API answers a 4xx;
 * ours says it as {@link #status()} ({@code security.EngineRestProblems}).
 */
public class IdentityRefusal extends BadUserRequestException {

    private final transient HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    IdentityRefusal(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    static IdentityRefusal conflict(String messageKey, Object... arguments) {
        return new IdentityRefusal(HttpStatus.CONFLICT, messageKey, arguments);
    }

    static IdentityRefusal notFound(String messageKey, Object... arguments) {
        return new IdentityRefusal(HttpStatus.NOT_FOUND, messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
