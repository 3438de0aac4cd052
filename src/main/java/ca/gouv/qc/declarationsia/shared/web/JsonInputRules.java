package ca.gouv.qc.declarationsia.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A JSON value is read as what it says, not coerced: a number is no yes-or-no ({@code 2} was {@code true}), a
 * fraction is no whole number ({@code 1.5} was {@code 1}), a number is no date (days since 1970), a key twice in one
 * object is no value ({@code {"category": [...], "category": [...]}} kept the last list). Each is refused
 * with the field's path, as any value of the wrong type ({@link ApiExceptionHandler}).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer exactJsonTypes() {
        // a key twice in one object was read as its last value: refused instead, naming the place (JsonFields)
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.DateTime)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
    }
}
