package ca.gouv.qc.declarationsia.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as Québec writes them in each language: « 1er décembre 2026 à 13 h 31 », "December 1, 2026, 1:31 p.m.", in
 * Québec's time zone. Pages use it as {@code ${@dates.date(…)}} and {@code ${@dates.dateTime(…)}}, in the page's
 * language; mail and messages pass their own locale.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter TIME_FR = DateTimeFormatter.ofPattern("H 'h' mm", Locale.CANADA_FRENCH);

    public String date(LocalDate date) {
        return date == null ? "" : date(date, LocaleContextHolder.getLocale());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime(instant, LocaleContextHolder.getLocale());
    }

    public static String date(LocalDate date, Locale locale) {
        if (!isEnglish(locale)) {
            String day = date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth());
            return day + " " + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.CANADA_FRENCH).format(date);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.CANADA).format(date);
    }

    public static String dateTime(Instant instant, Locale locale) {
        ZonedDateTime local = instant.atZone(QuebecTime.ZONE);
        if (!isEnglish(locale)) {
            return date(local.toLocalDate(), locale) + " à " + TIME_FR.format(local);
        }
        return date(local.toLocalDate(), locale) + ", "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.CANADA).format(local);
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
