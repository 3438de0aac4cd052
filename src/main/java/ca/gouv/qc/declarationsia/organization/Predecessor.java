package ca.gouv.qc.declarationsia.organization;

import java.time.LocalDate;
import java.util.Set;

/**
 * A body whose initiatives another one carries on from {@code effectiveDate}; {@code initiatives} are the ones that
 * came to it in a split, empty for every other kind of succession (all of them).
 */
public record Predecessor(String code, String name, SuccessionKind kind, LocalDate effectiveDate, Set<String> initiatives) {

    public boolean carries(String initiativeId) {
        return kind != SuccessionKind.SCISSION || initiatives.contains(initiativeId);
    }
}
