package ca.gouv.qc.declarationsia.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the registry needs to know of a body's declarations to check a succession, answered by the declaration
 * capability (which owns them): the registry never reads declarations' tables.
 */
public interface DeclaredInitiatives {

    /** The campaign year of the body's last accepted declaration, if any. */
    OptionalInt lastAcceptedYear(String organizationCode);

    /** The ids of the initiatives still active (not retired) in the body's last declaration. */
    List<String> active(String organizationCode);

    /** An initiative still active at a body, with its name: what a split's page lists. */
    record ActiveInitiative(String id, String name) {
    }

    /** The same initiatives with their names, in their declaration's order. */
    List<ActiveInitiative> activeNamed(String organizationCode);

    /**
     * The body's declaration of the open campaign, when a succession of this effective date counts for that campaign
     * (its opening on or after the date): where it stands, the initiatives its carry-over now asks that it does not
     * hold (the predecessors', once the succession is recorded), and which of these predecessors have a declaration
     * of their own that year.
     */
    record OpenDeclaration(int campaignYear, LocalDate openingDate, Enum<?> status, boolean editable,
            List<String> missing, List<String> declaringThemselves) {
    }

    Optional<OpenDeclaration> openDeclaration(String organizationCode, LocalDate effectiveDate, List<String> predecessors);

    /** The missing initiatives come into the body's open draft; their ids. */
    List<String> takeOver(String organizationCode, int campaignYear);
}
