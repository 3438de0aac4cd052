package ca.gouv.qc.declarationsia.bench;

import ca.gouv.qc.declarationsia.support.TestInitiatives;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a respondent sends: complete initiatives (the five carried over, the others new), then the signature. */
final class Submissions {

    private Submissions() {
    }

    /** The ids of a first save: the five carried over from last year, then new ones (no id yet). */
    static List<String> firstSave(String organizationCode, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(i <= 5 ? "IA-%s-%04d".formatted(organizationCode, i) : null);
        }
        return ids;
    }

    /** One initiative per id (null: a new one), through the API. */
    static String draft(String organizationCode, String respondent, List<String> ids, int version) {
        List<String> initiatives = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            initiatives.add(TestInitiatives.json(ids.get(i), name(organizationCode, i)));
        }
        return """
                {"version": %d, "noInitiatives": false, "contact": {"name": "Répondant", "email": "%s"},
                 "initiatives": [%s]}""".formatted(version, respondent, String.join(",\n", initiatives));
    }

    /** The same as the declaration page posts it when its respondent clicks "Enregistrer le brouillon". */
    static String pageForm(String organizationCode, String respondent, List<String> ids, int version) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", "save");
        fields.put("version", String.valueOf(version));
        fields.put("_noInitiatives", "on");
        fields.put("contactName", "Répondant");
        fields.put("contactEmail", respondent);
        for (int i = 0; i < ids.size(); i++) {
            String prefix = "initiatives[" + i + "].";
            fields.put(prefix + "id", ids.get(i) == null ? "" : ids.get(i));
            fields.put(prefix + "name", name(organizationCode, i));
            fields.put(prefix + "objectType", "ACTIF_INFORMATIONNEL");
            fields.put(prefix + "description", "Un agent conversationnel répond aux questions sur les permis de chasse.");
            fields.put(prefix + "category", "ASSISTANT_AGENT_CONVERSATIONNEL");
            fields.put(prefix + "subcategory", "");
            fields.put(prefix + "benefits", "Réponses en tout temps");
            fields.put(prefix + "phase", "EXPLOITATION_SUIVI");
            fields.put(prefix + "startDate", "2023-04");
            fields.put(prefix + "productionDate", "2024-01");
            fields.put(prefix + "retirementDate", "");
            fields.put(prefix + "servicesToPopulation", "true");
            fields.put(prefix + "cybersecurity", "false");
            fields.put(prefix + "generativeAi", "true");
            fields.put(prefix + "acquisitionMode", "SOLUTION_INFONUAGIQUE_COMMERCIALE");
            fields.put(prefix + "supplierName", "Fournisseur inc.");
            fields.put(prefix + "productName", "Produit X");
            fields.put(prefix + "personalInformation", "NON");
            fields.put(prefix + "privacyImpactAssessment", "REALISEE");
            fields.put(prefix + "decisionRole", "SOUTIEN_OPERATIONNEL");
            fields.put(prefix + "humanOversight", "HUMAIN_SUR_LA_BOUCLE");
            fields.put(prefix + "riskLevel", "MODERE");
            fields.put(prefix + "publicDescription", "Un agent répond aux questions sur les permis.");
        }
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String name(String organizationCode, int index) {
        return "Initiative %d de %s".formatted(index + 1, organizationCode);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String signature(String respondent) {
        return """
                {"attestation": true, "signatory": {"name": "Denise Directrice", "role": "Dirigeante de l’information",
                 "email": "%s"}}""".formatted(respondent);
    }
}
