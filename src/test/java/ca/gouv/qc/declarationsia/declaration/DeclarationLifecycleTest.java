package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormDefinition.Code;
import ca.gouv.qc.declarationsia.form.FormVersions;
import ca.gouv.qc.declarationsia.shared.Answers;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestForms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link DeclarationLifecycle} called directly, whoever the caller: every move {@link DeclarationStatus} does not allow
 * is refused and changes nothing, and a submission is checked by the lifecycle itself. The database layer and the
 * lifecycle alone; the campaign is never launched, so no process of this year waits in the database layer's engine.
 * That the model's paths make exactly the allowed moves is in {@code ReviewLoopProcessTest}. A new draft
 * carries last year's answers by the campaign's form version.
 */
@DatabaseTest
class DeclarationLifecycleTest {

    private static final int YEAR = 2044;

    @Autowired
    DeclarationLifecycle lifecycle;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormVersions forms;

    @Autowired
    CarryOver carryOver;

    @Autowired
    InitiativeIds initiativeIds;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        cleanUp();
        List.of("TRN-C", "TRN-D").forEach(this::organization);
        jdbc.update("""
                insert into campaign (year, reference_date, opening_date, due_date, closing_date)
                values (?, ?, ?, ?, ?)""", YEAR, LocalDate.of(YEAR, 4, 1), LocalDate.of(YEAR, 9, 1),
                LocalDate.of(YEAR, 10, 31), LocalDate.of(YEAR, 12, 15));
    }

    @AfterEach
    void tearDown() {
        cleanUp();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void every_other_move_is_refused_and_changes_nothing() {
        transactions.executeWithoutResult(status -> lifecycle.createDraft(YEAR, "TRN-C"));
        DeclarationKey key = new DeclarationKey(YEAR, "TRN-C");
        Map<DeclarationStatus, Consumer<Declaration>> moveTo = Map.of(
                DeclarationStatus.SOUMISE, declaration -> lifecycle.submit(declaration, new SubmitForm(true,
                        new SubmitForm.Signatory("Denise", "DPI", "d@example.qc.ca")), "test"),
                DeclarationStatus.EN_REVISION, declaration -> lifecycle.putUnderReview(key),
                DeclarationStatus.A_CORRIGER, declaration -> lifecycle.requestCorrections(key, "test",
                        LocalDate.of(YEAR, 12, 1)),
                DeclarationStatus.ACCEPTEE, declaration -> lifecycle.accept(key, "test"),
                DeclarationStatus.EXEMPTEE, declaration -> lifecycle.exempt(declaration, "test", "test"));

        int refused = 0;
        for (DeclarationStatus from : DeclarationStatus.values()) {
            for (var move : moveTo.entrySet()) {
                if (from.canMoveTo(move.getKey())) {
                    continue;
                }
                jdbc.update("update declaration set status = ?, submitted_at = now(), exemption_reason = 'x' "
                        + "where campaign_year = ? and organization_code = 'TRN-C'", from.name(), YEAR);
                int version = version();
                assertThatThrownBy(() -> transactions.executeWithoutResult(status -> move.getValue().accept(
                        declaration("TRN-C"))))
                        .as(from + " → " + move.getKey()).isInstanceOf(InvalidInputException.class);
                assertThat(status()).as("still " + from).isEqualTo(from.name());
                assertThat(version()).isEqualTo(version);
                refused++;
            }
        }
        assertThat(refused).as("six moves allowed, the other 24 refused").isEqualTo(24);
        assertThat(jdbc.queryForObject("select count(*) from declaration_transition t join declaration d on d.id = "
                + "t.declaration_id where d.campaign_year = ? and d.organization_code = 'TRN-C'", Integer.class, YEAR))
                .isZero();
    }

    @Test
    void a_submission_is_checked_by_the_lifecycle_itself_whoever_calls_it() {
        transactions.executeWithoutResult(status -> lifecycle.createDraft(YEAR, "TRN-D"));
        Declaration draft = declaration("TRN-D");

        // an empty draft, unsigned, called directly (no page, no API): every reason at once, as the doors show them
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> lifecycle.submit(draft,
                new SubmitForm(false, new SubmitForm.Signatory("", "DPI", "d@example.qc.ca")), "test")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.violations())
                        .extracting(Violation::path)
                        .contains("attestation", "signatory.name", "initiatives"));
        // signed, but the process is not waiting for the body's answer (the campaign was never launched)
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> lifecycle.submit(draft.withDraft(true,
                new Declaration.Person("Denise", "d@example.qc.ca"), List.of(), draft.version()),
                new SubmitForm(true, new SubmitForm.Signatory("Denise", "DPI", "d@example.qc.ca")), "test")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.violations())
                        .extracting(Violation::code)
                        .containsExactly("NotReady"));
        assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = "
                + "'TRN-D'", String.class, YEAR)).isEqualTo("BROUILLON");
    }

    /**
     * Issue 26: last year's answers come into the new draft only where this year's version still asks the question (same
     * id, not retired), and a choice it retired is dropped, which the respondent is told until the question is answered
     * again; an answer to a question retired or never asked this year stays with last year.
     */
    @Test
    void a_new_draft_carries_last_years_answers_only_to_the_questions_still_asked_and_tells_a_retired_choice_dropped() {
        List<Code> states = List.of(TestForms.code("REALISEE", "Réalisée", "Completed"),
                TestForms.code("EN_COURS", "En cours", "In progress"), TestForms.code("PLANIFIEE", "Planifiée", "Planned"));
        List<Code> uses = List.of(TestForms.code("TRI", "Tri", "Sorting"), TestForms.code("RESUME", "Résumé", "Summary"),
                TestForms.code("TRADUCTION", "Traduction", "Translation"));
        TestForms.next(forms, Map.of("carryImpact", states, "carryUses", uses), List.of(
                TestForms.question("carryImpact", "ONE_CHOICE", "État de l’évaluation d’impact",
                        "State of the impact assessment", "carryImpact", false),
                TestForms.question("carryUses", "SEVERAL_CHOICES", "Usages", "Uses", "carryUses", false),
                TestForms.question("carryContact", "SHORT_TEXT", "Personne-ressource", "Contact person", null, false),
                TestForms.question("carryLink", "SHORT_TEXT", "Page publique", "Public page", null, true)));
        // this year: « En cours » and « Résumé » retired, the contact person no longer asked, a new question
        FormDefinition thisYear = TestForms.next(forms, Map.of(
                "carryImpact", List.of(states.get(0), TestForms.retiredCode("EN_COURS", "En cours", "In progress"),
                        states.get(2)),
                "carryUses", List.of(uses.get(0), TestForms.retiredCode("RESUME", "Résumé", "Summary"), uses.get(2))),
                List.of(TestForms.question("carryImpact", "ONE_CHOICE", "État de l’évaluation d’impact",
                                "State of the impact assessment", "carryImpact", false),
                        TestForms.question("carryUses", "SEVERAL_CHOICES", "Usages", "Uses", "carryUses", false),
                        TestForms.question("carryLink", "SHORT_TEXT", "Page publique", "Public page", null, true),
                        TestForms.question("carryGuidance", "YES_NO", "Suit le guide?", "Follows the guidance?", null,
                                false)));
        jdbc.update("update campaign set form_version = ? where year = ?", thisYear.version(), YEAR);
        organization("TRN-CO");
        boolean ownPreviousCampaign = jdbc.update("""
                insert into campaign (year, reference_date, opening_date, due_date, closing_date, status)
                values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing""", YEAR - 1, LocalDate.of(YEAR - 1, 4, 1),
                LocalDate.of(YEAR - 1, 9, 1), LocalDate.of(YEAR - 1, 10, 31), LocalDate.of(YEAR - 1, 12, 15)) == 1;
        try {
            List<String> ids = transactions.execute(status -> List.of(initiativeIds.next("TRN-CO"),
                    initiativeIds.next("TRN-CO")));
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("carryImpact", "EN_COURS");
            given.put("carryUses", List.of("TRI", "RESUME"));
            given.put("carryContact", "Rita Répondante");
            given.put("carryLink", "https://www.quebec.ca/ia/permis");
            given.put("neverAsked", "réponse d’une autre version");
            transactions.executeWithoutResult(status -> declarations.save(new Declaration(null, YEAR - 1, "TRN-CO",
                    "FINANCES", false, DeclarationStatus.ACCEPTEE, false, null,
                    new Declaration.Person("Rita", "ia@example.qc.ca"), true,
                    new Declaration.Signatory("D", "DPI", "d@example.qc.ca"), Instant.parse((YEAR - 1) + "-10-15T12:00:00Z"),
                    false, null, 0, null, List.of(
                            DeclarationRulesTest.with(DeclarationRulesTest.with(DeclarationRulesTest.valid(),
                                    "initiativeId", ids.get(0)), "answers", new Answers(given)),
                            DeclarationRulesTest.with(DeclarationRulesTest.with(DeclarationRulesTest.valid(),
                                    "initiativeId", ids.get(1)), "answers", new Answers(Map.of("carryImpact", "REALISEE")))),
                    null)));

            transactions.executeWithoutResult(status -> lifecycle.createDraft(YEAR, "TRN-CO"));

            Declaration draft = declaration("TRN-CO");
            assertThat(draft.initiatives()).extracting(InitiativeSnapshot::initiativeId).containsExactlyElementsOf(ids);
            assertThat(draft.initiatives().get(0).answers().values()).as("only what this year's version still asks")
                    .containsOnly(Map.entry("carryUses", List.of("TRI")),
                            Map.entry("carryLink", "https://www.quebec.ca/ia/permis"));
            assertThat(draft.initiatives().get(1).answers().values()).containsOnly(Map.entry("carryImpact", "REALISEE"));
            assertThat(carryOver.droppedChoices(draft)).as("the respondent is told").containsOnlyKeys(ids.get(0));
            assertThat(carryOver.droppedChoices(draft).get(ids.get(0))).as("in French").containsExactly(
                            new DeclarationAnswers.DroppedChoice("carryImpact", "État de l’évaluation d’impact",
                                    "En cours (choix retiré)"),
                            new DeclarationAnswers.DroppedChoice("carryUses", "Usages", "Résumé (choix retiré)"));
            LocaleContextHolder.setLocale(Locale.CANADA);
            assertThat(carryOver.droppedChoices(draft).get(ids.get(0))).as("and in English")
                    .extracting(DeclarationAnswers.DroppedChoice::answer)
                    .containsExactly("In progress (retired choice)", "Summary (retired choice)");

            // once the respondent answers the question again, nothing more is said of it
            jdbc.update("update initiative_snapshot set answers = cast(? as jsonb) where initiative_id = ? "
                    + "and declaration_id = ?", "{\"carryImpact\": \"PLANIFIEE\", \"carryUses\": [\"TRI\"]}",
                    ids.get(0), draft.id());
            assertThat(carryOver.droppedChoices(declaration("TRN-CO")).get(ids.get(0)))
                    .extracting(DeclarationAnswers.DroppedChoice::questionId).containsExactly("carryUses");
        } finally {
            jdbc.update("delete from declaration where campaign_year = ? and organization_code = 'TRN-CO'", YEAR - 1);
            if (ownPreviousCampaign) {
                jdbc.update("delete from campaign where year = ?", YEAR - 1);
            }
        }
    }

    private Declaration declaration(String code) {
        return declarations.findByCampaignAndOrganization(YEAR, code).orElseThrow();
    }

    private void organization(String code) {
        jdbc.update("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', true, ?) on conflict (code) do nothing""",
                code, "Organisme de test " + code, "Test body " + code, "dri@example.qc.ca");
    }

    private void cleanUp() {
        jdbc.update("delete from declaration where campaign_year = ?", YEAR);
        jdbc.update("delete from campaign where year = ?", YEAR);
    }

    private String status() {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = 'TRN-C'",
                String.class, YEAR);
    }

    private int version() {
        return jdbc.queryForObject("select version from declaration where campaign_year = ? and organization_code = 'TRN-C'",
                Integer.class, YEAR);
    }
}
