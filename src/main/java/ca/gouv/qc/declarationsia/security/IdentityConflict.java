package ca.gouv.qc.declarationsia.security;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A write the identity store already holds (a user, group or tenant that exists, a membership already made): the
 * caller's mistake, refused before any row is written. A {@link BadUserRequestException}, so the engine logs it as
 * such (no stack trace) and its REST API answers a 4xx; ours says it as a 409 ({@link EngineRestProblems}).
 *
 * @param messageKey what to say, with {@code arguments}
 */
public class IdentityConflict extends BadUserRequestException {

    private final String messageKey;
    private final transient Object[] arguments;

    IdentityConflict(String messageKey, Object... arguments) {
        super(messageKey + " " + String.join(", ", java.util.Arrays.stream(arguments).map(String::valueOf).toList()));
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
