package ca.gouv.qc.declarationsia.local;

import ca.gouv.qc.declarationsia.organization.ImportReport;
import ca.gouv.qc.declarationsia.organization.OrganizationCsvImport;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local mode's demo: the registry of Québec public bodies (imported once, through the same CSV import coordinators
 * use) and one demo user per role. Every demo user has the local demo password. The demo coordinator is also in
 * Camunda's own admin group, which the webapps require to exist (else they offer a first-admin setup page).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "declarations.local.demo-data", havingValue = "true", matchIfMissing = true)
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo staff users: id, first name, last name, groups. */
    static final List<List<String>> STAFF = List.of(
            List.of("coordo", "Claire", "Coordonnatrice", Roles.COORDINATORS, Groups.CAMUNDA_ADMIN),
            List.of("analyste", "Antoine", "Analyste", Roles.REVIEWERS),
            List.of("gestion", "Geneviève", "Gestionnaire", Roles.MANAGERS));

    private final OrganizationCsvImport csvImport;
    private final OrganizationService organizations;
    private final IdentityService identity;
    private final LocalModeProperties properties;
    private final TransactionTemplate transaction;

    DemoData(OrganizationCsvImport csvImport, OrganizationService organizations, IdentityService identity,
            LocalModeProperties properties, PlatformTransactionManager transactions) {
        this.csvImport = csvImport;
        this.organizations = organizations;
        this.identity = identity;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * In one transaction: a brand-new local mode is ready once its demo exists, and some 140 bodies with their
     * accounts in one commit instead of several hundred is a second less before the first page.
     */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> seed());
    }

    private void seed() {
        STAFF.forEach(user -> ensureUser(user.get(0), user.get(1), user.get(2), user.subList(3, user.size())));
        if (SystemAuthentication.runAsSystem(organizations::list).isEmpty()) {
            ImportReport report = SystemAuthentication.runAsSystem(() -> csvImport.importCsv(registry()));
            log.info("Demo registry imported: {} organizations created, {} rejected", report.created(),
                    report.rejected().size());
            // Respondents get the demo password too, so that any organization can be tried.
            identity.createUserQuery().list().stream()
                    .filter(user -> user.getId().contains("@"))
                    .forEach(this::setDemoPassword);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@mcn.example.qc.ca");
            user.setPassword(properties.demoPassword());
            identity.saveUser(user);
        }
        groups.forEach(group -> ensureMembership(id, group));
    }

    /** The groups themselves exist already: {@code CamundaAuthorizations} runs first. */
    private void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void setDemoPassword(User user) {
        user.setPassword(properties.demoPassword());
        identity.saveUser(user);
    }

    private static byte[] registry() {
        try (var input = new ClassPathResource("local/organizations.csv").getInputStream()) {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
