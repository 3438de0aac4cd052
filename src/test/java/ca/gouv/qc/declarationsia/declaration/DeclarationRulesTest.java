package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import jakarta.validation.Validation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Each submission rule of declaration-model.md: a valid case passes, a broken case names the initiative and field. */
public class DeclarationRulesTest {

    private static final YearMonth REFERENCE = YearMonth.of(2025, 6);

    private DeclarationRules rules;

    @BeforeEach
    void setUp() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        rules = new DeclarationRules(new InputValidator(Validation.buildDefaultValidatorFactory().getValidator(), messages),
                messages);
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** A complete production initiative bought from a supplier: breaks no rule. */
    public static InitiativeSnapshot valid() {
        return new InitiativeSnapshot("IA-MRNF-0001", "Agent conversationnel des permis", ObjectType.ACTIF_INFORMATIONNEL,
                "Un agent conversationnel répond aux questions sur les permis de chasse.",
                Category.ASSISTANT_AGENT_CONVERSATIONNEL, null, "Réponses en tout temps", Phase.EXPLOITATION_SUIVI,
                YearMonth.of(2023, 4), YearMonth.of(2024, 1), null, true, false, true,
                AcquisitionMode.SOLUTION_INFONUAGIQUE_COMMERCIALE, "Fournisseur inc.", "Produit X", PersonalInformation.NON,
                PrivacyImpactAssessment.REALISEE, DecisionRole.SOUTIEN_OPERATIONNEL, HumanOversight.HUMAIN_SUR_LA_BOUCLE,
                RiskLevel.MODERE, "Un agent répond aux questions sur les permis.", null, null, false);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("name required", "name", "Required", i -> with(i, "name", null)),
                broken("name of 3 characters at least", "name", "Size", i -> with(i, "name", "IA")),
                broken("object type required", "objectType", "Required", i -> with(i, "objectType", null)),
                broken("description of 20 characters at least", "description", "Size", i -> with(i, "description", "Trop court")),
                broken("category required", "category", "Required", i -> with(i, "category", null)),
                broken("subcategory only for image processing", "subcategory", "Subcategory",
                        i -> with(i, "subcategory", Subcategory.IMAGERIE_MEDICALE)),
                broken("benefits required", "benefits", "Required", i -> with(i, "benefits", " ")),
                broken("phase required", "phase", "Required", i -> with(i, "phase", null)),
                broken("start date required", "startDate", "Required", i -> with(i, "startDate", null)),
                broken("start not after the reference date", "startDate", "AfterReference",
                        i -> with(i, "startDate", YearMonth.of(2025, 7))),
                broken("production date required in production", "productionDate", "Required", i -> with(i, "productionDate", null)),
                broken("production not before the start", "productionDate", "BeforeStart",
                        i -> with(i, "productionDate", YearMonth.of(2023, 1))),
                broken("retirement date required when retired", "retirementDate", "Required",
                        i -> with(i, "phase", Phase.MISE_HORS_SERVICE)),
                broken("services to the population required", "servicesToPopulation", "Required",
                        i -> with(i, "servicesToPopulation", null)),
                broken("cybersecurity required", "cybersecurity", "Required", i -> with(i, "cybersecurity", null)),
                broken("generative AI required", "generativeAi", "Required", i -> with(i, "generativeAi", null)),
                broken("acquisition mode required", "acquisitionMode", "Required", i -> with(i, "acquisitionMode", null)),
                broken("supplier required when bought", "supplierName", "Required", i -> with(i, "supplierName", null)),
                broken("product required when bought", "productName", "Required", i -> with(i, "productName", null)),
                broken("personal information required", "personalInformation", "Required",
                        i -> with(i, "personalInformation", null)),
                broken("unknown personal information not in production", "personalInformation", "UnknownInProduction",
                        i -> with(i, "personalInformation", PersonalInformation.INCONNU)),
                broken("privacy assessment required with generative AI", "privacyImpactAssessment", "Required",
                        i -> with(i, "privacyImpactAssessment", null)),
                broken("decision role required", "decisionRole", "Required", i -> with(i, "decisionRole", null)),
                broken("fully automated decision needs no human", "humanOversight", "Inconsistent",
                        i -> with(i, "decisionRole", DecisionRole.DECISION_EXCLUSIVEMENT_AUTOMATISEE)),
                broken("no human needs a fully automated decision", "humanOversight", "Inconsistent",
                        i -> with(i, "humanOversight", HumanOversight.DECISION_AUTOMATISEE_SANS_INTERVENTION)),
                broken("risk level required", "riskLevel", "Required", i -> with(i, "riskLevel", null)),
                broken("not assessed only early", "riskLevel", "NotAssessed", i -> with(i, "riskLevel", RiskLevel.NON_EVALUE)),
                broken("public description required when publishable", "publicDescription", "Required",
                        i -> with(i, "publicDescription", null)));
    }

    static Stream<Arguments> validVariants() {
        return Stream.of(
                Arguments.of("in-house development needs no supplier",
                        with(with(with(valid(), "acquisitionMode", AcquisitionMode.DEVELOPPEMENT_INTERNE), "supplierName", null),
                                "productName", null)),
                Arguments.of("medical imaging under image processing",
                        with(with(valid(), "category", Category.TRAITEMENT_IMAGE), "subcategory", Subcategory.IMAGERIE_MEDICALE)),
                Arguments.of("not assessed while exploring",
                        with(with(with(with(valid(), "phase", Phase.EXPLORATION), "riskLevel", RiskLevel.NON_EVALUE),
                                "productionDate", null), "personalInformation", PersonalInformation.INCONNU)),
                Arguments.of("fully automated and no human, together",
                        with(with(valid(), "decisionRole", DecisionRole.DECISION_EXCLUSIVEMENT_AUTOMATISEE),
                                "humanOversight", HumanOversight.DECISION_AUTOMATISEE_SANS_INTERVENTION)),
                Arguments.of("a cybersecurity initiative needs no public description",
                        with(with(valid(), "cybersecurity", true), "publicDescription", null)),
                Arguments.of("retired with its date",
                        with(with(valid(), "phase", Phase.MISE_HORS_SERVICE), "retirementDate", YearMonth.of(2025, 3))),
                Arguments.of("no personal information and no generative AI need no privacy assessment",
                        with(with(valid(), "generativeAi", false), "privacyImpactAssessment", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validVariants")
    void a_valid_initiative_passes(String name, InitiativeSnapshot initiative) {
        assertThat(check(declaration(false, List.of(initiative)), List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void a_broken_rule_names_the_initiative_and_the_field(String name, String field, String code,
            UnaryOperator<InitiativeSnapshot> breakIt) {
        List<Violation> violations = check(declaration(false, List.of(valid(), breakIt.apply(other()))), List.of());
        assertThat(violations).as(name).anySatisfy(violation -> {
            assertThat(violation.path()).isEqualTo("initiatives[1]." + field);
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.message()).contains("IA-MRNF-0002");
        });
        assertThat(violations).as("the valid initiative is not blamed").noneMatch(v -> v.path().startsWith("initiatives[0]"));
    }

    @Test
    void the_baseline_is_valid_and_messages_name_the_field_in_french() {
        assertThat(check(declaration(false, List.of(valid())), List.of())).isEmpty();
        List<Violation> violations = check(declaration(false, List.of(with(valid(), "productionDate", null))), List.of());
        assertThat(violations).extracting(Violation::message).containsExactly(
                "Initiative « Agent conversationnel des permis » (IA-MRNF-0001) — Mise en production (AAAA-MM) : "
                        + "obligatoire pour une solution en production");
    }

    @Test
    void names_are_unique_without_regard_to_case_or_accents() {
        InitiativeSnapshot same = with(with(other(), "name", "AGENT CONVERSATIONNEL DES PERMÎS"), "initiativeId", "IA-MRNF-0002");
        assertThat(check(declaration(false, List.of(valid(), same)), List.of()))
                .extracting(Violation::path, Violation::code).containsExactly(org.assertj.core.groups.Tuple.tuple("initiatives[1].name", "Duplicate"));
    }

    @Test
    void a_nil_declaration_has_no_initiative_and_a_declaration_has_at_least_one() {
        assertThat(check(declaration(true, List.of()), List.of())).isEmpty();
        assertThat(check(declaration(true, List.of(valid())), List.of())).extracting(Violation::code)
                .containsExactly("NilWithInitiatives");
        assertThat(check(declaration(false, List.of()), List.of())).extracting(Violation::code).containsExactly("NoInitiative");
    }

    @Test
    void every_initiative_active_last_year_comes_back() {
        List<DeclarationRules.CarriedOver> lastYear = List.of(new DeclarationRules.CarriedOver("IA-MRNF-0001", "Agent"),
                new DeclarationRules.CarriedOver("IA-MRNF-0007", "Tri des courriels"));
        List<Violation> violations = check(declaration(false, List.of(valid())), lastYear);
        assertThat(violations).extracting(Violation::code).containsExactly("CarryOverMissing");
        assertThat(violations.get(0).message()).contains("IA-MRNF-0007", "Tri des courriels");
    }

    @Test
    void the_contact_is_required() {
        Declaration withoutContact = new Declaration(1L, 2025, "MRNF", "RESSOURCES_NATURELLES", false,
                DeclarationStatus.BROUILLON, true, null, null, false, null, null, false, null, 0, null, List.of(), 0);
        assertThat(check(withoutContact, List.of())).extracting(Violation::path).containsExactly("contact.name", "contact.email");
    }

    private List<Violation> check(Declaration declaration, List<DeclarationRules.CarriedOver> carriedOver) {
        return rules.check(declaration, REFERENCE, carriedOver);
    }

    private static InitiativeSnapshot other() {
        return with(with(valid(), "initiativeId", "IA-MRNF-0002"), "name", "Prévision des feux de forêt");
    }

    private static Declaration declaration(boolean nil, List<InitiativeSnapshot> initiatives) {
        return new Declaration(1L, 2025, "MRNF", "RESSOURCES_NATURELLES", false, DeclarationStatus.BROUILLON, nil, null,
                new Declaration.Person("Rita Répondante", "ia.mrnf@example.qc.ca"), false, null, null, false, null, 0, null,
                new ArrayList<>(initiatives), 0);
    }

    /** A copy of the snapshot with one component changed, by name. */
    public static InitiativeSnapshot with(InitiativeSnapshot snapshot, String component, Object value) {
        try {
            var components = InitiativeSnapshot.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(snapshot);
            }
            return InitiativeSnapshot.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments broken(String name, String field, String code, UnaryOperator<InitiativeSnapshot> breakIt) {
        return Arguments.of(name, field, code, breakIt);
    }
}
