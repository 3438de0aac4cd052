package ca.gouv.qc.declarationsia.bench;

import java.util.ArrayList;
import java.util.List;

/** What a respondent sends: ten complete initiatives (the five carried over, five new), then the signature. */
final class Submissions {

    private Submissions() {
    }

    static String draft(String organizationCode, String respondent) {
        List<String> initiatives = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String id = i <= 5 ? "\"id\": \"IA-%s-%04d\", ".formatted(organizationCode, i) : "";
            initiatives.add("""
                    {%s"name": "Initiative %d de %s", "objectType": "ACTIF_INFORMATIONNEL",
                     "description": "Un agent conversationnel répond aux questions des citoyens sur les permis.",
                     "category": "ASSISTANT_AGENT_CONVERSATIONNEL", "benefits": "Réponses en tout temps",
                     "phase": "EXPLOITATION_SUIVI", "startDate": "2023-04", "productionDate": "2024-01",
                     "servicesToPopulation": true, "cybersecurity": false, "generativeAi": true,
                     "acquisitionMode": "SOLUTION_INFONUAGIQUE_COMMERCIALE", "supplierName": "Fournisseur inc.",
                     "productName": "Produit X", "personalInformation": "NON", "privacyImpactAssessment": "REALISEE",
                     "decisionRole": "SOUTIEN_OPERATIONNEL", "humanOversight": "HUMAIN_SUR_LA_BOUCLE", "riskLevel": "MODERE",
                     "publicDescription": "Un agent répond aux questions sur les permis."}""".formatted(id, i, organizationCode));
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
