package ca.gouv.qc.declarationsia.history;

import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The histories' sentences, in the reader's language: dates as Québec writes them, codes by their labels. */
@Component
class Wording {

    private final MessageSource messages;

    Wording(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] shown = Arrays.stream(arguments).map(argument -> shown(argument, locale)).toArray();
        return messages.getMessage(key, shown, key, locale);
    }

    /** A code's label ({@code declarationStatus.SOUMISE} → « Soumise »), the code itself if it has none. */
    String label(String prefix, Object code) {
        return code == null ? "" : messages.getMessage(prefix + "." + code, null, String.valueOf(code),
                LocaleContextHolder.getLocale());
    }

    /** A field of the declaration or of an initiative by its label (the field catalogue's), the name if unknown. */
    String field(String name) {
        return FieldCatalogue.find(name).map(field -> messages.getMessage(field.labelKey(), null, name,
                LocaleContextHolder.getLocale())).orElse(name);
    }

    /** An engine step by its label here, else by its name in the model. */
    String step(String activityId, String modelName) {
        return messages.getMessage("history.activity." + activityId, null, modelName == null ? activityId : modelName,
                LocaleContextHolder.getLocale());
    }

    /** An engine milestone as a sentence ("Date de clôture atteinte : campagne fermée"), else the step's name. */
    String reached(String activityId, String modelName) {
        return messages.getMessage("history.reached." + activityId, null, step(activityId, modelName),
                LocaleContextHolder.getLocale());
    }

    /** A step still waiting, as a sentence ("En attente de la date d'ouverture"). */
    String waiting(String activityId, String name) {
        return messages.getMessage("history.waiting." + activityId, null, text("history.step.waiting", name),
                LocaleContextHolder.getLocale());
    }

    /** Who did it: the user's id, or "the system" for an automatic step. */
    String who(String actor) {
        return actor == null || actor.isBlank() || SystemAuthentication.SYSTEM_USER.equals(actor)
                ? text("history.actor.system") : actor;
    }

    private static Object shown(Object argument, Locale locale) {
        if (argument instanceof LocalDate date) {
            return Dates.date(date, locale);
        }
        if (argument instanceof Instant instant) {
            return Dates.dateTime(instant, locale);
        }
        return argument == null ? "" : argument;
    }
}
