package ca.gouv.qc.declarationsia.declaration;

/** Life-cycle phase of an initiative; it determines the status published in the Portrait. */
public enum Phase {
    EXPLORATION(PublishedStatus.DEVELOPPEMENT_SOLUTION),
    PLANIFICATION_CONCEPTION(PublishedStatus.DEVELOPPEMENT_SOLUTION),
    COLLECTE_TRAITEMENT_DONNEES(PublishedStatus.DEVELOPPEMENT_SOLUTION),
    CONSTRUCTION_ADAPTATION_MODELE(PublishedStatus.DEVELOPPEMENT_SOLUTION),
    TEST_VALIDATION(PublishedStatus.DEVELOPPEMENT_SOLUTION),
    MISE_A_DISPOSITION(PublishedStatus.SOLUTION_EN_PRODUCTION),
    EXPLOITATION_SUIVI(PublishedStatus.SOLUTION_EN_PRODUCTION),
    /** Declared once when retired, then never published again. */
    MISE_HORS_SERVICE(null);

    private final PublishedStatus publishedStatus;

    Phase(PublishedStatus publishedStatus) {
        this.publishedStatus = publishedStatus;
    }

    /** The Portrait status of this phase, or {@code null} for a retired initiative (not published). */
    public PublishedStatus publishedStatus() {
        return publishedStatus;
    }

    public boolean isProduction() {
        return publishedStatus == PublishedStatus.SOLUTION_EN_PRODUCTION;
    }
}
