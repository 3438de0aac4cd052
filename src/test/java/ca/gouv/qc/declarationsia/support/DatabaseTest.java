package ca.gouv.qc.declarationsia.support;

import ca.gouv.qc.declarationsia.campaign.CampaignProperties;
import ca.gouv.qc.declarationsia.notification.OutboxProperties;
import ca.gouv.qc.declarationsia.security.SingleSignOnProperties;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database layer: Flyway's schema on the real PostgreSQL 17 ({@link TestPostgres}, a database of its own, so its
 * campaign years are free of the whole application's), Spring Data JDBC's repositories and mapping, the services
 * listed in {@link Services} with the messages, the validator and Jackson, and the engine that runs our models with
 * their real delegates and listeners (Camunda's Spring Boot starter, as the application builds it from
 * {@code application.yml}, named {@code database-layer}: no job executor, the tests run the jobs that are due,
 * {@link TestCampaigns}), and an in-process SMTP server ({@link Mail}). No web: no HTTP, no security filters, no pages;
 * a service is called as a request would call it, with a {@code SecurityContext} of the role and the locale set by the
 * test. Every class so annotated shares one Spring context (keep it that way: do not add {@code @Import} or properties
 * to a single test class; add a service to {@link Services}). As in {@link IntegrationTest}, each statement commits (no
 * test transaction rolled back): a refused statement must not poison the next one, and tests create their own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJdbcTest(properties = {
        "camunda.bpm.process-engine-name=database-layer",
        // the tests run the jobs that are due, on the engine's clock (TestCampaigns.runDueJobs)
        "camunda.bpm.job-execution.enabled=false",
        // ... the hand-off of submissions and the mail dispatcher too
        "declarations.submission.handoff.enabled=false",
        "declarations.mail.dispatch.enabled=false",
})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({DatabaseTest.Postgres.class, DatabaseTest.Services.class, DatabaseTest.Settings.class, DatabaseTest.Mail.class})
@ImportAutoConfiguration({MessageSourceAutoConfiguration.class, ValidationAutoConfiguration.class,
        JacksonAutoConfiguration.class, CamundaBpmAutoConfiguration.class})
public @interface DatabaseTest {

    /**
     * The services the database tests exercise, and the delegates and listeners the models name, as class names
     * because most are package-private; each takes only the database, the messages, the validator, the engine, the mail
     * sender or another of these.
     */
    class Services implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata importingClass) {
            return new String[] {
                    "ca.gouv.qc.declarationsia.shared.validation.InputValidator",
                    "ca.gouv.qc.declarationsia.shared.ClockConfiguration",
                    "ca.gouv.qc.declarationsia.shared.JobAcquisitionIndexes",
                    "ca.gouv.qc.declarationsia.security.AccessPolicy",
                    "ca.gouv.qc.declarationsia.security.RespondentAccounts",
                    "ca.gouv.qc.declarationsia.security.AccountActivity",
                    "ca.gouv.qc.declarationsia.security.SignInLinks",
                    "ca.gouv.qc.declarationsia.security.IdentityEnginePlugin",
                    "ca.gouv.qc.declarationsia.publication.PortraitCalculator",
                    "ca.gouv.qc.declarationsia.publication.Editions",
                    "ca.gouv.qc.declarationsia.publication.BaselineImport",
                    "ca.gouv.qc.declarationsia.publication.PublicationApprovals",
                    "ca.gouv.qc.declarationsia.publication.PublishEditionDelegate",
                    "ca.gouv.qc.declarationsia.publication.RecordApprovalListener",
                    "ca.gouv.qc.declarationsia.organization.OrganizationService",
                    "ca.gouv.qc.declarationsia.organization.OrganizationCsvImport",
                    "ca.gouv.qc.declarationsia.organization.OrganizationBatch",
                    "ca.gouv.qc.declarationsia.organization.Successions",
                    "ca.gouv.qc.declarationsia.declaration.DeclaredInitiativesOfBodies",
                    "ca.gouv.qc.declarationsia.declaration.CarryOver",
                    "ca.gouv.qc.declarationsia.declaration.InitiativeIds",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationRules",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationStatusRows",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationService",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationHistory",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationMails",
                    "ca.gouv.qc.declarationsia.declaration.DeclarationTasks",
                    "ca.gouv.qc.declarationsia.declaration.SubmissionHandoff",
                    "ca.gouv.qc.declarationsia.declaration.SubmissionHandoffHealthIndicator",
                    "ca.gouv.qc.declarationsia.declaration.PutUnderReviewDelegate",
                    "ca.gouv.qc.declarationsia.declaration.RequireSubmissionListener",
                    "ca.gouv.qc.declarationsia.form.FormAnswers",
                    "ca.gouv.qc.declarationsia.form.FormVersions",
                    "ca.gouv.qc.declarationsia.form.FormProblems",
                    "ca.gouv.qc.declarationsia.form.AnswerRules",
                    "ca.gouv.qc.declarationsia.campaign.CampaignLifecycle",
                    "ca.gouv.qc.declarationsia.campaign.CampaignService",
                    "ca.gouv.qc.declarationsia.campaign.CampaignTargets",
                    "ca.gouv.qc.declarationsia.campaign.CampaignCalendar",
                    "ca.gouv.qc.declarationsia.campaign.CampaignDashboard",
                    "ca.gouv.qc.declarationsia.campaign.ExtensionService",
                    "ca.gouv.qc.declarationsia.campaign.LaunchFirst",
                    "ca.gouv.qc.declarationsia.campaign.OpenCampaignDelegate",
                    "ca.gouv.qc.declarationsia.campaign.CloseCampaignDelegate",
                    "ca.gouv.qc.declarationsia.campaign.PlanLaunchBatchesDelegate",
                    "ca.gouv.qc.declarationsia.campaign.LaunchDeclarationBatchDelegate",
                    "ca.gouv.qc.declarationsia.campaign.QueueInvitationDelegate",
                    "ca.gouv.qc.declarationsia.campaign.QueueFollowUpDelegate",
                    "ca.gouv.qc.declarationsia.review.ReviewRounds",
                    "ca.gouv.qc.declarationsia.review.ReviewService",
                    "ca.gouv.qc.declarationsia.review.ReviewQuestions",
                    "ca.gouv.qc.declarationsia.review.ReviewDecisionListener",
                    "ca.gouv.qc.declarationsia.review.RequestCorrectionsDelegate",
                    "ca.gouv.qc.declarationsia.review.AcceptDeclarationDelegate",
                    "ca.gouv.qc.declarationsia.notification.MailTemplates",
                    "ca.gouv.qc.declarationsia.notification.Outbox",
                    "ca.gouv.qc.declarationsia.notification.MailDispatcher",
                    "ca.gouv.qc.declarationsia.notification.MailDelivery",
                    "ca.gouv.qc.declarationsia.notification.MailHealthIndicator",
                    // the tests' own helpers
                    "ca.gouv.qc.declarationsia.support.TestCampaigns",
                    "ca.gouv.qc.declarationsia.support.TestDeclarations",
                    "ca.gouv.qc.declarationsia.notification.MailDispatchers",
            };
        }
    }

    /**
     * The application's settings ({@code declarations.*}) the services read, bound as the application binds them
     * (its {@code @ConfigurationPropertiesScan} is a component scan, which the slice filters out).
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CampaignProperties.class, OutboxProperties.class, SingleSignOnProperties.class})
    class Settings {
    }

    /** Mail as local mode catches it: an in-process SMTP server on a free port, and the sender that talks to it. */
    @TestConfiguration(proxyBeanMethods = false)
    class Mail {

        @Bean(initMethod = "start", destroyMethod = "stop")
        GreenMail mailCatcher() {
            // a port chosen once, so that a stopped catcher restarts where the sender expects it
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Bean
        JavaMailSenderImpl mailSender(GreenMail mailCatcher) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(mailCatcher.getSmtp().getPort());
            sender.setDefaultEncoding("UTF-8");
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
            return sender;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class Postgres {

        /** Not closed with the context: the engine may still use it while it stops. */
        @Bean(destroyMethod = "")
        DataSource dataSource() {
            return TestPostgres.databaseLayer();
        }
    }
}
