package ca.gouv.qc.declarationsia.publication;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.valid;
import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.declaration.Phase;
import ca.gouv.qc.declarationsia.organization.OrganizationForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.ExtendedModelMap;

/**
 * A dataset whose Portrait was computed by hand: the figures come out exactly; what must never be public is absent
 * from every public output (the figures, the open data as the public downloads it, what the public pages are given to
 * show); a published edition does not move, and an erratum is a second version. The database layer: the editions,
 * and the public controllers' methods called as their requests would (who may publish an erratum is
 * {@code AccessRulesTest}'s; the pages in a browser, {@code PublicJourneyTest}'s).
 */
@DatabaseTest
class PortraitTest {

    private static final int PREVIOUS = 2076;
    private static final int YEAR = 2077;

    @Autowired
    Editions editions;

    @Autowired
    BaselineImport baseline;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    InitiativeIds initiativeIds;

    @Autowired
    OrganizationService organizations;

    @Autowired
    MessageSource messages;

    @Autowired
    ObjectMapper json;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void french() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void the_portrait_counts_what_the_spec_counts_and_publishes_nothing_it_must_not() throws Exception {
        TestOrganizations.create(organizations, "PUB-A");
        SystemAuthentication.runAsSystem(() -> organizations.save("PUB-B", new OrganizationForm("CISSS de test PUB-B",
                "CISSS test PUB-B", null, "RESEAU_SANTE", "SANTE", null, true, "fr",
                List.of(new OrganizationForm.ContactForm(null, "ia.pub-b@example.qc.ca")),
                new OrganizationForm.ContactForm(null, "dri.pub-b@example.qc.ca"))));
        TestOrganizations.create(organizations, "PUB-C");
        TestOrganizations.create(organizations, "PUB-D");
        for (int year : new int[] {PREVIOUS, YEAR}) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE')", year, java.sql.Date.valueOf(year + "-06-30"),
                    java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                    java.sql.Date.valueOf(year + "-11-30"));
        }
        declare(PREVIOUS, "PUB-A", "FINANCES", false, DeclarationStatus.ACCEPTEE, i -> i, i -> i);
        editions.publish(PREVIOUS, "coordo", null);

        declare(YEAR, "PUB-A", "FINANCES", false, DeclarationStatus.ACCEPTEE,
                i -> with(with(with(with(i, "name", "Automatisation des paiements"), "category", Category.AUTOMATISATION),
                        "supplierName", "Acme Secret"), "productName", "Zorglub"),
                i -> with(with(with(with(i, "name", "Agent en exploration"), "phase", Phase.EXPLORATION),
                        "servicesToPopulation", false), "generativeAi", false),
                i -> with(with(i, "name", "Détection d’intrusions"), "cybersecurity", true),
                i -> with(with(i, "name", "Ancien tri"), "phase", Phase.MISE_HORS_SERVICE),
                i -> with(with(with(with(with(with(i, "servicesToPopulation", false), "name", "Tri des dossiers"),
                        "category", Category.AUTOMATISATION),
                        "phase", Phase.TEST_VALIDATION), "statusUnavailableReason", "Information à confirmer"),
                        "generativeAi", false));
        declare(YEAR, "PUB-B", "SANTE", true, DeclarationStatus.ACCEPTEE,
                i -> with(with(with(with(i, "name", "Lecture d’imagerie"), "category", Category.TRAITEMENT_IMAGE),
                        "phase", Phase.MISE_A_DISPOSITION), "generativeAi", false),
                i -> with(with(i, "name", "Projet non publiable"), "notPublishable", true));
        declare(YEAR, "PUB-C", "FINANCES", false, DeclarationStatus.SOUMISE, i -> with(i, "name", "Pas encore accepté"));

        assertThat(editions.publish(YEAR, "coordo", null)).isEqualTo(1);

        // GET /api/portraits/{year} answers this record
        Portrait portrait = editions.portrait(YEAR);
        assertThat(portrait.totalInitiatives()).isEqualTo(4);
        assertThat(portrait.organizationsWithInitiatives()).isEqualTo(2);
        assertThat(portrait.previousYear()).isEqualTo(PREVIOUS);
        assertThat(portrait.changeAbsolute()).isEqualTo(2);
        assertThat(portrait.changePercent()).isEqualTo(100.0);
        assertThat(portrait.newOrganizations()).isEqualTo(1);
        assertThat(portrait.servicesToPopulation()).isEqualTo(2);
        assertThat(portrait.generativeAi()).isEqualTo(1);
        assertThat(portrait.byCategory()).containsEntry("AUTOMATISATION", 2)
                .containsEntry("ASSISTANT_AGENT_CONVERSATIONNEL", 1).containsEntry("TRAITEMENT_IMAGE", 1);
        assertThat(portrait.byStatus()).containsEntry("SOLUTION_EN_PRODUCTION", 2)
                .containsEntry("DEVELOPPEMENT_SOLUTION", 1).containsEntry("INFORMATION_INDISPONIBLE", 1);
        assertThat(portrait.byPortfolio()).containsEntry("Finances", 3)
                .containsEntry("Santé et Services sociaux (Réseau)", 1);
        assertThat(portrait.topOrganizations().get(0)).isEqualTo(new Portrait.TopOrganization("Organisme de test PUB-A", 3));

        // the open data as the public downloads them: the spec's columns, one row per published initiative
        PortraitController openData = new PortraitController(editions, baseline, messages);
        String csv = openData.csv(YEAR).getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF\"Nom de l'actif, du projet ou de l'initiative\","
                + "Catégorie,Organisme responsable,Portefeuille ministériel,Bénéfices,Statut,Identifiant,Produit (nom générique)");
        assertThat(csv.lines().count()).isEqualTo(5);
        assertThat(csv).as("the status's French label").contains("Information indisponible");
        String openJson = json.writeValueAsString(openData.json(YEAR));
        String figures = json.writeValueAsString(portrait);
        // what the public pages are given to show: the Portrait's and the register's models
        PortraitPageController pages = new PortraitPageController(editions, messages, new PortfolioLabels(organizations));
        ExtendedModelMap portraitPage = new ExtendedModelMap();
        pages.portrait(YEAR, portraitPage, Locale.CANADA_FRENCH);
        ExtendedModelMap registerPage = new ExtendedModelMap();
        pages.register(YEAR, null, null, null, null, registerPage);
        for (String secret : List.of("Acme Secret", "Zorglub", "Détection d’intrusions", "Ancien tri", "Projet non publiable",
                "Pas encore accepté")) {
            assertThat(csv).doesNotContain(secret);
            assertThat(openJson).doesNotContain(secret);
            assertThat(figures).doesNotContain(secret);
            assertThat(String.valueOf(portraitPage)).doesNotContain(secret);
            assertThat(String.valueOf(registerPage)).doesNotContain(secret);
        }
        assertThat(String.valueOf(portraitPage)).contains("Santé et Services sociaux (Réseau)", "Lecture d’imagerie");

        // the register's filters, an initiative's years, the coverage
        assertThat(editions.register(YEAR, "AUTOMATISATION", null, null, null)).hasSize(2);
        assertThat(editions.register(YEAR, null, null, "Santé et Services sociaux (Réseau)", null))
                .singleElement().extracting(Editions.PublishedInitiative::name).isEqualTo("Lecture d’imagerie");
        String imaging = jdbc.queryForObject("select initiative_id from published_initiative where name = 'Lecture d’imagerie'",
                String.class);
        assertThat(editions.history(imaging)).singleElement()
                .satisfies(year -> assertThat(year.year()).isEqualTo(YEAR))
                .satisfies(year -> assertThat(year.organizationName()).isEqualTo("CISSS de test PUB-B"));
        assertThatThrownBy(() -> editions.history("IA-NOPE-0001")).isInstanceOf(NotFoundException.class);
        jdbc.update("insert into campaign_target (campaign_year, organization_code) values (?, 'PUB-A'), (?, 'PUB-B'), "
                + "(?, 'PUB-D')", YEAR, YEAR, YEAR);
        Map<String, Editions.Coverage> coverage = new java.util.HashMap<>();
        editions.coverage(YEAR).forEach(row -> coverage.put(row.organizationName(), row));
        assertThat(coverage.get("Organisme de test PUB-A")).as("declared initiatives")
                .isEqualTo(new Editions.Coverage("Organisme de test PUB-A", "ACCEPTEE", false, false));
        assertThat(coverage.get("Organisme de test PUB-D")).as("targeted, no answer")
                .isEqualTo(new Editions.Coverage("Organisme de test PUB-D", "BROUILLON", false, false));

        // later edits do not touch the published edition; an erratum is version 2 and version 1 stays
        jdbc.update("update initiative_snapshot set name = 'Automatisation des paiements (révisée)' where name = "
                + "'Automatisation des paiements'");
        assertThat(editions.initiatives(YEAR)).extracting(Editions.PublishedInitiative::name)
                .contains("Automatisation des paiements").doesNotContain("Automatisation des paiements (révisée)");
        assertThatThrownBy(() -> jdbc.update("update published_initiative set name = 'x'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThat(editions.publishErratum(YEAR, "coordo", "Nom corrigé")).isEqualTo(2);
        assertThat(editions.portrait(YEAR).version()).isEqualTo(2);
        assertThat(editions.initiatives(YEAR)).extracting(Editions.PublishedInitiative::name)
                .contains("Automatisation des paiements (révisée)");
        assertThat(jdbc.queryForList("select version from published_edition where campaign_year = ? order by version",
                Integer.class, YEAR)).containsExactly(1, 2);
        assertThatThrownBy(() -> editions.portrait(2099)).isInstanceOf(NotFoundException.class);
    }

    @SafeVarargs
    private void declare(int year, String organizationCode, String portfolio, boolean network, DeclarationStatus status,
            UnaryOperator<InitiativeSnapshot>... initiatives) {
        transactions.executeWithoutResult(tx -> {
            List<InitiativeSnapshot> snapshots = new ArrayList<>();
            for (UnaryOperator<InitiativeSnapshot> initiative : initiatives) {
                snapshots.add(initiative.apply(with(valid(), "initiativeId", initiativeIds.next(organizationCode))));
            }
            declarations.save(new Declaration(null, year, organizationCode, portfolio, network, status, false, null,
                    new Declaration.Person("Rita", "ia@example.qc.ca"), true, new Declaration.Signatory("D", "DPI", "d@example.qc.ca"),
                    Instant.parse(year + "-10-15T12:00:00Z"), false, null, 0, null, snapshots, null));
        });
    }

}
