package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.shared.validation.EnumCode;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The field catalogue drives what shows an initiative's fields: the API's records hold them in its order, the page's
 * inputs, the CSV template and its list of codes follow it, its lengths and code lists are the ones the API enforces,
 * and every field and code has a label in both languages. Adding a field to the catalogue without the rest fails here.
 */
class FieldCatalogueTest {

    private static List<String> names(List<FieldCatalogue.Field> fields) {
        return fields.stream().map(FieldCatalogue.Field::name).toList();
    }

    @Test
    void the_api_records_hold_the_catalogues_fields_in_its_order() {
        // answers: to the form version's extra questions, no field of the catalogue (issue 26)
        assertThat(Arrays.stream(DeclarationForm.InitiativeForm.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !"answers".equals(name)))
                .containsExactlyElementsOf(names(FieldCatalogue.asked()));
        assertThat(Arrays.stream(InitiativeSnapshot.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !"notPublishable".equals(name) && !"answers".equals(name))
                .map(name -> "initiativeId".equals(name) ? "id" : name))
                .containsExactlyElementsOf(names(FieldCatalogue.initiative()));
    }

    @Test
    void the_api_refuses_what_the_catalogue_says_a_field_cannot_hold() throws NoSuchFieldException {
        for (RecordComponent component : DeclarationForm.InitiativeForm.class.getRecordComponents()) {
            if ("answers".equals(component.getName())) {
                continue; // checked by the campaign's form version (AnswerRules)
            }
            FieldCatalogue.Field field = FieldCatalogue.find(component.getName()).orElseThrow();
            java.lang.reflect.Field member = DeclarationForm.InitiativeForm.class.getDeclaredField(component.getName());
            Size size = member.getAnnotation(Size.class);
            assertThat(size == null ? 0 : size.max()).as(field.name()).isEqualTo(field.maxLength());
            EnumCode codes = member.getAnnotation(EnumCode.class);
            assertThat(codes == null ? null : codes.value()).as(field.name()).isEqualTo(field.codeList());
            assertThat(component.getType()).as(field.name()).isEqualTo(field.yesNo() ? Boolean.class : String.class);
        }
    }

    @Test
    void the_page_shows_an_input_for_each_field_of_the_catalogue_in_its_order() {
        DeclarationPageForm form = new DeclarationPageForm();
        form.getInitiatives().add(new DeclarationPageForm.Initiative());

        List<InitiativeFields.Field> inputs = InitiativeFields.of(form, Map.of(), Map.of(), Map.of(), key -> key,
                remark -> remark).get(0).stream().flatMap(section -> section.fields().stream()).toList();

        assertThat(inputs).extracting(InitiativeFields.Field::name).containsExactlyElementsOf(
                FieldCatalogue.onPage().stream().map(field -> "initiatives[0]." + field.name()).toList());
        assertThat(inputs).extracting(InitiativeFields.Field::label)
                .containsExactlyElementsOf(FieldCatalogue.onPage().stream().map(FieldCatalogue.Field::labelKey).toList());
        assertThat(inputs).extracting(InitiativeFields.Field::kind)
                .containsExactlyElementsOf(FieldCatalogue.onPage().stream().map(FieldCatalogue.Field::type).toList());
        assertThat(names(FieldCatalogue.onPage())).isEqualTo(names(FieldCatalogue.asked()).subList(1, FieldCatalogue.asked().size()));
    }

    @Test
    void every_field_goes_from_the_api_to_the_stored_snapshot_and_back_through_the_page_unchanged() {
        Map<String, Object> given = new java.util.HashMap<>();
        for (FieldCatalogue.Field field : FieldCatalogue.asked()) {
            given.put(field.name(), switch (field.type()) {
                case ID -> "IA-CAT-0001";
                case LINE, PARAGRAPH -> "Texte de " + field.name();
                case CODE -> field.codes().get(field.codes().size() - 1);
                case YES_NO -> Boolean.TRUE;
                case MONTH -> "2024-05";
            });
        }
        DeclarationForm.InitiativeForm form = FieldCatalogue.form(given);

        InitiativeSnapshot stored = Snapshots.of("IA-CAT-0001", form, null);

        assertThat(stored.humanOversight()).isEqualTo(HumanOversight.values()[HumanOversight.values().length - 1]);
        assertThat(stored.startDate()).isEqualTo(java.time.YearMonth.of(2024, 5));
        assertThat(DeclarationPageForm.Initiative.of(stored).toForm()).isEqualTo(form);
    }

    @Test
    void the_csv_template_has_a_column_per_asked_field() {
        Declaration declaration = Declaration.draft(2099, "CAT", "PF", false, List.of());

        String template = new InitiativeCsv(null, null).template(declaration, List.of());

        assertThat(template.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", names(FieldCatalogue.asked())));
    }

    @Test
    void every_field_and_every_code_has_a_label_in_both_languages() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties labels = load(bundle);
            List<String> missing = new ArrayList<>();
            for (FieldCatalogue.Field field : allFields()) {
                check(labels, field.labelKey(), missing);
                field.codes().forEach(code -> check(labels, field.codeLabelKey(code), missing));
            }
            FieldCatalogue.onPage().forEach(field -> check(labels, field.section(), missing));
            assertThat(missing).as(bundle).isEmpty();
        }
    }

    @Test
    void a_reviewer_comments_on_what_the_respondent_gives_never_on_the_id_nor_on_what_the_ministry_sets() {
        assertThat(names(FieldCatalogue.commentable())).startsWith("contact", "noInitiatives")
                .containsAll(names(FieldCatalogue.onPage()))
                .doesNotContain("id", "genericProductName", "statusUnavailableReason");
    }

    private static List<FieldCatalogue.Field> allFields() {
        List<FieldCatalogue.Field> all = new ArrayList<>(FieldCatalogue.declaration());
        all.addAll(FieldCatalogue.initiative());
        return all;
    }

    private static void check(Properties labels, String key, List<String> missing) {
        if (!labels.containsKey(key)) {
            missing.add(key);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FieldCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
