package ca.gouv.qc.declarationsia.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database layer alone: Flyway's schema on the real PostgreSQL 17 ({@link TestPostgres}), Spring Data JDBC's
 * repositories and mapping, and the few services that need nothing more than the database, the messages, the
 * validator and the engine's identity store ({@link Services}, {@link Identity}); no process, no web, no mail. Every class so annotated shares one Spring context (keep
 * it that way: do not add {@code @Import} or properties to a single test class; add a service to {@link Services}). As in {@link IntegrationTest}, each
 * statement commits (no test transaction rolled back): a refused statement must not poison the next one, and tests
 * create their own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({DatabaseTest.Postgres.class, DatabaseTest.Services.class, DatabaseTest.Identity.class})
@ImportAutoConfiguration({MessageSourceAutoConfiguration.class, ValidationAutoConfiguration.class,
        JacksonAutoConfiguration.class})
public @interface DatabaseTest {

    /**
     * The services the database tests exercise, named as strings because most are package-private; each takes only
     * the database, the messages, the validator or another of these.
     */
    class Services implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata importingClass) {
            return new String[] {
                    "ca.gouv.qc.declarationsia.shared.validation.InputValidator",
                    "ca.gouv.qc.declarationsia.security.AccessPolicy",
                    "ca.gouv.qc.declarationsia.publication.PortraitCalculator",
                    "ca.gouv.qc.declarationsia.publication.Editions",
                    "ca.gouv.qc.declarationsia.publication.BaselineImport",
                    "ca.gouv.qc.declarationsia.shared.ClockConfiguration",
                    "ca.gouv.qc.declarationsia.security.RespondentAccounts",
                    "ca.gouv.qc.declarationsia.organization.OrganizationService",
                    "ca.gouv.qc.declarationsia.organization.OrganizationCsvImport",
                    "ca.gouv.qc.declarationsia.organization.Successions",
                    "ca.gouv.qc.declarationsia.declaration.DeclaredInitiativesOfBodies",
                    "ca.gouv.qc.declarationsia.declaration.CarryOver",
                    "ca.gouv.qc.declarationsia.declaration.InitiativeIds",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationRules",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle",
                    "ca.gouv.qc.declarationsia.form.FormAnswers",
                    "ca.gouv.qc.declarationsia.form.FormVersions",
                    "ca.gouv.qc.declarationsia.form.FormProblems",
                    "ca.gouv.qc.declarationsia.form.AnswerRules",
            };
        }
    }

    /**
     * Accounts and groups (RespondentAccounts) live in the engine's identity store: the deployment-only engine's
     * ({@code deployment-only.camunda.cfg.xml}, on the same PostgreSQL, with the application's identity plugin), the one
     * camunda-bpm-junit5 builds for the process tests and keeps for the JVM. Its runtime and tasks answer the
     * services that ask the engine whether a process waits (DeclarationLifecycle): no process of ours is deployed
     * there, so none waits.
     */
    @TestConfiguration(proxyBeanMethods = false)
    class Identity {

        @Bean
        IdentityService identityService() {
            return engine().getIdentityService();
        }

        @Bean
        RuntimeService runtimeService() {
            return engine().getRuntimeService();
        }

        @Bean
        TaskService taskService() {
            return engine().getTaskService();
        }

        private static ProcessEngine engine() {
            return TestHelper.getProcessEngine("deployment-only.camunda.cfg.xml");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class Postgres {

        /** Not closed with the context: the deployment-only engine may still use it. */
        @Bean(destroyMethod = "")
        DataSource dataSource() {
            return TestPostgres.dataSource();
        }
    }
}
