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
import java.util.regex.Pattern;

/**
 * A short single-line text such as a name: no control characters, no markup, and no leading character that a
 * spreadsheet would run as a formula (the registry and the open data are opened in spreadsheets).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** Names a respondent writes may hold "<" or ">" as text (always escaped where shown); registry names may not. */
    boolean markupAllowed() default false;

    String message() default "{validation.plainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private static final Pattern CONTROL_OR_MARKUP = Pattern.compile("[\\p{Cntrl}<>]");
        private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
        private static final String FORMULA_STARTS = "=+-@";

        private Pattern forbidden = CONTROL_OR_MARKUP;

        @Override
        public void initialize(PlainText annotation) {
            forbidden = annotation.markupAllowed() ? CONTROL : CONTROL_OR_MARKUP;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            return !forbidden.matcher(value).find() && !TextRules.hasLoneSurrogate(value)
                    && !TextRules.hasDirectionOverride(value)
                    && FORMULA_STARTS.indexOf(value.charAt(0)) < 0;
        }
    }
}
