package ca.gouv.qc.declarationsia.support;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.valid;
import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.declaration.Phase;
import ca.gouv.qc.declarationsia.declaration.SubmitForm;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Declarations made by tests through the service the pages and the API use: drafts, submissions. */
@Component
public class TestDeclarations {

    private final DeclarationService declarations;
    private final DeclarationRepository stored;
    private final InitiativeIds initiativeIds;
    private final TransactionTemplate transactions;

    TestDeclarations(DeclarationService declarations, DeclarationRepository stored, InitiativeIds initiativeIds,
            PlatformTransactionManager transactions) {
        this.declarations = declarations;
        this.stored = stored;
        this.initiativeIds = initiativeIds;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * A past year's accepted declaration of {@code active} initiatives, and one more retired if asked, stored as it
     * would stand (no process): returns the initiatives' ids.
     */
    public List<String> accepted(int year, String code, int active, boolean withRetired) {
        return accepted(stored, initiativeIds, transactions, year, code, active, withRetired);
    }

    /** The same, for a test of the database layer, which has the repository and the ids but not this component. */
    public static List<String> accepted(DeclarationRepository stored, InitiativeIds initiativeIds,
            TransactionTemplate transactions, int year, String code, int active, boolean withRetired) {
        List<String> ids = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            List<InitiativeSnapshot> snapshots = new ArrayList<>();
            for (int i = 0; i < active + (withRetired ? 1 : 0); i++) {
                String id = initiativeIds.next(code);
                ids.add(id);
                InitiativeSnapshot snapshot = with(with(valid(), "initiativeId", id), "name", "Initiative " + i + " " + code);
                snapshots.add(i < active ? snapshot : with(snapshot, "phase", Phase.MISE_HORS_SERVICE));
            }
            stored.save(new Declaration(null, year, code, "FINANCES", false, DeclarationStatus.ACCEPTEE, false,
                    null, new Declaration.Person("Rita", "ia@example.qc.ca"), true,
                    new Declaration.Signatory("D", "DPI", "d@example.qc.ca"), Instant.parse(year + "-10-15T12:00:00Z"),
                    false, null, 0, null, snapshots, null));
        });
        return ids;
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
