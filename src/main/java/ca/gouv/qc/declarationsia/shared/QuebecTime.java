package ca.gouv.qc.declarationsia.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/** Campaign dates are Québec dates; inside the engine, "now" is the engine's clock, so that tests control it. */
public final class QuebecTime {

    public static final ZoneId ZONE = ZoneId.of("America/Toronto");

    private QuebecTime() {
    }

    /** Today in Québec by the engine's clock (EngineInternals.now). */
    public static LocalDate engineToday() {
        return EngineInternals.now().atZone(ZONE).toLocalDate();
    }

    public static Instant engineNow() {
        return EngineInternals.now();
    }

    /** The first instant of a date in Québec: an opening date counts whole. */
    public static Date startOf(LocalDate date) {
        return Date.from(date.atStartOfDay(ZONE).toInstant());
    }

    /** The first instant after a date, in Québec: a due or closing date counts whole. */
    public static Date endOf(LocalDate date) {
        return Date.from(date.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
