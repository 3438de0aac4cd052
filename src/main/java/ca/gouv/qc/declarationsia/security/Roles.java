package ca.gouv.qc.declarationsia.security;

import java.util.List;

/**
 * The groups of interfaces.md. Each is a group of the Camunda identity service and, once logged in, an authority of
 * the user: one vocabulary for our pages, the API and the Camunda webapps.
 */
public final class Roles {

    public static final String COORDINATORS = "coordinators";
    public static final String REVIEWERS = "reviewers";
    public static final String MANAGERS = "managers";
    /** Prefix of the group of one organization's respondents: {@code org-<CODE>}. */
    public static final String ORGANIZATION_PREFIX = "org-";

    /** Ministry staff: every declaration is theirs to read. */
    public static final List<String> STAFF = List.of(COORDINATORS, REVIEWERS, MANAGERS);

    private Roles() {
    }

    public static String organizationGroup(String organizationCode) {
        return ORGANIZATION_PREFIX + organizationCode;
    }
}
