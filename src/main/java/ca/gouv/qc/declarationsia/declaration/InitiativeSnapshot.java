package ca.gouv.qc.declarationsia.declaration;

import java.time.YearMonth;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What one declaration says of one initiative, in the API's field names (declaration-model.md). A draft may leave
 * fields empty; the submission rules live in validation, not here.
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
        boolean notPublishable) {

    /** The status the Portrait shows: a reviewer's "information unavailable" wins over the phase. */
    public PublishedStatus publishedStatus() {
        if (statusUnavailableReason != null) {
            return PublishedStatus.INFORMATION_INDISPONIBLE;
        }
        return phase == null ? null : phase.publishedStatus();
    }
}
