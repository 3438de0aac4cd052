package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Where in a JSON body Jackson stopped, as our violations name fields ({@code initiatives[2].phase}). */
final class JsonFields {

    private JsonFields() {
    }

    static Violation violation(JsonMappingException failure, InputValidator validator) {
        String path = path(failure);
        if (failure instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return validator.violation(path, "InvalidCharacter", "validation.parameter.characters");
        }
        Class<?> expected = failure instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : failure.getCause() instanceof InputCoercionException overflow ? overflow.getTargetType() : null;
        return validator.violation(path, "TypeMismatch", TypeNames.messageKey(expected));
    }

    /**
     * A key found twice in one object ({@code STRICT_DUPLICATE_DETECTION}), wherever Jackson stopped: at the key, as
     * {@code codeLists.category}; null when the failure is not that.
     */
    static Violation duplicateKey(Throwable failure, InputValidator validator) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '") && read.getProcessor() != null) {
                JsonStreamContext context = read.getProcessor().getParsingContext();
                String key = context == null ? null : context.getCurrentName();
                StringBuilder path = new StringBuilder();
                for (String step : context == null ? new String[0]
                        : context.pathAsPointer().toString().substring(1).split("/")) {
                    String name = step.replace("~1", "/").replace("~0", "~");
                    if (name.matches("[0-9]{1,9}") && !path.isEmpty()) {
                        path.append('[').append(name).append(']');
                    } else if (!name.isEmpty()) {
                        path.append(path.isEmpty() ? "" : ".").append(name);
                    }
                }
                return validator.violation(path.isEmpty() ? "body" : path.toString(), "Duplicate",
                        "validation.json.duplicateKey", key);
            }
        }
        return null;
    }

    static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
