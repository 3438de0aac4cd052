package ca.gouv.qc.declarationsia.review;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationHistory;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.declaration.FieldCatalogue;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a reviewer needs beside the declaration: for each initiative and field (the catalogue's, in its order), its
 * value in the previous submission and in last year's declaration, when they differ.
 */
@Component
class ReviewComparison {

    /** One field of one initiative: its value now, and the earlier values that differ (null when the same). */
    record Line(String field, String labelKey, Object now, Object previousSubmission, Object lastYear, boolean changedSinceSubmission,
            boolean changedSinceLastYear) {
    }

    record InitiativeLines(InitiativeSnapshot initiative, boolean newThisYear, List<Line> lines) {
    }

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final DeclarationHistory history;
    private final ObjectMapper json;
    private final DeclarationService declarations;

    ReviewComparison(DeclarationHistory history, ObjectMapper json, DeclarationService declarations) {
        this.history = history;
        this.json = json;
        this.declarations = declarations;
    }

    List<InitiativeLines> compare(Declaration declaration) {
        Map<String, Map<String, Object>> previous = byId(previousSubmission(declaration.id()));
        Map<String, Map<String, Object>> lastYear = byId(lastYear(declaration));
        List<InitiativeLines> result = new ArrayList<>();
        for (InitiativeSnapshot initiative : declaration.initiatives()) {
            Map<String, Object> now = asMap(initiative);
            Map<String, Object> before = previous.get(initiative.initiativeId());
            Map<String, Object> year = lastYear.get(initiative.initiativeId());
            List<Line> lines = new ArrayList<>();
            for (FieldCatalogue.Field field : FieldCatalogue.initiative()) {
                if (field.type() == FieldCatalogue.Type.ID) {
                    continue; // the initiative's heading
                }
                Object value = now.get(field.name());
                Object submitted = before == null ? null : before.get(field.name());
                Object declared = year == null ? null : year.get(field.name());
                lines.add(new Line(field.name(), field.labelKey(), value, submitted, declared,
                        before != null && !Objects.equals(submitted, value), year != null && !Objects.equals(declared, value)));
            }
            result.add(new InitiativeLines(initiative, year == null, lines));
        }
        return result;
    }

    private List<Map<String, Object>> previousSubmission(long declarationId) {
        return history.initiativesSubmittedBeforeLatest(declarationId).map(this::parse).orElse(List.of());
    }

    /** Last year's declaration of the same organization, if it had one. */
    private List<Map<String, Object>> lastYear(Declaration declaration) {
        return declarations.previousYearOf(declaration)
                .map(previous -> previous.initiatives().stream().map(this::asMap).toList())
                .orElse(List.of());
    }

    private Map<String, Object> asMap(InitiativeSnapshot initiative) {
        return json.convertValue(initiative, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private List<Map<String, Object>> parse(String text) {
        try {
            return json.readValue(text, ROWS);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable submission copy", e);
        }
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> String.valueOf(row.get("initiativeId")), Function.identity(),
                (a, b) -> a));
    }
}
