package ca.gouv.qc.declarationsia.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** What an engine request's JSON body says of variables, as the doors read it. */
final class EngineVariables {

    private EngineVariables() {
    }

    /** {@code {"variables": {"decision": {"value": "ACCEPT", "type": "String"}}}} as {@code decision → "ACCEPT"}. */
    static Map<String, Object> values(JsonNode document, ObjectMapper json) {
        Map<String, Object> values = new HashMap<>();
        if (document == null) {
            return values;
        }
        Iterator<Map.Entry<String, JsonNode>> variables = document.path("variables").fields();
        while (variables.hasNext()) {
            Map.Entry<String, JsonNode> variable = variables.next();
            JsonNode value = variable.getValue().path("value");
            values.put(variable.getKey(), value.isMissingNode() || value.isNull() ? null
                    : json.convertValue(value, Object.class));
        }
        return values;
    }

    /** A variable of type Object names a Java class the engine would instantiate on reading it back. */
    static boolean namesJavaClass(JsonNode node) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isTextual() && "object".equals(type.asText().toLowerCase(Locale.ROOT))
                    && (node.has("value") || node.has("valueInfo"))) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (namesJavaClass(child)) {
                return true;
            }
        }
        return false;
    }
}
