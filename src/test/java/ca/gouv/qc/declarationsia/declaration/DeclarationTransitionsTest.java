package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.organization.OrganizationService;

import ca.gouv.qc.declarationsia.review.ReviewForm;
import ca.gouv.qc.declarationsia.review.ReviewService;
import ca.gouv.qc.declarationsia.security.SystemAuthentication;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.support.IntegrationTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import ca.gouv.qc.declarationsia.support.TestUsers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A declaration moves only as the model makes it move: walking every path of {@code organization-declaration} makes
 * exactly the moves {@link DeclarationStatus} allows, and {@link DeclarationLifecycle} refuses every other one,
 * changing nothing.
 */
@IntegrationTest
class DeclarationTransitionsTest {

    private static final int YEAR = 2043;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    TestDeclarations declarations;

    @Autowired
    DeclarationService declarationService;

    @Autowired
    DeclarationLifecycle lifecycle;

    @Autowired
    ReviewService reviews;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        campaigns.cleanUp(YEAR);
        campaigns.cleanUp(YEAR + 1);
    }

    @Test
    void every_path_of_the_model_makes_exactly_the_moves_the_status_allows() {
        List.of("TRN-A", "TRN-B").forEach(code -> TestOrganizations.create(organizations, code));
        campaigns.create(YEAR, List.of("TRN-A", "TRN-B"));
        TestCampaigns.clockAt(LocalDateTime.of(YEAR, 9, 1, 13, 0));
        campaigns.launch(YEAR);
        campaigns.runDueJobs(YEAR);
        // submit, corrections, resubmit, accept; and a body exempted
        declarations.submit(YEAR, "TRN-A", List.of());
        campaigns.runDueJobs(YEAR);
        decide("REQUEST_CORRECTIONS");
        declarations.submit(YEAR, "TRN-A", List.of());
        campaigns.runDueJobs(YEAR);
        decide("ACCEPT");
        SystemAuthentication.runAsSystem(() -> declarationService.exempt(YEAR, "TRN-B", "Organisme dissous"));

        Set<String> made = Set.copyOf(jdbc.queryForList("""
                select t.from_status || '>' || t.to_status from declaration_transition t
                  join declaration d on d.id = t.declaration_id where d.campaign_year = ?""", String.class, YEAR));
        Set<String> allowed = Arrays.stream(DeclarationStatus.values())
                .flatMap(from -> Arrays.stream(DeclarationStatus.values()).filter(from::canMoveTo).map(to -> from + ">" + to))
                .collect(Collectors.toSet());
        assertThat(made).as("the moves the model made are the moves the status allows").isEqualTo(allowed);
    }

    @Test
    void every_other_move_is_refused_and_changes_nothing() {
        int year = YEAR + 1;
        campaignOf(year);
        transactions.executeWithoutResult(status -> lifecycle.createDraft(year, "TRN-C"));
        DeclarationKey key = new DeclarationKey(year, "TRN-C");
        Map<DeclarationStatus, Consumer<Declaration>> moveTo = Map.of(
                DeclarationStatus.SOUMISE, declaration -> lifecycle.submit(declaration, new SubmitForm(true,
                        new SubmitForm.Signatory("Denise", "DPI", "d@example.qc.ca")), "test"),
                DeclarationStatus.EN_REVISION, declaration -> lifecycle.putUnderReview(key),
                DeclarationStatus.A_CORRIGER, declaration -> lifecycle.requestCorrections(key, "test",
                        LocalDate.of(year, 12, 1)),
                DeclarationStatus.ACCEPTEE, declaration -> lifecycle.accept(key, "test"),
                DeclarationStatus.EXEMPTEE, declaration -> lifecycle.exempt(declaration, "test", "test"));

        int refused = 0;
        for (DeclarationStatus from : DeclarationStatus.values()) {
            for (var move : moveTo.entrySet()) {
                if (from.canMoveTo(move.getKey())) {
                    continue;
                }
                jdbc.update("update declaration set status = ?, submitted_at = now(), exemption_reason = 'x' "
                        + "where campaign_year = ? and organization_code = 'TRN-C'", from.name(), year);
                int version = version(year);
                assertThatThrownBy(() -> transactions.executeWithoutResult(status -> move.getValue().accept(
                        SystemAuthentication.runAsSystem(() -> declarationService.get(year, "TRN-C")))))
                        .as(from + " → " + move.getKey()).isInstanceOf(InvalidInputException.class);
                assertThat(status(year)).as("still " + from).isEqualTo(from.name());
                assertThat(version(year)).isEqualTo(version);
                refused++;
            }
        }
        assertThat(refused).as("six moves allowed, the other 24 refused").isEqualTo(24);
        assertThat(jdbc.queryForObject("select count(*) from declaration_transition t join declaration d on d.id = "
                + "t.declaration_id where d.campaign_year = ? and d.organization_code = 'TRN-C'", Integer.class, year))
                .isZero();
    }

    @Test
    void a_submission_is_checked_by_the_lifecycle_itself_whoever_calls_it() {
        int year = YEAR + 1;
        campaignOf(year);
        transactions.executeWithoutResult(status -> lifecycle.createDraft(year, "TRN-D"));
        Declaration draft = SystemAuthentication.runAsSystem(() -> declarationService.get(year, "TRN-D"));

        // an empty draft, unsigned, called directly (no page, no API): every reason at once, as the doors show them
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> lifecycle.submit(draft,
                new SubmitForm(false, new SubmitForm.Signatory("", "DPI", "d@example.qc.ca")), "test")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.violations())
                        .extracting(ca.gouv.qc.declarationsia.shared.validation.Violation::path)
                        .contains("attestation", "signatory.name", "initiatives"));
        // signed, but the process is not waiting for the body's answer (the campaign was never launched)
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> lifecycle.submit(draft.withDraft(true,
                new Declaration.Person("Denise", "d@example.qc.ca"), List.of(), draft.version()),
                new SubmitForm(true, new SubmitForm.Signatory("Denise", "DPI", "d@example.qc.ca")), "test")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.violations())
                        .extracting(ca.gouv.qc.declarationsia.shared.validation.Violation::code)
                        .containsExactly("NotReady"));
        assertThat(jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = "
                + "'TRN-D'", String.class, year)).isEqualTo("BROUILLON");
    }

    /** One unlaunched campaign for the tests that call the lifecycle directly, whichever comes first. */
    private void campaignOf(int year) {
        List.of("TRN-C", "TRN-D").forEach(code -> TestOrganizations.create(organizations, code));
        if (jdbc.queryForObject("select count(*) from campaign where year = ?", Integer.class, year) == 0) {
            campaigns.create(year, List.of("TRN-C", "TRN-D"));
        }
    }

    private void decide(String decision) {
        TestUsers.asReviewer(() -> {
            reviews.decide(YEAR, "TRN-A", new ReviewForm(decision,
                    List.of(new ReviewComment(null, null, "Précisez.")), List.of()));
            return null;
        });
        campaigns.runDueJobs(YEAR);
    }

    private String status(int year) {
        return jdbc.queryForObject("select status from declaration where campaign_year = ? and organization_code = 'TRN-C'",
                String.class, year);
    }

    private int version(int year) {
        return jdbc.queryForObject("select version from declaration where campaign_year = ? and organization_code = 'TRN-C'",
                Integer.class, year);
    }
}
