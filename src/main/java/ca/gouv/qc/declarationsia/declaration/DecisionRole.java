package ca.gouv.qc.declarationsia.declaration;

/** Role of the system in decisions. */
public enum DecisionRole {
    AUCUNE_DECISION,
    SOUTIEN_OPERATIONNEL,
    AIDE_A_LA_DECISION,
    DECISION_ASSISTEE,
    DECISION_EXCLUSIVEMENT_AUTOMATISEE
}
