package ca.gouv.qc.declarationsia.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.shared.ConflictRefusingIdentityProvider;
import ca.gouv.qc.declarationsia.shared.EngineInternals;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * The engine's internal classes ({@code org.camunda.bpm.*.impl.*}) are reached through {@link EngineInternals} alone,
 * so that a move to another engine (Operaton) changes one class and the build, not the capabilities.
 */
class EngineInternalsTest {

    private static final String ROOT = "ca.gouv.qc.declarationsia";

    private static final DescribedPredicate<JavaClass> ENGINE_INTERNALS = DescribedPredicate.describe(
            "the engine's internal classes (org.camunda.bpm..impl..)",
            type -> type.getPackageName().startsWith("org.camunda.bpm.")
                    && (type.getPackageName().contains(".impl.") || type.getPackageName().endsWith(".impl")));

    /** The adapter: EngineInternals, and the engine's identity store it installs (which must extend the engine's). */
    private static final DescribedPredicate<JavaClass> THE_ADAPTER = DescribedPredicate.describe(
            "EngineInternals or the identity store it installs",
            type -> type.getName().startsWith(EngineInternals.class.getName())
                    || type.getName().startsWith(ConflictRefusingIdentityProvider.class.getName()));

    private static final ArchRule ONLY_THE_ADAPTER = noClasses().that(DescribedPredicate.not(THE_ADAPTER))
            .should().dependOnClassesThat(ENGINE_INTERNALS)
            .because("internals carry no compatibility promise: they live behind shared.EngineInternals");

    @Test
    void only_the_adapter_reaches_the_engines_internals() {
        ONLY_THE_ADAPTER.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT));
    }

    @Test
    void the_rule_sees_a_class_that_reads_the_engines_clock_directly() {
        assertThatThrownBy(() -> ONLY_THE_ADAPTER.check(new ClassFileImporter().importClasses(ReadsTheClock.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ClockUtil");
    }

    /** What a capability must not do: the engine's clock is EngineInternals.now(). */
    static final class ReadsTheClock {

        java.util.Date now() {
            return ClockUtil.getCurrentTime();
        }
    }
}
