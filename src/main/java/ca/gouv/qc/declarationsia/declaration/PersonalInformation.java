package ca.gouv.qc.declarationsia.declaration;

/** Does the initiative use personal information? INCONNU is not allowed in production. */
public enum PersonalInformation {
    OUI,
    NON,
    INCONNU
}
