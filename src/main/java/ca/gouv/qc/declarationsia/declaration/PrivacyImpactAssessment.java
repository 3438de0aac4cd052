package ca.gouv.qc.declarationsia.declaration;

/** State of the privacy impact assessment (EFVP). */
public enum PrivacyImpactAssessment {
    REALISEE,
    EN_COURS,
    PLANIFIEE,
    NON_REALISEE,
    SANS_OBJET
}
