package ca.gouv.qc.declarationsia.publication;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationRepository;
import ca.gouv.qc.declarationsia.declaration.InitiativeIds;
import ca.gouv.qc.declarationsia.organization.OrganizationService;
import ca.gouv.qc.declarationsia.organization.SplitForm;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A body split in two (issue 25): the year after, each of its active initiatives is published once, under the one
 * successor it was assigned to; the Portrait's total does not move, no successor counts as a new body, and the note of
 * the split sets the former structure against the new one. The registry, the carry-over and the publication on the
 * database alone; the split's door (the API, a 4xx naming the field) is SuccessionApiTest's.
 */
@DatabaseTest
class SplitPortraitTest {

    /**
     * Years of this class only (2100 also holds SuccessionApiTest's draft of a successor, never accepted, so never
     * published).
     */
    private static final int BEFORE = 2099;
    private static final int AFTER = 2100;

    @Autowired
    OrganizationService organizations;

    @Autowired
    Successions successions;

    @Autowired
    DeclarationLifecycle lifecycle;

    @Autowired
    DeclarationRepository declarations;

    @Autowired
    InitiativeIds initiativeIds;

    @Autowired
    Editions editions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_split_counts_each_initiative_once_under_the_successor_it_was_assigned_to() {
        for (int year : new int[] {BEFORE, AFTER}) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, LocalDate.of(year, 6, 30),
                    LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 30));
        }
        for (String code : List.of("SPL-OLD", "SPL-A", "SPL-B")) {
            TestOrganizations.create(organizations, code);
        }
        // the body split declared four active initiatives and one retired; SPL-A, which takes some, one of its own
        List<String> split = TestDeclarations.accepted(declarations, initiativeIds, transactions, BEFORE, "SPL-OLD", 4, true);
        List<String> own = TestDeclarations.accepted(declarations, initiativeIds, transactions, BEFORE, "SPL-A", 1, false);
        editions.publish(BEFORE, "coordo", null);
        Portrait before = editions.portrait(BEFORE);
        assertThat(before.totalInitiatives()).as("the year's only published initiatives: this class's").isEqualTo(5);

        asCoordinator(() -> successions.split(new SplitForm("SPL-OLD", List.of("SPL-A", "SPL-B"),
                LocalDate.of(BEFORE, 12, 1), "Scission du ministère", Map.of(split.get(0), "SPL-A", split.get(1), "SPL-B",
                        split.get(2), "SPL-A", split.get(3), "SPL-B"))));
        transactions.executeWithoutResult(tx -> {
            lifecycle.createDraft(AFTER, "SPL-A");
            lifecycle.createDraft(AFTER, "SPL-B");
        });
        jdbc.update("update declaration set status = 'ACCEPTEE', submitted_at = now() where campaign_year = ? "
                + "and organization_code in ('SPL-A', 'SPL-B')", AFTER);
        editions.publish(AFTER, "coordo", null);
        Portrait after = editions.portrait(AFTER);

        // each initiative once, under the successor it was assigned to, its id unchanged
        assertThat(published(AFTER, "SPL-A")).containsExactlyInAnyOrder(own.get(0), split.get(0), split.get(2));
        assertThat(published(AFTER, "SPL-B")).containsExactlyInAnyOrder(split.get(1), split.get(3));
        assertThat(jdbc.queryForList("select i.initiative_id from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ?", String.class, AFTER))
                .as("none twice, none lost, the retired one not published").doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(own.get(0), split.get(0), split.get(1), split.get(2), split.get(3));

        // the Portrait: the same total, two bodies, none new (SPL-B declared nothing last year, but carries on)
        assertThat(after.previousYear()).isEqualTo(BEFORE);
        assertThat(after.totalInitiatives()).isEqualTo(before.totalInitiatives());
        assertThat(after.changeAbsolute()).isZero();
        assertThat(after.organizationsWithInitiatives()).isEqualTo(2);
        assertThat(after.newOrganizations()).isZero();
        assertThat(after.topOrganizations()).extracting(Portrait.TopOrganization::name, Portrait.TopOrganization::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Organisme de test SPL-A", 3),
                        org.assertj.core.groups.Tuple.tuple("Organisme de test SPL-B", 2));
        assertThat(after.successions()).singleElement().satisfies(note -> {
            assertThat(note.kind()).isEqualTo("SCISSION");
            assertThat(note.effectiveDate()).isEqualTo(LocalDate.of(BEFORE, 12, 1));
            assertThat(note.predecessors()).containsExactly("Organisme de test SPL-OLD");
            assertThat(note.successors()).containsExactly("Organisme de test SPL-A", "Organisme de test SPL-B");
            assertThat(note.previousInitiatives()).as("SPL-OLD's four and SPL-A's own, last year").isEqualTo(5);
            assertThat(note.initiatives()).isEqualTo(5);
        });
    }

    private List<String> published(int year, String code) {
        return jdbc.queryForList("select i.initiative_id from published_initiative i join published_edition e "
                + "on e.id = i.edition_id where e.campaign_year = ? and i.organization_code = ?", String.class, year, code);
    }

    /** As a coordinator's request would run it. */
    private static void asCoordinator(Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "coordo", null, List.of(new SimpleGrantedAuthority(Roles.COORDINATORS))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
