package ca.gouv.qc.declarationsia.declaration;

/** Human oversight; fully automated if and only if the decision role is exclusively automated. */
public enum HumanOversight {
    HUMAIN_DANS_LA_BOUCLE,
    HUMAIN_SUR_LA_BOUCLE,
    HUMAIN_AUX_COMMANDES,
    DECISION_AUTOMATISEE_SANS_INTERVENTION
}
