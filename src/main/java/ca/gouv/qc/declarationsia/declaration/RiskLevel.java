package ca.gouv.qc.declarationsia.declaration;

/** Assessed risk; NON_EVALUE only in the first two phases. */
public enum RiskLevel {
    FAIBLE,
    MODERE,
    ELEVE,
    TRES_ELEVE,
    NON_EVALUE
}
