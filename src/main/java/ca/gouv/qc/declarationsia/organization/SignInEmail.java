package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.organization.OrganizationForm.ContactForm;
import ca.gouv.qc.declarationsia.security.RespondentAccounts;
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
 * A respondent's email address is its sign-in identifier: it must also be one the accounts take (64 characters at
 * most, no quoted or accented local part), or the registry would accept a respondent who can never sign in.
 */
@Documented
@Constraint(validatedBy = SignInEmail.Validator.class)
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface SignInEmail {

    String message() default "{validation.respondent.signInEmail}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SignInEmail, ContactForm> {

        @Override
        public boolean isValid(ContactForm contact, ConstraintValidatorContext context) {
            if (contact == null || contact.email() == null || contact.email().isBlank()
                    || RespondentAccounts.isSignInEmail(contact.email())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("email").addConstraintViolation();
            return false;
        }
    }
}
