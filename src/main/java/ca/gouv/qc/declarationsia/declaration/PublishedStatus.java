package ca.gouv.qc.declarationsia.declaration;

/** Status shown in the Portrait; INFORMATION_INDISPONIBLE is set only by a ministry reviewer. */
public enum PublishedStatus {
    SOLUTION_EN_PRODUCTION,
    DEVELOPPEMENT_SOLUTION,
    INFORMATION_INDISPONIBLE
}
