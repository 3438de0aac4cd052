package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import java.time.YearMonth;

/** From what the organization typed to what is stored; the fields only a reviewer sets are kept as they were. */
final class Snapshots {

    private Snapshots() {
    }

    static InitiativeSnapshot of(String id, InitiativeForm form, InitiativeSnapshot before) {
        return new InitiativeSnapshot(id, text(form.name()), code(ObjectType.class, form.objectType()),
                text(form.description()), code(Category.class, form.category()), code(Subcategory.class, form.subcategory()),
                text(form.benefits()), code(Phase.class, form.phase()), month(form.startDate()),
                month(form.productionDate()), month(form.retirementDate()), form.servicesToPopulation(),
                form.cybersecurity(), form.generativeAi(), code(AcquisitionMode.class, form.acquisitionMode()),
                text(form.supplierName()), text(form.productName()),
                code(PersonalInformation.class, form.personalInformation()),
                code(PrivacyImpactAssessment.class, form.privacyImpactAssessment()),
                code(DecisionRole.class, form.decisionRole()), code(HumanOversight.class, form.humanOversight()),
                code(RiskLevel.class, form.riskLevel()), text(form.publicDescription()),
                before == null ? null : before.genericProductName(),
                before == null ? null : before.statusUnavailableReason(),
                before != null && before.notPublishable());
    }

    static <E extends Enum<E>> E code(Class<E> type, String code) {
        return code == null || code.isBlank() ? null : Enum.valueOf(type, code);
    }

    static YearMonth month(String month) {
        return month == null || month.isBlank() ? null : YearMonth.parse(month);
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
