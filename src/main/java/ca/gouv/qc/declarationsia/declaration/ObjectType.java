package ca.gouv.qc.declarationsia.declaration;

/** What is declared: an information asset, a project or another initiative. */
public enum ObjectType {
    ACTIF_INFORMATIONNEL,
    PROJET,
    AUTRE_INITIATIVE
}
