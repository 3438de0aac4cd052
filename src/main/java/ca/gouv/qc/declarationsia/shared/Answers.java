package ca.gouv.qc.declarationsia.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An initiative's answers to the extra questions of a form version, by question id: a yes/no as a boolean, a choice as
 * its code, several choices as a list of codes, texts and months as text. Shown and taken by the API as a plain JSON
 * object; stored as one json column (see JdbcConfiguration).
 */
@Schema(name = "Answers", type = "object",
        description = "Réponses aux questions de la version du formulaire, par identifiant de question / Answers to the "
                + "form version's questions by question id: a yes/no as a boolean, a choice as its code, several "
                + "choices as a list of codes, texts and months (YYYY-MM) as text",
        example = "{\"guidanceFollowed\": true, \"publicInformationPage\": \"https://www.quebec.ca/ia\"}")
public record Answers(Map<String, Object> values) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Answers {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Answers of(Map<String, Object> values) {
        return values == null ? null : new Answers(values);
    }

    @JsonValue
    @Override
    public Map<String, Object> values() {
        return values;
    }

    /** The answers as stored: a JSON object. */
    public String json() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answers stored as a JSON object, or null for none. */
    public static Answers parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return new Answers(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers do not read back", e);
        }
    }
}
