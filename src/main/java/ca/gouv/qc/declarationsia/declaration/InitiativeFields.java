package ca.gouv.qc.declarationsia.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What the declaration page shows of each initiative's inputs, worked out once per page: label, id, name, value,
 * options, error and the reviewer's remark, and which of these describe the input to screen readers (WCAG 1.3.1,
 * 3.3.1). A body with 200 initiatives has 4,600 inputs on its page; Thymeleaf working out a dozen expressions for
 * each took most of the page's time, where reading a few properties of these takes little.
 */
public final class InitiativeFields {

    /** How an input is shown: a line, a month (typed as numbers), a paragraph, a list of codes, or yes or no. */
    public enum Kind { LINE, MONTH, PARAGRAPH, CODES, YES_NO }

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
    public record Field(Kind kind, String id, String name, String label, Object value, List<Option> options,
            String error, String remark) {

        public boolean yesNo() {
            return kind == Kind.YES_NO;
        }

        public boolean codes() {
            return kind == Kind.CODES;
        }

        public boolean paragraph() {
            return kind == Kind.PARAGRAPH;
        }

        public boolean line() {
            return kind == Kind.LINE || kind == Kind.MONTH;
        }

        public String inputMode() {
            return kind == Kind.MONTH ? "numeric" : null;
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

    private record Input(String field, Kind kind, Function<DeclarationPageForm.Initiative, Object> value) {
    }

    private record Heading(String key, List<Input> inputs) {
    }

    private static final List<Heading> SECTIONS = List.of(
            new Heading("declaration.section.identity", List.of(
                    new Input("name", Kind.LINE, DeclarationPageForm.Initiative::getName),
                    new Input("objectType", Kind.CODES, DeclarationPageForm.Initiative::getObjectType),
                    new Input("description", Kind.PARAGRAPH, DeclarationPageForm.Initiative::getDescription),
                    new Input("category", Kind.CODES, DeclarationPageForm.Initiative::getCategory),
                    new Input("subcategory", Kind.CODES, DeclarationPageForm.Initiative::getSubcategory),
                    new Input("benefits", Kind.PARAGRAPH, DeclarationPageForm.Initiative::getBenefits))),
            new Heading("declaration.section.lifecycle", List.of(
                    new Input("phase", Kind.CODES, DeclarationPageForm.Initiative::getPhase),
                    new Input("startDate", Kind.MONTH, DeclarationPageForm.Initiative::getStartDate),
                    new Input("productionDate", Kind.MONTH, DeclarationPageForm.Initiative::getProductionDate),
                    new Input("retirementDate", Kind.MONTH, DeclarationPageForm.Initiative::getRetirementDate))),
            new Heading("declaration.section.use", List.of(
                    new Input("servicesToPopulation", Kind.YES_NO, DeclarationPageForm.Initiative::getServicesToPopulation),
                    new Input("cybersecurity", Kind.YES_NO, DeclarationPageForm.Initiative::getCybersecurity),
                    new Input("generativeAi", Kind.YES_NO, DeclarationPageForm.Initiative::getGenerativeAi),
                    new Input("acquisitionMode", Kind.CODES, DeclarationPageForm.Initiative::getAcquisitionMode),
                    new Input("supplierName", Kind.LINE, DeclarationPageForm.Initiative::getSupplierName),
                    new Input("productName", Kind.LINE, DeclarationPageForm.Initiative::getProductName))),
            new Heading("declaration.section.responsible", List.of(
                    new Input("personalInformation", Kind.CODES, DeclarationPageForm.Initiative::getPersonalInformation),
                    new Input("privacyImpactAssessment", Kind.CODES,
                            DeclarationPageForm.Initiative::getPrivacyImpactAssessment),
                    new Input("decisionRole", Kind.CODES, DeclarationPageForm.Initiative::getDecisionRole),
                    new Input("humanOversight", Kind.CODES, DeclarationPageForm.Initiative::getHumanOversight),
                    new Input("riskLevel", Kind.CODES, DeclarationPageForm.Initiative::getRiskLevel),
                    new Input("publicDescription", Kind.PARAGRAPH, DeclarationPageForm.Initiative::getPublicDescription))));

    private static final Set<String> YES_NO = SECTIONS.stream().flatMap(heading -> heading.inputs().stream())
            .filter(input -> input.kind() == Kind.YES_NO).map(Input::field).collect(Collectors.toSet());

    private InitiativeFields() {
    }

    /** The element id of an initiative's input ({@code i3-name}); a yes-or-no's radios add {@code -oui}, {@code -non}. */
    static String inputId(int index, String field) {
        return "i" + index + "-" + field;
    }

    /** Whether the field is answered yes or no (radios in a fieldset), not typed or chosen in a list. */
    static boolean isYesNo(String field) {
        return YES_NO.contains(field);
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
            DeclarationPageForm.Initiative initiative = form.getInitiatives().get(index);
            List<Section> sections = new ArrayList<>(SECTIONS.size());
            for (Heading heading : SECTIONS) {
                List<Field> fields = new ArrayList<>(heading.inputs().size());
                for (Input input : heading.inputs()) {
                    String id = inputId(index, input.field());
                    String name = "initiatives[" + index + "]." + input.field();
                    Object value = input.value().apply(initiative);
                    String comment = remarks.get(id);
                    fields.add(new Field(input.kind(), id, name,
                            labels.computeIfAbsent(input.field(), field -> message.apply("field.initiatives." + field)),
                            value, options(choices.get(input.field()), value), errorsByPath.get(name),
                            comment == null ? null : remark.apply(comment)));
                }
                sections.add(new Section(labels.computeIfAbsent(heading.key(), message), fields));
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
