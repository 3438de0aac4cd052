package ca.gouv.qc.declarationsia.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The French Camunda webapps (Cockpit, Tasklist, Admin, Welcome): our {@code locales/fr.json} says everything the
 * webjar's {@code en.json} says (same keys, same {@code {{placeholders}}}), and our {@code scripts/config.js}, which
 * shadows the webjar's, offers French and English with French as the fallback.
 */
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void french_has_exactly_the_keys_of_the_webjar_english(String app) {
        Map<String, JsonNode> english = leaves(webjarEnglish(app));
        Map<String, JsonNode> french = leaves(ourFrench(app));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(french.keySet());
        Set<String> unknown = new TreeSet<>(french.keySet());
        unknown.removeAll(english.keySet());
        assertThat(missing).as(app + " keys of the webjar's en.json missing from our fr.json").isEmpty();
        assertThat(unknown).as(app + " keys of our fr.json that the webjar's en.json does not have").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void each_french_text_keeps_the_placeholders_of_its_english_text(String app) {
        Map<String, JsonNode> english = leaves(webjarEnglish(app));
        Map<String, JsonNode> french = leaves(ourFrench(app));

        english.forEach((key, englishValue) -> {
            JsonNode frenchValue = french.get(key);
            assertThat(frenchValue).as(app + " " + key).isNotNull();
            assertThat(frenchValue.getNodeType()).as(app + " " + key + " type").isEqualTo(englishValue.getNodeType());
            if (englishValue.isTextual()) {
                assertThat(placeholders(frenchValue.asText())).as(app + " " + key + " placeholders")
                        .isEqualTo(placeholders(englishValue.asText()));
                if (!englishValue.asText().isBlank()) {
                    assertThat(frenchValue.asText()).as(app + " " + key).isNotBlank();
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void config_offers_french_and_english_with_french_as_fallback(String app) {
        String config = withoutComments(read(ours(app + "/scripts/config.js")));

        Matcher locales = Pattern.compile("(?<!\\w)['\"]?locales['\"]?\\s*:\\s*\\{([^}]*)}").matcher(config);
        assertThat(locales.find()).as(app + " config.js sets locales (not in a comment)").isTrue();

        Matcher available = Pattern.compile("['\"]?availableLocales['\"]?\\s*:\\s*\\[([^]]*)]").matcher(locales.group(1));
        assertThat(available.find()).as(app + " config.js sets locales.availableLocales").isTrue();
        assertThat(quoted(available.group(1))).as(app + " available locales").containsExactlyInAnyOrder("fr", "en");

        Matcher fallback = Pattern.compile("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"](\\w+)['\"]").matcher(locales.group(1));
        assertThat(fallback.find()).as(app + " config.js sets locales.fallbackLocale").isTrue();
        assertThat(fallback.group(1)).as(app + " fallback locale").isEqualTo("fr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "tasklist", "admin", "welcome"})
    void every_custom_script_of_the_config_exists(String app) {
        String config = withoutComments(read(ours(app + "/scripts/config.js")));

        Matcher customScripts = Pattern.compile("customScripts\\s*:\\s*\\[([^]]*)]").matcher(config);
        if (customScripts.find()) {
            for (String script : quoted(customScripts.group(1))) {
                // the webapps import <app root>/app/<app>/<script>.js
                String path = URI.create("/" + APPS + app + "/" + script + ".js").normalize().getPath().substring(1);
                assertThat(getClass().getClassLoader().getResource(path)).as(app + " custom script " + path).isNotNull();
            }
        }
    }

    /** The webjar's en.json: the webapps' own texts, not a copy of ours. */
    private JsonNode webjarEnglish(String app) {
        String path = APPS + app + "/locales/en.json";
        for (URL url : resources(path)) {
            if (url.toString().contains(WEBJAR)) {
                return parse(url);
            }
        }
        throw new AssertionError(path + " not found in " + WEBJAR + " on the test classpath");
    }

    private JsonNode ourFrench(String app) {
        return parse(ours(app + "/locales/fr.json"));
    }

    /**
     * Our file, which must come before any file of the same path in a jar: the webapps serve the first one found on
     * the classpath, so our config.js is the one they read.
     */
    private URL ours(String pathInApps) {
        List<URL> found = resources(APPS + pathInApps);
        assertThat(found).as(pathInApps + " on the classpath").isNotEmpty();
        URL first = found.get(0);
        assertThat(first.toString()).as(pathInApps + " found first must be the application's own").doesNotContain(WEBJAR);
        return first;
    }

    private List<URL> resources(String path) {
        try {
            return Collections.list(getClass().getClassLoader().getResources(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(URL url) {
        // Jackson skips the byte order mark the webjar's files start with; duplicate keys are refused
        try (InputStream input = url.openStream()) {
            return JSON.readTree(input);
        } catch (IOException e) {
            throw new AssertionError(url + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String read(URL url) {
        try (InputStream input = url.openStream()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value that is not an object, by its path (labels.CLAIM_TASK, dateLocales.months[0], ...). */
    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        Collections.sort(names);
        return names;
    }

    private static List<String> quoted(String list) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("['\"]([^'\"]*)['\"]").matcher(list);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String withoutComments(String script) {
        return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)\\s//.*$", "");
    }
}
