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
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A code of the declaration model (e.g. an LGGRI category). Codes travel as strings so that an unknown code is
 * reported like any other field error, naming the field and the allowed codes, instead of failing the whole request.
 * Empty means not answered yet (a draft); whether it is required is another rule's business.
 */
@Documented
@Constraint(validatedBy = EnumCode.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumCode {

    Class<? extends Enum<?>> value();

    String message() default "{validation.code.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EnumCode, String> {

        private String[] codes;

        @Override
        public void initialize(EnumCode annotation) {
            codes = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || Arrays.asList(codes).contains(value)) {
                return true;
            }
            context.unwrap(org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext.class)
                    .addMessageParameter("allowed", Arrays.stream(codes).collect(Collectors.joining(", ")));
            return false;
        }
    }
}
