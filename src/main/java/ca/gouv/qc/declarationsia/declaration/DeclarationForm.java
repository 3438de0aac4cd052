package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.EnumCode;
import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import ca.gouv.qc.declarationsia.shared.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A draft as the organization saves it ({@code PUT /api/campaigns/{year}/declarations/{org}}). A draft may be
 * incomplete; what it holds must still be well-formed (sizes, codes, months). The submission rules are
 * {@link DeclarationRules}'.
 *
 * @param version the version read; a save from an older one is refused (another tab saved meanwhile)
 */
public record DeclarationForm(
        Boolean noInitiatives,
        @Valid Person contact,
        Integer version,
        @Size(max = MAX_INITIATIVES, message = "{validation.list.size}") List<@Valid @NotNull InitiativeForm> initiatives) {

    /** A declaration holds at most this many initiatives (a body with more sends several campaigns' worth by CSV). */
    public static final int MAX_INITIATIVES = 1000;

    public record Person(@Size(max = 200) @PlainText String name, @Email @Size(max = 254) @PlainText String email) {
    }

    /**
     * One initiative; {@code id} is empty for a new one and the system assigns it. {@code answers}: to the extra
     * questions of the campaign's form version, by question id (checked against that version); absent keeps the
     * answers already saved, an empty object clears them. An answer to a question not asked of this initiative (its
     * condition does not hold) is not kept, whichever door saves.
     */
    public record InitiativeForm(
            @Size(max = 30) @PlainText String id,
            @Size(max = 200) @PlainText(markupAllowed = true, message = "{validation.singleLine}") String name,
            @EnumCode(ObjectType.class) String objectType,
            @Size(max = 3500) @FreeText String description,
            @EnumCode(Category.class) String category,
            @EnumCode(Subcategory.class) String subcategory,
            @Size(max = 2500) @FreeText String benefits,
            @EnumCode(Phase.class) String phase,
            @Pattern(regexp = MONTH, message = "{validation.month}") String startDate,
            @Pattern(regexp = MONTH, message = "{validation.month}") String productionDate,
            @Pattern(regexp = MONTH, message = "{validation.month}") String retirementDate,
            Boolean servicesToPopulation,
            Boolean cybersecurity,
            Boolean generativeAi,
            @EnumCode(AcquisitionMode.class) String acquisitionMode,
            @Size(max = 200) @PlainText(markupAllowed = true, message = "{validation.singleLine}") String supplierName,
            @Size(max = 200) @PlainText(markupAllowed = true, message = "{validation.singleLine}") String productName,
            @EnumCode(PersonalInformation.class) String personalInformation,
            @EnumCode(PrivacyImpactAssessment.class) String privacyImpactAssessment,
            @EnumCode(DecisionRole.class) String decisionRole,
            @EnumCode(HumanOversight.class) String humanOversight,
            @EnumCode(RiskLevel.class) String riskLevel,
            @Size(max = 350) @FreeText String publicDescription,
            Map<String, Object> answers) {

        /** An initiative without answers to extra questions (a version-1 form's). */
        public InitiativeForm(String id, String name, String objectType, String description, String category,
                String subcategory, String benefits, String phase, String startDate, String productionDate,
                String retirementDate, Boolean servicesToPopulation, Boolean cybersecurity, Boolean generativeAi,
                String acquisitionMode, String supplierName, String productName, String personalInformation,
                String privacyImpactAssessment, String decisionRole, String humanOversight, String riskLevel,
                String publicDescription) {
            this(id, name, objectType, description, category, subcategory, benefits, phase, startDate, productionDate,
                    retirementDate, servicesToPopulation, cybersecurity, generativeAi, acquisitionMode, supplierName,
                    productName, personalInformation, privacyImpactAssessment, decisionRole, humanOversight, riskLevel,
                    publicDescription, null);
        }

        /** The same initiative with these answers. */
        InitiativeForm withAnswers(Map<String, Object> answers) {
            return new InitiativeForm(id, name, objectType, description, category, subcategory, benefits, phase,
                    startDate, productionDate, retirementDate, servicesToPopulation, cybersecurity, generativeAi,
                    acquisitionMode, supplierName, productName, personalInformation, privacyImpactAssessment,
                    decisionRole, humanOversight, riskLevel, publicDescription, answers);
        }
    }

    /** A month, or nothing yet. */
    static final String MONTH = "^$|^[0-9]{4}-(0[1-9]|1[0-2])$";
}
