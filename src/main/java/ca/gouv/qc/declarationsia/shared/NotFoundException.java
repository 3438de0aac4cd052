package ca.gouv.qc.declarationsia.shared;

/** The thing asked for does not exist (answered as 404). The message key names what was looked for. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey + " " + java.util.Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
