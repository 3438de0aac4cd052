package ca.gouv.qc.declarationsia.organization;

import java.util.List;
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
}
