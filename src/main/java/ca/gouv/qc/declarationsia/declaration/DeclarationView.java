package ca.gouv.qc.declarationsia.declaration;

import java.time.Instant;
import java.util.List;

/** A declaration as the API shows it to its organization and to ministry staff. */
public record DeclarationView(
        int campaignYear,
        String organizationCode,
        DeclarationStatus status,
        boolean noInitiatives,
        Declaration.Person contact,
        Declaration.Signatory signatory,
        Instant submittedAt,
        boolean late,
        int correctionRound,
        int version,
        List<InitiativeSnapshot> initiatives) {

    static DeclarationView of(Declaration declaration) {
        return new DeclarationView(declaration.campaignYear(), declaration.organizationCode(), declaration.status(),
                declaration.noInitiatives(), declaration.contact(), declaration.signatory(), declaration.submittedAt(),
                declaration.late(), declaration.correctionRound(), declaration.version(), declaration.initiatives());
    }
}
