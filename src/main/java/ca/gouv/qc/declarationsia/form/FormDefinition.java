package ca.gouv.qc.declarationsia.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One version of the declaration's form, whole, as the ministry sets it without a release: its code lists with their
 * labels (and, for categories and phases, what each counts as in the Portrait), which catalogue fields it asks and
 * requires, and its extra questions. {@code POST /api/forms} takes it; {@link FormProblems} says whether it holds
 * together. Version 1 is the form the catalogue and its enums described before versions existed.
 */
@Schema(name = "FormDefinition", description = "Une version du formulaire de déclaration / One version of the declaration form")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormDefinition(
        @Schema(description = "The next number after the newest version", example = "2", minimum = "2",
                requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
        @Schema(description = "The version this one was made from (usually the newest)", example = "1",
                requiredMode = Schema.RequiredMode.REQUIRED) Integer basedOn,
        @Schema(description = "Code lists by id: the catalogue's coded fields (category, phase, …) and the lists of "
                + "choice questions. A code once offered is retired, never removed.",
                requiredMode = Schema.RequiredMode.REQUIRED) Map<String, List<Code>> codeLists,
        @Schema(description = "Every field of the catalogue an initiative may be asked, by its API name",
                requiredMode = Schema.RequiredMode.REQUIRED) Map<String, FieldRule> fields,
        @Schema(description = "Questions beyond the catalogue, in the page's order; a question once asked is retired, "
                + "never removed; at most 300") List<Question> questions) {

    /** The types of an extra question. */
    public enum QuestionType { YES_NO, ONE_CHOICE, SEVERAL_CHOICES, SHORT_TEXT, LONG_TEXT, MONTH }

    /** The published status a phase counts as in the Portrait when it maps to none (a retired initiative). */
    public static final String NOT_PUBLISHED = "NON_PUBLIE";

    /**
     * One code of a list.
     *
     * @param portrait for a category, the Portrait's category it is counted in; for a phase, the published status
     *        ({@code SOLUTION_EN_PRODUCTION}, {@code DEVELOPPEMENT_SOLUTION} or {@code NON_PUBLIE}); null otherwise
     * @param retired values already given stay readable, labelled as retired; new answers cannot use it
     */
    @Schema(name = "FormCode")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Code(
            @Schema(pattern = FormProblems.CODE_PATTERN, requiredMode = Schema.RequiredMode.REQUIRED) String code,
            @Schema(maxLength = FormProblems.MAX_LABEL, requiredMode = Schema.RequiredMode.REQUIRED) String fr,
            @Schema(maxLength = FormProblems.MAX_LABEL, requiredMode = Schema.RequiredMode.REQUIRED) String en,
            @Schema(defaultValue = "false") Boolean retired,
            @Schema(description = "category: a Portrait category; phase: SOLUTION_EN_PRODUCTION, "
                    + "DEVELOPPEMENT_SOLUTION or NON_PUBLIE") String portrait) {

        public Code {
            retired = Boolean.TRUE.equals(retired);
        }
    }

    /** Whether the form asks a catalogue field, and whether a submission needs it. */
    @Schema(name = "FormFieldRule")
    public record FieldRule(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean asked,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean required) {

        public boolean asks() {
            return Boolean.TRUE.equals(asked);
        }

        public boolean requires() {
            return Boolean.TRUE.equals(required);
        }
    }

    /**
     * A question beyond the catalogue.
     *
     * @param codeList for a choice, the id of its list in {@link FormDefinition#codeLists()}
     * @param published whether the open data publish its answers (never for a cybersecurity initiative)
     * @param when asked (and required) only when another answer has a value
     */
    @Schema(name = "FormQuestion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(
            @Schema(pattern = FormProblems.ID_PATTERN, requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(implementation = QuestionType.class, requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(maxLength = FormProblems.MAX_LABEL, requiredMode = Schema.RequiredMode.REQUIRED) String fr,
            @Schema(maxLength = FormProblems.MAX_LABEL, requiredMode = Schema.RequiredMode.REQUIRED) String en,
            @Schema(maxLength = FormProblems.MAX_HELP) String helpFr,
            @Schema(maxLength = FormProblems.MAX_HELP) String helpEn,
            @Schema(description = "ONE_CHOICE and SEVERAL_CHOICES: the id of its code list") String codeList,
            @Schema(defaultValue = "false") Boolean required,
            @JsonProperty("public") @Schema(name = "public", defaultValue = "false") Boolean published,
            @Schema(defaultValue = "false") Boolean retired,
            When when) {

        public Question {
            required = Boolean.TRUE.equals(required);
            published = Boolean.TRUE.equals(published);
            retired = Boolean.TRUE.equals(retired);
        }
    }

    /** A condition: the catalogue field, or the question, whose answer must be {@code value} (true/false, a code). */
    @Schema(name = "FormCondition", description = "Exactly one of field and question")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record When(String field, String question,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") String value) {
    }

    /** The questions still asked, in their order. */
    public List<Question> askedQuestions() {
        return questions == null ? List.of() : questions.stream().filter(question -> !question.retired()).toList();
    }
}
