package ca.gouv.qc.declarationsia.declaration;

/** Only with category TRAITEMENT_IMAGE. */
public enum Subcategory {
    IMAGERIE_MEDICALE
}
