package ca.gouv.qc.declarationsia.organization;

/** Category of a public body under the LGGRI. */
public enum LggriCategory {
    MINISTERE(false),
    ORGANISME_BUDGETAIRE(false),
    ORGANISME_NON_BUDGETAIRE(false),
    CENTRE_SERVICES_SCOLAIRE(true),
    CEGEP(true),
    UNIVERSITE(true),
    RESEAU_SANTE(true),
    AUTRE(false);

    private final boolean network;

    LggriCategory(boolean network) {
        this.network = network;
    }

    /** School service centres, cégeps, universities and the health network are "network" bodies in the Portrait. */
    public boolean isNetwork() {
        return network;
    }
}
