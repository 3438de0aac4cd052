package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import java.time.LocalDate;
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
 * That the model's paths make exactly the allowed moves is in {@code ReviewLoopProcessTest}.
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
