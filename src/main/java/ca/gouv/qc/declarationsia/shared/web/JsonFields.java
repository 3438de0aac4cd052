package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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
