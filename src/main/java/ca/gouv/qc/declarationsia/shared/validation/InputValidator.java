package ca.gouv.qc.declarationsia.shared.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs Bean Validation and turns each failure into a {@link Violation} whose message names the field in the
 * user's language ("Nom (français) : ne doit pas être vide").
 */
@Component
public class InputValidator {

    private final Validator validator;
    private final MessageSource messages;

    public InputValidator(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    public List<Violation> validate(Object input) {
        return validator.validate(input).stream()
                .map(this::toViolation)
                .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::code))
                .toList();
    }

    /** A violation found by a rule outside Bean Validation; {@code messageKey} is looked up in the bundles. */
    public Violation violation(String path, String code, String messageKey, Object... arguments) {
        String message = messages.getMessage(messageKey, arguments, messageKey, LocaleContextHolder.getLocale());
        return new Violation(path, code, withFieldLabel(path, message));
    }

    public void requireValid(Object input) {
        List<Violation> violations = validate(input);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private Violation toViolation(ConstraintViolation<?> failure) {
        String path = failure.getPropertyPath().toString().replace("<list element>", "");
        String code = failure.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Violation(path, code, withFieldLabel(path, failure.getMessage()));
    }

    private String withFieldLabel(String path, String message) {
        String key = "field." + path.replaceAll("\\[\\d+]", "");
        String label = messages.getMessage(key, null, path, LocaleContextHolder.getLocale());
        return messages.getMessage("validation.format", new Object[] {label, message},
                label + " : " + message, LocaleContextHolder.getLocale());
    }
}
