package ca.gouv.qc.declarationsia.shared.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ca.gouv.qc.declarationsia.shared.Dates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

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
        java.util.Locale locale = LocaleContextHolder.getLocale();
        Object[] shown = java.util.Arrays.stream(arguments)
                .map(argument -> shown(argument, locale))
                .toArray();
        String message = messages.getMessage(messageKey, shown, messageKey, locale);
        return new Violation(path, code, withFieldLabel(path, message));
    }

    /**
     * The same, for a place whose label the caller knows better than the bundle's {@code field.<path>} (a code of a
     * list named in the input, a question by its number).
     */
    public Violation labelledViolation(String path, String label, String code, String messageKey,
            Object... arguments) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        Object[] shown = java.util.Arrays.stream(arguments)
                .map(argument -> shown(argument, locale))
                .toArray();
        String message = messages.getMessage(messageKey, shown, messageKey, locale);
        return new Violation(path, code, messages.getMessage("validation.format", new Object[] {label, message},
                label + " : " + message, locale));
    }

    /** A request parameter refused ({@code ?page=x}), labelled as the page names it. */
    public Violation parameterViolation(String name, String code, String messageKey) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        String label = messages.getMessage("param." + name, null,
                messages.getMessage("field." + name, null, name, locale), locale);
        String message = messages.getMessage(messageKey, null, messageKey, locale);
        return new Violation(name, code, messages.getMessage("validation.format", new Object[] {label, message},
                label + " : " + message, locale));
    }

    /** A date as people write it; a code by its label ({@code DeclarationStatus.EN_REVISION} → « En révision »). */
    private Object shown(Object argument, java.util.Locale locale) {
        if (argument instanceof java.time.LocalDate date) {
            return Dates.date(date, locale);
        }
        if (argument instanceof Enum<?> code) {
            String type = code.getDeclaringClass().getSimpleName();
            String key = Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + code.name();
            return messages.getMessage(key, null, code.name(), locale);
        }
        return argument;
    }

    /**
     * What a page form's binding refused ({@code @Valid} + {@code BindingResult}), as {@link #validate} says it: a
     * value that could not be read is a format error, and only that is said of its field; a Bean Validation failure
     * reads as it does from the API.
     */
    public List<Violation> violations(BindingResult binding) {
        Set<String> unreadable = binding.getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .map(error -> unindexed(error.getField())).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Violation> violations = new ArrayList<>();
        unreadable.forEach(field -> violations.add(violation(field, "Format", "validation.format.invalid")));
        binding.getFieldErrors().stream()
                .filter(error -> !error.isBindingFailure() && !unreadable.contains(unindexed(error.getField())))
                .filter(error -> error.contains(ConstraintViolation.class))
                .map(error -> toViolation(error.unwrap(ConstraintViolation.class)))
                .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::code))
                .forEach(violations::add);
        return violations;
    }

    private static String unindexed(String path) {
        return path.replaceAll("\\[\\d+]", "");
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
