package ca.gouv.qc.declarationsia.bench;

import ca.gouv.qc.declarationsia.support.TestInitiatives;
import java.util.ArrayList;
import java.util.List;

/** What a respondent sends: ten complete initiatives (the five carried over, five new), then the signature. */
final class Submissions {

    private Submissions() {
    }

    static String draft(String organizationCode, String respondent) {
        List<String> initiatives = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            initiatives.add(TestInitiatives.json(i <= 5 ? "IA-%s-%04d".formatted(organizationCode, i) : null,
                    "Initiative %d de %s".formatted(i, organizationCode)));
        }
        return """
                {"version": 0, "noInitiatives": false, "contact": {"name": "Répondant", "email": "%s"},
                 "initiatives": [%s]}""".formatted(respondent, String.join(",\n", initiatives));
    }

    static String signature(String respondent) {
        return """
                {"attestation": true, "signatory": {"name": "Denise Directrice", "role": "Dirigeante de l’information",
                 "email": "%s"}}""".formatted(respondent);
    }
}
