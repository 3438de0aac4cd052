package ca.gouv.qc.declarationsia.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the declaration page shows of each initiative's inputs, worked out once per page: label, id, name, value,
 * options, error and the reviewer's remark, and which of these describe the input to screen readers (WCAG 1.3.1,
 * 3.3.1). A body with 200 initiatives has 4,600 inputs on its page; Thymeleaf working out a dozen expressions for
 * each took most of the page's time, where reading a few properties of these takes little.
 */
public final class InitiativeFields {

    /** A heading and its inputs, in the page's order. */
    public record Section(String heading, List<Field> fields) {
    }

    /** An option of a list: the code it posts, its label, whether it is the one chosen. */
    public record Option(String code, String label, boolean selected) {
    }

    /**
     * One input: {@code id} is the element's (anchors of the error summary point at it), {@code name} the form
     * parameter it posts; {@code error} and {@code remark} are null when there is none.
     */
    public record Field(FieldCatalogue.Type kind, String id, String name, String label, Object value, List<Option> options,
            String error, String remark) {

        public boolean yesNo() {
            return kind == FieldCatalogue.Type.YES_NO;
        }

        public boolean codes() {
            return kind == FieldCatalogue.Type.CODE;
        }

        public boolean paragraph() {
            return kind == FieldCatalogue.Type.PARAGRAPH;
        }

        public boolean line() {
            return kind == FieldCatalogue.Type.LINE || kind == FieldCatalogue.Type.MONTH;
        }

        public String inputMode() {
            return kind == FieldCatalogue.Type.MONTH ? "numeric" : null;
        }

        public boolean invalid() {
            return error != null;
        }

        /** The ids of the error and the remark shown under the input, or null when neither is. */
        public String describedBy() {
            String described = ((error != null ? id + "-error" : "") + " "
                    + (remark != null ? id + "-remark" : "")).trim();
            return described.isEmpty() ? null : described;
        }
    }

    /** The page's sections, by their heading's key, with the catalogue's fields shown in each, in its order. */
    private static final Map<String, List<FieldCatalogue.Field>> SECTIONS = FieldCatalogue.onPage().stream()
            .collect(Collectors.groupingBy(FieldCatalogue.Field::section, LinkedHashMap::new, Collectors.toList()));

    private InitiativeFields() {
    }

    /** The element id of an initiative's input ({@code i3-name}); a yes-or-no's radios add {@code -oui}, {@code -non}. */
    static String inputId(int index, String field) {
        return "i" + index + "-" + field;
    }

    /** Whether the field is answered yes or no (radios in a fieldset), not typed or chosen in a list. */
    static boolean isYesNo(String field) {
        return FieldCatalogue.find(field).filter(FieldCatalogue.Field::yesNo).isPresent();
    }

    /**
     * @param errorsByPath the errors shown, by path ({@code initiatives[3].name})
     * @param remarks the reviewer's comments, by input id ({@code i3-name})
     * @param choices each coded field's codes and labels
     * @param message the page's text of a bundle key
     * @param remark the page's text of a reviewer's comment shown beside the input
     * @return each initiative's sections, in the form's order
     */
    static List<List<Section>> of(DeclarationPageForm form, Map<String, String> errorsByPath,
            Map<String, String> remarks, Map<String, List<DeclarationPageController.Choice>> choices,
            UnaryOperator<String> message,
            UnaryOperator<String> remark) {
        Map<String, String> labels = new HashMap<>();
        List<List<Section>> initiatives = new ArrayList<>();
        for (int index = 0; index < form.getInitiatives().size(); index++) {
            DeclarationForm.InitiativeForm initiative = form.getInitiatives().get(index).toForm();
            List<Section> sections = new ArrayList<>(SECTIONS.size());
            for (Map.Entry<String, List<FieldCatalogue.Field>> heading : SECTIONS.entrySet()) {
                List<Field> fields = new ArrayList<>(heading.getValue().size());
                for (FieldCatalogue.Field input : heading.getValue()) {
                    String id = inputId(index, input.name());
                    String name = "initiatives[" + index + "]." + input.name();
                    Object value = FieldCatalogue.value(input, initiative);
                    String comment = remarks.get(id);
                    fields.add(new Field(input.type(), id, name,
                            labels.computeIfAbsent(input.labelKey(), message),
                            value, options(choices.get(input.name()), value), errorsByPath.get(name),
                            comment == null ? null : remark.apply(comment)));
                }
                sections.add(new Section(labels.computeIfAbsent(heading.getKey(), message), fields));
            }
            initiatives.add(sections);
        }
        return initiatives;
    }

    private static List<Option> options(List<DeclarationPageController.Choice> choices, Object value) {
        if (choices == null) {
            return List.of();
        }
        List<Option> options = new ArrayList<>(choices.size());
        for (DeclarationPageController.Choice choice : choices) {
            options.add(new Option(choice.code(), choice.label(), choice.code().equals(value)));
        }
        return options;
    }
}
