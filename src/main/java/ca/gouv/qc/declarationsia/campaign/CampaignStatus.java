package ca.gouv.qc.declarationsia.campaign;

/** PLANIFIEE → OUVERTE → FERMEE → PUBLIEE, never skipping a step. */
public enum CampaignStatus {
    PLANIFIEE,
    OUVERTE,
    FERMEE,
    PUBLIEE;

    public boolean canMoveTo(CampaignStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
