package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.SubmitForm;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Declarations made by tests through the service the pages and the API use: drafts, submissions. */
@Component
public class TestDeclarations {

    private final DeclarationService declarations;

    TestDeclarations(DeclarationService declarations) {
        this.declarations = declarations;
    }

    /** An initiative every submission rule accepts, started before the year's reference date. */
    public static DeclarationForm.InitiativeForm complete(String id, String name, int year) {
        return new DeclarationForm.InitiativeForm(id, name, "PROJET",
                "Prévoir les crues printanières à partir des relevés hydrométriques.", "AIDE_DECISION_PREDICTION", null,
                "Alertes plus tôt", "EXPLOITATION_SUIVI", (year - 2) + "-03", (year - 1) + "-01", null, true, false, true,
                "ACQUISITION_FOURNISSEUR", "Hydro-Logiciels inc.", "Crue360", "NON", "REALISEE", "AIDE_A_LA_DECISION",
                "HUMAIN_DANS_LA_BOUCLE", "FAIBLE", "Prévision des crues printanières pour alerter les municipalités.");
    }

    /** Saves these initiatives (as the body's respondent would) and submits with the attestation. */
    public void submit(int year, String organizationCode, List<DeclarationForm.InitiativeForm> initiatives) {
        String respondent = "ia." + organizationCode.toLowerCase(Locale.ROOT) + "@example.qc.ca";
        SystemAuthentication.runAsSystem(() -> {
            var draft = declarations.get(year, organizationCode);
            declarations.saveDraft(year, organizationCode, new DeclarationForm(initiatives.isEmpty(),
                    new DeclarationForm.Person("Rita Répondante", respondent), draft.version(), initiatives));
            return declarations.submit(year, organizationCode, new SubmitForm(true,
                    new SubmitForm.Signatory("Denise Directrice", "Dirigeante de l’information",
                            "dri." + organizationCode.toLowerCase(Locale.ROOT) + "@example.qc.ca")));
        });
    }
}
