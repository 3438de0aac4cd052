package ca.gouv.qc.declarationsia.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A paragraph a person writes (a description, benefits): line breaks and tabs allowed, other control characters
 * and lone surrogates not.
 * Markup is kept as text and escaped wherever it is shown.
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default "{validation.freeText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || !TextRules.hasControlBesideLineBreaks(value) && !TextRules.hasLoneSurrogate(value)
                    && !TextRules.hasDirectionOverride(value);
        }
    }
}
