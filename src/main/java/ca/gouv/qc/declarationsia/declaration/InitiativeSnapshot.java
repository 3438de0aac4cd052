package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.Answers;
import java.time.YearMonth;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What one declaration says of one initiative, in the API's field names (declaration-model.md). A draft may leave
 * fields empty; the submission rules live in validation, not here. {@code answers}: to the extra questions of the
 * campaign's form version, by question id (null when none was given).
 */
@Table("initiative_snapshot")
public record InitiativeSnapshot(
        String initiativeId,
        String name,
        ObjectType objectType,
        String description,
        Category category,
        Subcategory subcategory,
        String benefits,
        Phase phase,
        YearMonth startDate,
        YearMonth productionDate,
        YearMonth retirementDate,
        Boolean servicesToPopulation,
        Boolean cybersecurity,
        Boolean generativeAi,
        AcquisitionMode acquisitionMode,
        String supplierName,
        String productName,
        PersonalInformation personalInformation,
        PrivacyImpactAssessment privacyImpactAssessment,
        DecisionRole decisionRole,
        HumanOversight humanOversight,
        RiskLevel riskLevel,
        String publicDescription,
        String genericProductName,
        String statusUnavailableReason,
        boolean notPublishable,
        Answers answers) {

    /** The mapping's constructor: every component. */
    @PersistenceCreator
    public InitiativeSnapshot {
    }

    /** A snapshot without answers to extra questions (a version-1 form's). */
    public InitiativeSnapshot(String initiativeId, String name, ObjectType objectType, String description,
            Category category, Subcategory subcategory, String benefits, Phase phase, YearMonth startDate,
            YearMonth productionDate, YearMonth retirementDate, Boolean servicesToPopulation, Boolean cybersecurity,
            Boolean generativeAi, AcquisitionMode acquisitionMode, String supplierName, String productName,
            PersonalInformation personalInformation, PrivacyImpactAssessment privacyImpactAssessment,
            DecisionRole decisionRole, HumanOversight humanOversight, RiskLevel riskLevel, String publicDescription,
            String genericProductName, String statusUnavailableReason, boolean notPublishable) {
        this(initiativeId, name, objectType, description, category, subcategory, benefits, phase, startDate,
                productionDate, retirementDate, servicesToPopulation, cybersecurity, generativeAi, acquisitionMode,
                supplierName, productName, personalInformation, privacyImpactAssessment, decisionRole, humanOversight,
                riskLevel, publicDescription, genericProductName, statusUnavailableReason, notPublishable, null);
    }

    /** The status the Portrait shows: a reviewer's "information unavailable" wins over the phase. */
    public PublishedStatus publishedStatus() {
        if (statusUnavailableReason != null) {
            return PublishedStatus.INFORMATION_INDISPONIBLE;
        }
        return phase == null ? null : phase.publishedStatus();
    }
}
