package ca.gouv.qc.declarationsia.publication;

import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.valid;
import static ca.gouv.qc.declarationsia.declaration.DeclarationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gouv.qc.declarationsia.declaration.Declaration;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.declaration.InitiativeSnapshot;
import ca.gouv.qc.declarationsia.declaration.Phase;
import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.organization.OrganizationForm;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.Answers;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestForms;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestYears;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dataset whose Portrait was computed by hand: the figures come out exactly; what must never be public is absent
 * from every public output; a published edition does not move, and an erratum is a second version. The year is on a
 * form version with questions (issue 26): its open data publish the answers to the public ones, one column each, and
 * never another; the previous year, on version 1, downloads byte for byte as before versions existed.
 */
@IntegrationTest
class PortraitTest {

    /** The previous year and this one; then a year never published. */
    private static final int PREVIOUS = TestYears.take(2);
    private static final int YEAR = PREVIOUS + 1;
    private static final int NEVER_PUBLISHED = TestYears.take();

    @Autowired
    Editions editions;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    InitiativeIds initiativeIds;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    FormVersions forms;

    @Test
    void the_portrait_counts_what_the_spec_counts_and_publishes_nothing_it_must_not() throws Exception {
        TestOrganizations.create(organizations, "PUB-A");
        SystemAuthentication.runAsSystem(() -> organizations.save("PUB-B", new OrganizationForm("CISSS de test PUB-B",
                "CISSS test PUB-B", null, "RESEAU_SANTE", "SANTE", null, true, "fr",
                List.of(new OrganizationForm.ContactForm(null, "ia.pub-b@example.qc.ca")),
                new OrganizationForm.ContactForm(null, "dri.pub-b@example.qc.ca"))));
        TestOrganizations.create(organizations, "PUB-C");
        // this year's version: a public link and a public choice, a private contact and a private yes/no
        FormDefinition version = TestForms.next(forms, Map.of("portraitImpact", List.of(
                        TestForms.code("REALISEE", "Réalisée", "Completed"), TestForms.code("EN_COURS", "En cours", "In progress"))),
                List.of(TestForms.question("portraitPage", "SHORT_TEXT", "Page d’information publique",
                                "Public information page", null, true),
                        TestForms.question("portraitContact", "SHORT_TEXT", "Personne-ressource interne",
                                "Internal contact person", null, false),
                        TestForms.question("portraitImpact", "ONE_CHOICE", "État de l’évaluation d’impact",
                                "State of the impact assessment", "portraitImpact", true),
                        TestForms.question("portraitCommittee", "YES_NO", "Avis du comité d’éthique interne",
                                "Internal ethics committee's opinion", null, false)));
        for (int year : new int[] {PREVIOUS, YEAR}) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status, "
                    + "form_version) values (?, ?, ?, ?, ?, 'FERMEE', ?)", year, java.sql.Date.valueOf(year + "-06-30"),
                    java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                    java.sql.Date.valueOf(year + "-11-30"), year == YEAR ? version.version() : 1);
        }
        List<String> previousIds = declare(PREVIOUS, "PUB-A", "FINANCES", false, DeclarationStatus.ACCEPTEE, i -> i,
                i -> with(i, "name", "Tri, \"classement\" et suivi"));
        editions.publish(PREVIOUS, "coordo", null);
        // version 1: the open data as they were before versions existed, byte for byte
        String header = "\uFEFF\"Nom de l'actif, du projet ou de l'initiative\",Catégorie,Organisme responsable,"
                + "Portefeuille ministériel,Bénéfices,Statut,Identifiant,Produit (nom générique)\r\n";
        mvc.perform(get("/open-data/{year}/initiatives.csv", PREVIOUS)).andExpect(status().isOk())
                .andExpect(content().bytes((header
                        + "Agent conversationnel des permis,Assistant/agent conversationnel,Organisme de test PUB-A,"
                        + "Finances,Réponses en tout temps,Solution en production," + previousIds.get(0) + ",\r\n"
                        + "\"Tri, \"\"classement\"\" et suivi\",Assistant/agent conversationnel,Organisme de test PUB-A,"
                        + "Finances,Réponses en tout temps,Solution en production," + previousIds.get(1) + ",\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/open-data/{year}/initiatives.json", PREVIOUS)).andExpect(status().isOk())
                .andExpect(content().bytes(("[" + previousRow(previousIds.get(0), "Agent conversationnel des permis")
                        + "," + previousRow(previousIds.get(1), "Tri, \\\"classement\\\" et suivi") + "]")
                        .getBytes(StandardCharsets.UTF_8)));

        declare(YEAR, "PUB-A", "FINANCES", false, DeclarationStatus.ACCEPTEE,
                i -> with(with(with(with(with(i, "name", "Automatisation des paiements"), "category", Category.AUTOMATISATION),
                        "supplierName", "Acme Secret"), "productName", "Zorglub"), "answers", new Answers(Map.of(
                        "portraitPage", "https://www.quebec.ca/paiements", "portraitContact", "Rita Confidentielle",
                        "portraitImpact", "REALISEE", "portraitCommittee", true))),
                i -> with(with(with(with(i, "name", "Agent en exploration"), "phase", Phase.EXPLORATION),
                        "servicesToPopulation", false), "generativeAi", false),
                i -> with(with(with(i, "name", "Détection d’intrusions"), "cybersecurity", true), "answers",
                        new Answers(Map.of("portraitPage", "https://www.quebec.ca/intrusions-secretes"))),
                i -> with(with(i, "name", "Ancien tri"), "phase", Phase.MISE_HORS_SERVICE),
                i -> with(with(with(with(with(with(i, "servicesToPopulation", false), "name", "Tri des dossiers"),
                        "category", Category.AUTOMATISATION),
                        "phase", Phase.TEST_VALIDATION), "statusUnavailableReason", "Information à confirmer"),
                        "generativeAi", false));
        declare(YEAR, "PUB-B", "SANTE", true, DeclarationStatus.ACCEPTEE,
                i -> with(with(with(with(with(i, "name", "Lecture d’imagerie"), "category", Category.TRAITEMENT_IMAGE),
                        "phase", Phase.MISE_A_DISPOSITION), "generativeAi", false), "answers", new Answers(Map.of(
                        "portraitImpact", "EN_COURS", "portraitContact", "Docteure Discrète"))),
                i -> with(with(i, "name", "Projet non publiable"), "notPublishable", true));
        declare(YEAR, "PUB-C", "FINANCES", false, DeclarationStatus.SOUMISE, i -> with(i, "name", "Pas encore accepté"));

        assertThat(editions.publish(YEAR, "coordo", null)).isEqualTo(1);

        mvc.perform(get("/api/portraits/{year}", YEAR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalInitiatives").value(4))
                .andExpect(jsonPath("$.organizationsWithInitiatives").value(2))
                .andExpect(jsonPath("$.previousYear").value(PREVIOUS))
                .andExpect(jsonPath("$.changeAbsolute").value(2))
                .andExpect(jsonPath("$.changePercent").value(100.0))
                .andExpect(jsonPath("$.newOrganizations").value(1))
                .andExpect(jsonPath("$.servicesToPopulation").value(2))
                .andExpect(jsonPath("$.generativeAi").value(1))
                .andExpect(jsonPath("$.byCategory.AUTOMATISATION").value(2))
                .andExpect(jsonPath("$.byCategory.ASSISTANT_AGENT_CONVERSATIONNEL").value(1))
                .andExpect(jsonPath("$.byCategory.TRAITEMENT_IMAGE").value(1))
                .andExpect(jsonPath("$.byStatus.SOLUTION_EN_PRODUCTION").value(2))
                .andExpect(jsonPath("$.byStatus.DEVELOPPEMENT_SOLUTION").value(1))
                .andExpect(jsonPath("$.byStatus.INFORMATION_INDISPONIBLE").value(1))
                .andExpect(jsonPath("$.byPortfolio.Finances").value(3))
                .andExpect(jsonPath("$.['byPortfolio']['Santé et Services sociaux (Réseau)']").value(1))
                .andExpect(jsonPath("$.topOrganizations[0].name").value("Organisme de test PUB-A"))
                .andExpect(jsonPath("$.topOrganizations[0].count").value(3));

        String csv = mvc.perform(get("/open-data/{year}/initiatives.csv", YEAR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF\"Nom de l'actif, du projet ou de l'initiative\","
                + "Catégorie,Organisme responsable,Portefeuille ministériel,Bénéfices,Statut,Identifiant,Produit (nom générique),"
                + "Page d’information publique,État de l’évaluation d’impact");
        assertThat(csv.lines().count()).isEqualTo(5);
        assertThat(csv.lines().filter(line -> line.startsWith("Automatisation des paiements,"))).singleElement()
                .asString().endsWith(",https://www.quebec.ca/paiements,Réalisée");
        assertThat(csv.lines().filter(line -> line.startsWith("Lecture d’imagerie,"))).singleElement()
                .asString().as("an unanswered public question, an empty cell").endsWith(",,En cours");
        mvc.perform(get("/open-data/{year}/initiatives.json", YEAR))
                .andExpect(jsonPath("$[?(@.name == 'Automatisation des paiements')].answers.portraitPage")
                        .value("https://www.quebec.ca/paiements"))
                .andExpect(jsonPath("$[?(@.name == 'Automatisation des paiements')].answers.portraitImpact")
                        .value("Réalisée"))
                .andExpect(jsonPath("$[*].answers.portraitContact").isEmpty())
                .andExpect(jsonPath("$[*].answers.portraitCommittee").isEmpty());
        assertThat(jdbc.queryForList("select answers::text from published_initiative i join published_edition e on "
                + "e.id = i.edition_id where e.campaign_year = ? and answers is not null", String.class, YEAR))
                .as("what is not public never reaches a published table").hasSize(2)
                .noneMatch(answers -> answers.contains("portraitContact") || answers.contains("portraitCommittee"));
        for (String secret : List.of("Acme Secret", "Zorglub", "Détection d’intrusions", "Ancien tri", "Projet non publiable",
                "Pas encore accepté", "Rita Confidentielle", "Docteure Discrète", "Personne-ressource interne",
                "Avis du comité d’éthique interne", "intrusions-secretes")) {
            assertThat(csv).doesNotContain(secret);
            mvc.perform(get("/open-data/{year}/initiatives.json", YEAR)).andExpect(content().string(not(containsString(secret))));
            mvc.perform(get("/portrait/{year}", YEAR)).andExpect(content().string(not(containsString(secret))));
            mvc.perform(get("/api/portraits/{year}", YEAR)).andExpect(content().string(not(containsString(secret))));
        }
        mvc.perform(get("/portrait/{year}", YEAR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Santé et Services sociaux (Réseau)")))
                .andExpect(content().string(containsString("Information indisponible")));

        mvc.perform(get("/portrait/{year}/registre", YEAR).param("category", "AUTOMATISATION"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registre des initiatives publiées (2)")));
        mvc.perform(get("/portrait/{year}/registre", YEAR).param("portfolio", "Santé et Services sociaux (Réseau)"))
                .andExpect(content().string(containsString("Registre des initiatives publiées (1)")))
                .andExpect(content().string(containsString("Lecture d’imagerie")));
        String imaging = jdbc.queryForObject("select initiative_id from published_initiative where name = 'Lecture d’imagerie'",
                String.class);
        mvc.perform(get("/portrait/initiatives/{id}", imaging))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("L’initiative au fil des années")));
        mvc.perform(get("/portrait/initiatives/{id}", "IA-NOPE-0001")).andExpect(status().isNotFound());
        jdbc.update("insert into campaign_target (campaign_year, organization_code) values (?, 'PUB-A'), (?, 'PUB-B'), "
                + "(?, 'MRNF')", YEAR, YEAR, YEAR);
        mvc.perform(get("/portrait/{year}/couverture", YEAR))
                .andExpect(content().string(containsString("N’a pas répondu")))
                .andExpect(content().string(containsString("A déclaré des initiatives")));

        // later edits do not touch the published edition; an erratum is version 2 and version 1 stays
        jdbc.update("update initiative_snapshot set name = 'Automatisation des paiements (révisée)' where name = "
                + "'Automatisation des paiements'");
        assertThat(editions.initiatives(YEAR)).extracting(Editions.PublishedInitiative::name)
                .contains("Automatisation des paiements").doesNotContain("Automatisation des paiements (révisée)");
        assertThatThrownBy(() -> jdbc.update("update published_initiative set name = 'x'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/portraits/{year}/errata", YEAR)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("gestion", "demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"changeNote\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/portraits/{year}/errata", YEAR)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("coordo", "demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"changeNote\": \"Nom corrigé\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(editions.initiatives(YEAR)).extracting(Editions.PublishedInitiative::name)
                .contains("Automatisation des paiements (révisée)");
        assertThat(jdbc.queryForList("select version from published_edition where campaign_year = ? order by version",
                Integer.class, YEAR)).containsExactly(1, 2);
        mvc.perform(get("/api/portraits/{year}", NEVER_PUBLISHED)).andExpect(status().isNotFound());
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/portrait/" + YEAR + "\"")));
    }

    /** A published row of version 1's JSON, as it was before versions existed. */
    private static String previousRow(String id, String jsonName) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + jsonName + "\",\"category\":\"ASSISTANT_AGENT_CONVERSATIONNEL\","
                + "\"categoryLabel\":\"Assistant/agent conversationnel\",\"organization\":\"Organisme de test PUB-A\","
                + "\"portfolio\":\"Finances\",\"benefits\":\"Réponses en tout temps\",\"status\":\"SOLUTION_EN_PRODUCTION\","
                + "\"statusLabel\":\"Solution en production\"}";
    }

    /** Returns the initiatives' ids, in order. */
    @SafeVarargs
    private List<String> declare(int year, String organizationCode, String portfolio, boolean network,
            DeclarationStatus status, UnaryOperator<InitiativeSnapshot>... initiatives) {
        List<String> ids = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            List<InitiativeSnapshot> snapshots = new ArrayList<>();
            for (UnaryOperator<InitiativeSnapshot> initiative : initiatives) {
                ids.add(initiativeIds.next(organizationCode));
                snapshots.add(initiative.apply(with(valid(), "initiativeId", ids.get(ids.size() - 1))));
            }
            declarations.save(new Declaration(null, year, organizationCode, portfolio, network, status, false, null,
                    new Declaration.Person("Rita", "ia@example.qc.ca"), true, new Declaration.Signatory("D", "DPI", "d@example.qc.ca"),
                    Instant.parse(year + "-10-15T12:00:00Z"), false, null, 0, null, snapshots, null));
        });
        return ids;
    }

}
