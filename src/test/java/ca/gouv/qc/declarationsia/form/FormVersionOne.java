package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The form as the field catalogue, its enums and the bundles describe it, the way version 1 must hold it: every code
 * list with its labels (categories counted as themselves in the Portrait, phases as their published status), every
 * asked field, required when {@code DeclarationRules} requires it whatever the other answers, and no extra question.
 */
final class FormVersionOne {

    /** What DeclarationRules requires of every initiative (the rest is required only with some other answer). */
    static final Set<String> REQUIRED = Set.of("name", "objectType", "description", "category", "benefits", "phase",
            "startDate", "servicesToPopulation", "cybersecurity", "generativeAi", "acquisitionMode",
            "personalInformation", "decisionRole", "humanOversight", "riskLevel", "publicDescription");

    private FormVersionOne() {
    }

    static FormDefinition fromCatalogue() {
        Properties fr = load("messages.properties");
        Properties en = load("messages_en.properties");
        Map<String, List<FormDefinition.Code>> lists = new LinkedHashMap<>();
        for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
            if (field.coded()) {
                lists.put(field.name(), field.codes().stream().map(code -> new FormDefinition.Code(code,
                        fr.getProperty(field.codeLabelKey(code)), en.getProperty(field.codeLabelKey(code)), null,
                        portrait(field.name(), code))).toList());
            }
        }
        Map<String, FormDefinition.FieldRule> fields = new LinkedHashMap<>();
        FieldCatalogue.asked().forEach(field -> fields.put(field.name(),
                new FormDefinition.FieldRule(true, REQUIRED.contains(field.name()))));
        return new FormDefinition(1, null, lists, fields, List.of());
    }

    private static String portrait(String list, String code) {
        if ("category".equals(list)) {
            return code;
        }
        if ("phase".equals(list)) {
            Phase phase = Phase.valueOf(code);
            return phase.publishedStatus() == null ? FormDefinition.NOT_PUBLISHED : phase.publishedStatus().name();
        }
        return null;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = FormVersionOne.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
