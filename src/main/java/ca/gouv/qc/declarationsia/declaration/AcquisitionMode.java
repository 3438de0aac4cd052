package ca.gouv.qc.declarationsia.declaration;

/** How the organization obtained the solution. */
public enum AcquisitionMode {
    DEVELOPPEMENT_INTERNE,
    ACQUISITION_FOURNISSEUR,
    MIXTE,
    SOLUTION_GOUVERNEMENTALE_PARTAGEE,
    SOLUTION_INFONUAGIQUE_COMMERCIALE
}
