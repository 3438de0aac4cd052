package ca.gouv.qc.declarationsia.declaration;

import java.util.LinkedHashMap;
import java.util.Map;

/** The code lists of an initiative's fields, in the model's order: what the page's selects and the CSV's codes offer. */
public final class InitiativeCodes {

    public static final Map<String, Enum<?>[]> BY_FIELD = byField();

    private InitiativeCodes() {
    }

    /** Whether a field of an initiative takes a code (its label then comes from the bundle key {@code field.CODE}). */
    public static boolean isCoded(String field) {
        return BY_FIELD.containsKey(field);
    }

    private static Map<String, Enum<?>[]> byField() {
        Map<String, Enum<?>[]> codes = new LinkedHashMap<>();
        codes.put("objectType", ObjectType.values());
        codes.put("category", Category.values());
        codes.put("subcategory", Subcategory.values());
        codes.put("phase", Phase.values());
        codes.put("acquisitionMode", AcquisitionMode.values());
        codes.put("personalInformation", PersonalInformation.values());
        codes.put("privacyImpactAssessment", PrivacyImpactAssessment.values());
        codes.put("decisionRole", DecisionRole.values());
        codes.put("humanOversight", HumanOversight.values());
        codes.put("riskLevel", RiskLevel.values());
        return java.util.Collections.unmodifiableMap(codes);
    }
}
