package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.campaign.Campaign;
import ca.gouv.qc.declarationsia.campaign.CampaignRepository;
import ca.gouv.qc.declarationsia.campaign.CampaignStatus;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aggregates round-trip through PostgreSQL, and initiative ids are stable and never reused. The database layer
 * alone: organizations are registry rows here (their accounts and rules are the registry's tests).
 */
@DatabaseTest
class DeclarationPersistenceTest {

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    InitiativeIds initiativeIds;

    @BeforeEach
    void initiativeIds() {
        initiativeIds = new InitiativeIds(JdbcClient.create(jdbc));
    }

    @Test
    void initiative_ids_follow_the_organization_counter_and_are_never_reused() {
        organization("IDS-1");
        String first = transactions.execute(status -> initiativeIds.next("IDS-1"));
        String second = transactions.execute(status -> initiativeIds.next("IDS-1"));
        assertThat(first).isEqualTo("IA-IDS-1-0001");
        assertThat(second).isEqualTo("IA-IDS-1-0002");

        assertThatThrownBy(() -> jdbc.update("delete from initiative where id = ?", first))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never reused");
        assertThatThrownBy(() -> jdbc.update("insert into initiative (id, organization_code, number) values (?, ?, ?)",
                "IA-IDS-1-0001", "IDS-1", 1)).isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_declaration_and_its_snapshots_round_trip() {
        organization("DECL-1");
        campaigns.save(Campaign.planned(2061, LocalDate.of(2061, 6, 30), LocalDate.of(2061, 9, 1), LocalDate.of(2061, 10, 31),
                LocalDate.of(2061, 11, 30), Campaign.DEFAULT_REMINDERS, 7));
        String initiativeId = transactions.execute(status -> initiativeIds.next("DECL-1"));
        InitiativeSnapshot snapshot = new InitiativeSnapshot(initiativeId, "Agent conversationnel des impôts",
                ObjectType.ACTIF_INFORMATIONNEL, "Un agent répond aux questions fréquentes des citoyens.",
                Category.ASSISTANT_AGENT_CONVERSATIONNEL, null, "Réponses plus rapides", Phase.EXPLOITATION_SUIVI,
                YearMonth.of(2059, 3), YearMonth.of(2060, 1), null, true, false, true,
                AcquisitionMode.SOLUTION_INFONUAGIQUE_COMMERCIALE, "Fournisseur inc.", "Produit X", PersonalInformation.NON,
                PrivacyImpactAssessment.REALISEE, DecisionRole.SOUTIEN_OPERATIONNEL, HumanOversight.HUMAIN_SUR_LA_BOUCLE,
                RiskLevel.MODERE, "Un agent conversationnel répond aux questions.", null, null, false);

        Declaration saved = declarations.save(Declaration.draft(2061, "DECL-1", "FINANCES", false, List.of(snapshot)));

        Declaration loaded = declarations.findByCampaignAndOrganization(2061, "DECL-1").orElseThrow();
        assertThat(loaded.id()).isEqualTo(saved.id());
        assertThat(loaded.status()).isEqualTo(DeclarationStatus.BROUILLON);
        assertThat(loaded.initiatives()).containsExactly(snapshot);
        assertThat(loaded.initiatives().get(0).publishedStatus()).isEqualTo(PublishedStatus.SOLUTION_EN_PRODUCTION);
        assertThat(campaigns.findById(2061).orElseThrow().reminders()).isEqualTo(Campaign.DEFAULT_REMINDERS);

        declarations.save(loaded);
        assertThatThrownBy(() -> declarations.save(loaded))
                .as("a save from a stale copy (another tab) is refused")
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    /** A respondent's request reads and saves the draft with its own SQL: it must store and read what the mapping does. */
    @Test
    void a_draft_read_and_saved_by_the_respondents_path_is_the_aggregate_the_mapping_reads() {
        organization("DECL-2");
        campaigns.save(Campaign.planned(2075, LocalDate.of(2075, 6, 30), LocalDate.of(2075, 9, 1), LocalDate.of(2075, 10, 31),
                LocalDate.of(2075, 11, 30), Campaign.DEFAULT_REMINDERS, 7));
        List<String> ids = transactions.execute(status -> initiativeIds.next("DECL-2", 2));
        InitiativeSnapshot full = new InitiativeSnapshot(ids.get(0), "Tri des images médicales",
                ObjectType.PROJET, "Un modèle repère les anomalies sur les radiographies.",
                Category.TRAITEMENT_IMAGE, Subcategory.IMAGERIE_MEDICALE, "Diagnostics plus rapides", Phase.TEST_VALIDATION,
                YearMonth.of(2060, 11), YearMonth.of(2061, 2), YearMonth.of(2063, 12), true, false, null,
                AcquisitionMode.MIXTE, "Fournisseur inc.", "Produit Y", PersonalInformation.OUI,
                PrivacyImpactAssessment.EN_COURS, DecisionRole.AIDE_A_LA_DECISION, HumanOversight.HUMAIN_DANS_LA_BOUCLE,
                RiskLevel.ELEVE, "Un modèle aide à lire les radiographies.", "Vision par ordinateur",
                "Le projet a été suspendu.", true);
        InitiativeSnapshot empty = new InitiativeSnapshot(ids.get(1), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false);
        long id = declarations.save(Declaration.draft(2075, "DECL-2", "FINANCES", true, List.of(full, empty))).id();
        jdbc.update("""
                update declaration set contact_name = 'Répondante', contact_email = 'r@example.qc.ca',
                       signatory_name = 'Denise', signatory_role = 'DPI', signatory_email = 'd@example.qc.ca',
                       submitted_at = '2075-10-01T14:30:15.123456Z', late = true, extended_due_date = '2075-11-15',
                       correction_round = 2, process_instance_id = 'process-1', exemption_reason = 'aucune'
                 where id = ?""", id);

        Declaration found = declarations.findByCampaignAndOrganization(2075, "DECL-2").orElseThrow();
        assertThat(found).isEqualTo(declarations.findById(id).orElseThrow());
        assertThat(found.contact()).isEqualTo(new Declaration.Person("Répondante", "r@example.qc.ca"));
        assertThat(found.initiatives()).containsExactly(full, empty);
        assertThat(declarations.findByCampaignAndOrganization(2075, "NOBODY")).isEmpty();

        Declaration edited = new Declaration(id, 2075, "DECL-2", "FINANCES", true, found.status(), true,
                found.exemptionReason(), new Declaration.Person("Nouvelle répondante", "nouvelle@example.qc.ca"),
                found.attestation(), found.signatory(), found.submittedAt(), found.late(),
                found.extendedDueDate(), found.correctionRound(), found.processInstanceId(), List.of(empty, full),
                found.version());
        Declaration saved = transactions.execute(status -> declarations.saveDraft(edited));
        assertThat(saved.version()).isEqualTo(found.version() + 1);
        assertThat(declarations.findById(id)).contains(saved);
        assertThat(saved.initiatives()).as("in the order sent").containsExactly(empty, full);
        assertThat(jdbc.queryForList("select position from initiative_snapshot where declaration_id = ? order by 1",
                Integer.class, id)).as("numbered from 0, as the mapping numbers a list").containsExactly(0, 1);
        assertThatThrownBy(() -> transactions.execute(status -> declarations.saveDraft(edited)))
                .as("a save from a stale copy (another tab) is refused")
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(declarations.findById(id)).as("and changes nothing").contains(saved);
    }

    @Test
    void status_transitions_follow_the_model() {
        assertThat(DeclarationStatus.BROUILLON.canMoveTo(DeclarationStatus.SOUMISE)).isTrue();
        assertThat(DeclarationStatus.A_CORRIGER.canMoveTo(DeclarationStatus.SOUMISE)).isTrue();
        assertThat(DeclarationStatus.BROUILLON.canMoveTo(DeclarationStatus.ACCEPTEE)).isFalse();
        assertThat(CampaignStatus.PLANIFIEE.canMoveTo(CampaignStatus.OUVERTE)).isTrue();
        assertThat(CampaignStatus.PLANIFIEE.canMoveTo(CampaignStatus.FERMEE)).as("no skipping").isFalse();
    }

    /** The registry's row alone, as the organization's tests create it through the service. */
    private void organization(String code) {
        jdbc.update("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', true, ?)""", code, "Organisme de test " + code,
                "Test body " + code, "dri." + code.toLowerCase(java.util.Locale.ROOT) + "@example.qc.ca");
    }
}
