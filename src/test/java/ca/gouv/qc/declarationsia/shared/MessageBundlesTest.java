package ca.gouv.qc.declarationsia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.campaign.CampaignStatus;
import ca.gouv.qc.declarationsia.declaration.AcquisitionMode;
import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.declaration.DecisionRole;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.HumanOversight;
import ca.gouv.qc.declarationsia.declaration.ObjectType;
import ca.gouv.qc.declarationsia.declaration.PersonalInformation;
import ca.gouv.qc.declarationsia.declaration.Phase;
import ca.gouv.qc.declarationsia.declaration.PrivacyImpactAssessment;
import ca.gouv.qc.declarationsia.declaration.PublishedStatus;
import ca.gouv.qc.declarationsia.declaration.RiskLevel;
import ca.gouv.qc.declarationsia.declaration.Subcategory;
import ca.gouv.qc.declarationsia.notification.MailKind;
import ca.gouv.qc.declarationsia.organization.LggriCategory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** French and English say the same things: same keys, no empty label, a label for every code of the model. */
class MessageBundlesTest {

    private static final Map<String, Class<? extends Enum<?>>> CODE_LABELS = Map.ofEntries(
            Map.entry("lggriCategory", LggriCategory.class),
            Map.entry("campaignStatus", CampaignStatus.class),
            Map.entry("declarationStatus", DeclarationStatus.class),
            Map.entry("objectType", ObjectType.class),
            Map.entry("category", Category.class),
            Map.entry("subcategory", Subcategory.class),
            Map.entry("phase", Phase.class),
            Map.entry("publishedStatus", PublishedStatus.class),
            Map.entry("acquisitionMode", AcquisitionMode.class),
            Map.entry("personalInformation", PersonalInformation.class),
            Map.entry("privacyImpactAssessment", PrivacyImpactAssessment.class),
            Map.entry("decisionRole", DecisionRole.class),
            Map.entry("humanOversight", HumanOversight.class),
            Map.entry("riskLevel", RiskLevel.class),
            Map.entry("mailKind", MailKind.class));

    private final Properties french = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void both_bundles_have_the_same_keys() {
        assertThat(english.stringPropertyNames()).as("English keys").isEqualTo(french.stringPropertyNames());
    }

    @Test
    void no_label_is_empty() {
        for (Properties bundle : new Properties[] {french, english}) {
            bundle.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
        }
    }

    @Test
    void every_code_of_the_model_has_a_label_in_both_languages() {
        CODE_LABELS.forEach((prefix, codes) -> {
            for (Enum<?> code : codes.getEnumConstants()) {
                String key = prefix + "." + code.name();
                assertThat(french.getProperty(key)).as("French " + key).isNotBlank();
                assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
            }
        });
    }

    @Test
    void every_message_a_template_uses_exists() throws IOException {
        forEachMatch("src/main/resources/templates", ".html", Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]"),
                (template, key) -> assertThat(french.stringPropertyNames()).as(template + " uses " + key).contains(key));
    }

    @Test
    void every_field_an_error_names_in_the_code_has_its_label() throws IOException {
        // an error without its label shows the code's name to the person ("organizationCode : …")
        forEachMatch("src/main/java", ".java", Pattern.compile("(?:violation|unconfirmed)\\((?:year, )?\"([a-zA-Z][\\w.]*)\","),
                (source, field) -> assertThat(french.stringPropertyNames())
                        .as(source.getFileName() + " names the field " + field).contains("field." + field));
    }

    /** Every first group of {@code pattern} in the files under {@code root} ending with {@code suffix}. */
    private static void forEachMatch(String root, String suffix, Pattern pattern, BiConsumer<Path, String> check)
            throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                Matcher found = pattern.matcher(Files.readString(file));
                while (found.find()) {
                    check.accept(file, found.group(1));
                }
            }
        }
    }

    @Test
    void every_mail_has_a_subject_and_a_template_in_both_languages() {
        for (MailKind kind : MailKind.values()) {
            assertThat(french.getProperty("mail.subject." + kind)).as("French subject of " + kind).isNotBlank();
            assertThat(english.getProperty("mail.subject." + kind)).as("English subject of " + kind).isNotBlank();
            for (String language : new String[] {"fr", "en"}) {
                String template = "templates/notification/mail/" + kind.name().toLowerCase() + "_" + language + ".txt";
                assertThat(getClass().getClassLoader().getResource(template)).as(template).isNotNull();
            }
        }
    }

    @Test
    void the_portrait_categories_carry_the_official_wording() {
        assertThat(french.getProperty("category.TRAITEMENT_IMAGE")).isEqualTo("Traitement d’image/Imagerie médicale");
        assertThat(french.getProperty("publishedStatus.SOLUTION_EN_PRODUCTION")).isEqualTo("Solution en production");
        assertThat(Set.of(Category.values())).hasSize(10);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (var input = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(input, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
