package ca.gouv.qc.declarationsia.declaration;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An initiative's value as a person reads it, in the page's language: a code by its label (« Projet », not PROJET),
 * a yes/no as Oui/Non, a month as « mars 2025 » (not 2025-03), nothing as a dash. Pages use it as
 * {@code ${@initiativeLabels.value(field, value)}}.
 */
@Component("initiativeLabels")
public class InitiativeLabels {

    private final MessageSource messages;

    InitiativeLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String value(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return "—";
        }
        if (value instanceof Boolean yes) {
            return text(yes ? "common.yes" : "common.no", value.toString());
        }
        if (value instanceof java.time.YearMonth month) {
            java.util.Locale locale = LocaleContextHolder.getLocale();
            return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                    "en".equals(locale.getLanguage()) ? java.util.Locale.CANADA : java.util.Locale.CANADA_FRENCH).format(month);
        }
        java.util.Optional<FieldCatalogue.Field> coded = FieldCatalogue.find(field).filter(FieldCatalogue.Field::coded);
        if (coded.isPresent()) {
            return text(coded.get().codeLabelKey(value.toString()), value.toString());
        }
        return value.toString();
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
