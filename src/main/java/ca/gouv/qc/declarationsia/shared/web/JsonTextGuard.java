package ca.gouv.qc.declarationsia.shared.web;

import ca.gouv.qc.declarationsia.shared.validation.TextRules;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * No string of a JSON body may hold a NUL or half a character ({@code "\ud800"}): refused while reading, with the
 * field's path, so neither reaches a validator that would miss it nor the database, which stores the half as "?".
 */
@Component
class JsonTextGuard extends SimpleModule {

    JsonTextGuard() {
        super("json-text-guard");
        addDeserializer(String.class, new GuardedString());
    }

    static final class GuardedString extends StdScalarDeserializer<String> {

        GuardedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && TextRules.isCorrupt(value)) {
                throw InvalidFormatException.from(parser, "corrupt text", value, String.class);
            }
            return value;
        }
    }
}
