package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The submission rules of declaration-model.md. A draft may break them; a submission may not. Each violation names
 * the initiative and the field, in the user's language.
 */
@Component
public class DeclarationRules {

    /** An initiative the organization declared active last year: it must come back, updated or retired. */
    public record CarriedOver(String id, String name) {
    }

    private static final Set<AcquisitionMode> NO_SUPPLIER =
            Set.of(AcquisitionMode.DEVELOPPEMENT_INTERNE, AcquisitionMode.SOLUTION_GOUVERNEMENTALE_PARTAGEE);
    private static final Set<Phase> EARLY = Set.of(Phase.EXPLORATION, Phase.PLANIFICATION_CONCEPTION);

    /** The fewest characters a submitted text has: the field catalogue's. */
    private static int minLength(String field) {
        return FieldCatalogue.find(field).orElseThrow().minLength();
    }

    private final InputValidator validator;
    private final MessageSource messages;

    DeclarationRules(InputValidator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    public List<Violation> check(Declaration declaration, YearMonth referenceMonth, List<CarriedOver> carriedOver) {
        List<Violation> violations = new ArrayList<>();
        List<InitiativeSnapshot> initiatives = declaration.initiatives();
        if (declaration.noInitiatives() && !initiatives.isEmpty()) {
            violations.add(validator.violation("noInitiatives", "NilWithInitiatives", "validation.declaration.nilWithInitiatives"));
        }
        if (!declaration.noInitiatives() && initiatives.isEmpty()) {
            violations.add(validator.violation("initiatives", "NoInitiative", "validation.declaration.noInitiative"));
        }
        Set<String> present = initiatives.stream().map(InitiativeSnapshot::initiativeId).collect(Collectors.toSet());
        for (CarriedOver previous : carriedOver) {
            if (!present.contains(previous.id())) {
                violations.add(validator.violation("initiatives", "CarryOverMissing",
                        "validation.declaration.carryOverMissing", previous.id(), previous.name()));
            }
        }
        if (declaration.contact() == null || blank(declaration.contact().name())) {
            violations.add(validator.violation("contact.name", "Required", "validation.required"));
        }
        if (declaration.contact() == null || blank(declaration.contact().email())) {
            violations.add(validator.violation("contact.email", "Required", "validation.required"));
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < initiatives.size(); i++) {
            violations.addAll(initiativeRules(i, initiatives.get(i), referenceMonth, names));
        }
        return violations;
    }

    private List<Violation> initiativeRules(int index, InitiativeSnapshot it, YearMonth referenceMonth,
            Map<String, Integer> names) {
        Rules rules = new Rules(index, it);
        rules.require("name", it.name());
        if (!blank(it.name())) {
            rules.when(it.name().trim().length() < minLength("name"), "name", "Size", "validation.initiative.nameLength");
            Integer other = names.putIfAbsent(comparable(it.name()), index);
            rules.when(other != null, "name", "Duplicate", "validation.initiative.nameTwice");
        }
        rules.require("objectType", it.objectType());
        rules.require("description", it.description());
        if (!blank(it.description())) {
            rules.when(it.description().trim().length() < minLength("description"), "description", "Size", "validation.initiative.descriptionLength");
        }
        rules.require("category", it.category());
        rules.when(it.subcategory() != null && it.category() != Category.TRAITEMENT_IMAGE, "subcategory", "Subcategory",
                "validation.initiative.subcategory");
        if (it.statusUnavailableReason() == null) {
            rules.require("benefits", it.benefits());
        }
        rules.require("phase", it.phase());
        rules.require("startDate", it.startDate());
        rules.when(it.startDate() != null && it.startDate().isAfter(referenceMonth), "startDate", "AfterReference",
                "validation.initiative.startAfterReference", referenceMonth);
        boolean production = it.phase() != null && it.phase().isProduction();
        rules.when(production && it.productionDate() == null, "productionDate", "Required",
                "validation.initiative.productionRequired");
        rules.when(before(it.productionDate(), it.startDate()), "productionDate", "BeforeStart", "validation.initiative.beforeStart");
        boolean retired = it.phase() == Phase.MISE_HORS_SERVICE;
        rules.when(retired && it.retirementDate() == null, "retirementDate", "Required",
                "validation.initiative.retirementRequired");
        rules.when(before(it.retirementDate(), it.startDate()), "retirementDate", "BeforeStart", "validation.initiative.beforeStart");
        rules.require("servicesToPopulation", it.servicesToPopulation());
        rules.require("cybersecurity", it.cybersecurity());
        rules.require("generativeAi", it.generativeAi());
        rules.require("acquisitionMode", it.acquisitionMode());
        boolean supplierNeeded = it.acquisitionMode() != null && !NO_SUPPLIER.contains(it.acquisitionMode());
        rules.when(supplierNeeded && blank(it.supplierName()), "supplierName", "Required", "validation.initiative.supplierRequired");
        rules.when(supplierNeeded && blank(it.productName()), "productName", "Required", "validation.initiative.supplierRequired");
        rules.require("personalInformation", it.personalInformation());
        rules.when(production && it.personalInformation() == PersonalInformation.INCONNU, "personalInformation",
                "UnknownInProduction", "validation.initiative.unknownInProduction");
        boolean privacyAssessmentNeeded = it.personalInformation() == PersonalInformation.OUI
                || Boolean.TRUE.equals(it.generativeAi());
        rules.when(privacyAssessmentNeeded && it.privacyImpactAssessment() == null, "privacyImpactAssessment", "Required",
                "validation.initiative.privacyAssessment");
        rules.require("decisionRole", it.decisionRole());
        rules.require("humanOversight", it.humanOversight());
        if (it.decisionRole() != null && it.humanOversight() != null) {
            boolean fullyAutomated = it.decisionRole() == DecisionRole.DECISION_EXCLUSIVEMENT_AUTOMATISEE;
            boolean noHuman = it.humanOversight() == HumanOversight.DECISION_AUTOMATISEE_SANS_INTERVENTION;
            rules.when(fullyAutomated != noHuman, "humanOversight", "Inconsistent", "validation.initiative.oversightAutomated");
        }
        rules.require("riskLevel", it.riskLevel());
        rules.when(it.riskLevel() == RiskLevel.NON_EVALUE && !EARLY.contains(it.phase()), "riskLevel", "NotAssessed",
                "validation.initiative.riskNotAssessed");
        boolean publishable = !Boolean.TRUE.equals(it.cybersecurity()) && !retired && !it.notPublishable();
        if (publishable) {
            rules.require("publicDescription", it.publicDescription());
        }
        return rules.violations;
    }

    /** Collects one initiative's violations, each message prefixed with the initiative it is about. */
    private final class Rules {
        private final int index;
        private final InitiativeSnapshot initiative;
        private final List<Violation> violations = new ArrayList<>();

        Rules(int index, InitiativeSnapshot initiative) {
            this.index = index;
            this.initiative = initiative;
        }

        void require(String field, Object value) {
            when(value == null || (value instanceof String text && text.isBlank()), field, "Required", "validation.required");
        }

        void when(boolean broken, String field, String code, String messageKey, Object... arguments) {
            if (!broken) {
                return;
            }
            Violation plain = validator.violation("initiatives[" + index + "]." + field, code, messageKey, arguments);
            Locale locale = LocaleContextHolder.getLocale();
            String message = blank(initiative.name())
                    ? messages.getMessage("validation.initiative.prefixNew", new Object[] {index + 1, initiative.initiativeId(), plain.message()}, locale)
                    : messages.getMessage("validation.initiative.prefix",
                            new Object[] {initiative.name(), initiative.initiativeId(), plain.message()}, locale);
            violations.add(new Violation(plain.path(), code, message));
        }
    }

    private static boolean before(YearMonth month, YearMonth start) {
        return month != null && start != null && month.isBefore(start);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Names compare without case or accents: "Système" and "systeme" are the same initiative. */
    private static String comparable(String name) {
        return Normalizer.normalize(name.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
