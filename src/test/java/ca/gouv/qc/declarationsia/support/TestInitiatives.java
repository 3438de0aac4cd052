package ca.gouv.qc.declarationsia.support;

/** An initiative as the API takes it, complete enough to be submitted (every rule of declaration-model.md met). */
public final class TestInitiatives {

    private TestInitiatives() {
    }

    /** @param id the id given by the system, or null for a new initiative */
    public static String json(String id, String name) {
        return """
                {%s"name": "%s", "objectType": "ACTIF_INFORMATIONNEL",
                 "description": "Un agent conversationnel répond aux questions sur les permis de chasse.",
                 "category": "ASSISTANT_AGENT_CONVERSATIONNEL", "benefits": "Réponses en tout temps",
                 "phase": "EXPLOITATION_SUIVI", "startDate": "2023-04", "productionDate": "2024-01",
                 "servicesToPopulation": true, "cybersecurity": false, "generativeAi": true,
                 "acquisitionMode": "SOLUTION_INFONUAGIQUE_COMMERCIALE", "supplierName": "Fournisseur inc.",
                 "productName": "Produit X", "personalInformation": "NON", "privacyImpactAssessment": "REALISEE",
                 "decisionRole": "SOUTIEN_OPERATIONNEL", "humanOversight": "HUMAIN_SUR_LA_BOUCLE", "riskLevel": "MODERE",
                 "publicDescription": "Un agent répond aux questions sur les permis."}""".formatted(
                id == null ? "" : "\"id\": \"" + id + "\", ", name);
    }
}
