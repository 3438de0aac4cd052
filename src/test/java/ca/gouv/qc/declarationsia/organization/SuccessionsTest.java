package ca.gouv.qc.declarationsia.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.campaign.CampaignForm;
import ca.gouv.qc.declarationsia.campaign.CampaignService;
import ca.gouv.qc.declarationsia.declaration.DeclarationLifecycle;
import ca.gouv.qc.declarationsia.declaration.DeclarationService;
import ca.gouv.qc.declarationsia.security.Roles;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import ca.gouv.qc.declarationsia.support.TestCampaigns;
import ca.gouv.qc.declarationsia.support.TestDeclarations;
import ca.gouv.qc.declarationsia.support.TestOrganizations;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Successions in the registry (issue 25): merges, renamings and splits recorded by {@link Successions}, as the
 * coordinator's API and page call it; the successor's next declaration carries every initiative still active at its
 * predecessors, ids unchanged; each bad succession refused with the field named, in French or English, nothing
 * changed. The database layer; what the API's door adds (201, problem+json, who may call it) is
 * {@code SuccessionApiTest}'s.
 */
@DatabaseTest
class SuccessionsTest {

    /** Years of this class only: merge 2028 → 2029, rename and split 2026 → 2027, a planned campaign 2099. */
    private static final int MERGE_BEFORE = 2028;
    private static final int MERGE_AFTER = 2029;
    private static final int BEFORE = 2026;
    private static final int AFTER = 2027;
    /** A campaign planned before a merger that takes effect before its opening. */
    private static final int PLANNED = 2099;

    @Autowired
    Successions successions;

    @Autowired
    TestDeclarations pastDeclarations;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeclarationService declarations;

    @Autowired
    CampaignService campaignService;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    DeclarationLifecycle lifecycle;

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
        campaigns.cleanUp(MERGE_AFTER); // the engine's clock back to now
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void thirty_health_establishments_merge_and_the_next_declaration_carries_all_their_active_initiatives() {
        campaigns(MERGE_BEFORE, MERGE_AFTER);
        List<String> establishments = IntStream.rangeClosed(1, 30).mapToObj(i -> "SQ-CISSS-" + i).toList();
        List<String> active = new ArrayList<>();
        for (String code : establishments) {
            TestOrganizations.create(organizations, code);
            List<String> ids = pastDeclarations.accepted(MERGE_BEFORE, code, 2, true);
            active.addAll(ids.subList(0, 2)); // the third is retired
        }
        TestOrganizations.create(organizations, "SQ-SANTEQC");
        // the next campaign's year: the merge has taken effect
        TestCampaigns.clockAt(LocalDateTime.of(MERGE_AFTER, 1, 15, 12, 0));

        Successions.Succession merge = asCoordinator(() -> successions.record(new SuccessionForm(establishments,
                "SQ-SANTEQC", LocalDate.of(MERGE_BEFORE, 12, 1),
                "Loi sur l’efficacité du système de santé (Santé Québec)", null)));
        assertThat(merge.kind()).isEqualTo(SuccessionKind.FUSION);
        assertThat(merge.predecessors()).hasSize(30);
        assertThat(merge.successors()).containsExactly("SQ-SANTEQC");
        assertThat(merge.recordedBy()).isEqualTo("coordo");

        assertThat(view("SQ-SANTEQC").predecessors()).hasSize(30).contains("SQ-CISSS-7");
        assertThat(view("SQ-CISSS-7")).satisfies(replaced -> {
            assertThat(replaced.successor()).isEqualTo("SQ-SANTEQC");
            assertThat(replaced.active()).isFalse();
        });

        // the next campaign: the 30 are no longer in the registry's active bodies, so none is targeted nor missing
        assertThat(jdbc.queryForObject("select count(*) from organization where active and code like 'SQ-CISSS-%'",
                Integer.class)).isZero();
        transactions.executeWithoutResult(tx -> lifecycle.createDraft(MERGE_AFTER, "SQ-SANTEQC"));
        List<String> carried = snapshotIds(MERGE_AFTER, "SQ-SANTEQC");
        assertThat(carried).as("every active initiative of the 30, once, id unchanged").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(active);

        // the submission rule knows them: none may disappear silently from the successor's declaration
        jdbc.update("delete from initiative_snapshot where initiative_id = ? and declaration_id = (select id from "
                + "declaration where campaign_year = ? and organization_code = 'SQ-SANTEQC')", active.get(5), MERGE_AFTER);
        assertThat(asCoordinator(() -> declarations.check(MERGE_AFTER, "SQ-SANTEQC")))
                .filteredOn(violation -> violation.code().equals("CarryOverMissing"))
                .anyMatch(violation -> violation.message().contains(active.get(5)));
    }

    @Test
    void a_renaming_carries_every_initiative_once_and_not_again_the_year_after() {
        campaigns(BEFORE, AFTER);
        TestOrganizations.create(organizations, "RN-OLD");
        TestOrganizations.create(organizations, "RN-NEW");
        List<String> ids = pastDeclarations.accepted(BEFORE, "RN-OLD", 3, false);
        assertThat(record(List.of("RN-OLD"), "RN-NEW", LocalDate.of(BEFORE, 12, 15), "Nouveau nom au remaniement",
                "RENOMMAGE").kind()).isEqualTo(SuccessionKind.RENOMMAGE);
        transactions.executeWithoutResult(tx -> lifecycle.createDraft(AFTER, "RN-NEW"));
        assertThat(snapshotIds(AFTER, "RN-NEW")).containsExactlyElementsOf(ids);
    }

    @Test
    void a_split_assigns_each_active_initiative_to_one_successor() {
        campaigns(BEFORE, AFTER);
        for (String code : List.of("SP-OLD", "SP-A", "SP-B")) {
            TestOrganizations.create(organizations, code);
        }
        List<String> ids = pastDeclarations.accepted(BEFORE, "SP-OLD", 3, false);

        List<Violation> unassigned = refusal(() -> split(Map.of(ids.get(0), "SP-A", ids.get(1), "SP-B")));
        assertThat(unassigned.get(0).path()).isEqualTo("assignments");
        assertThat(unassigned.get(0).code()).isEqualTo("Unassigned");
        assertThat(unassigned.get(0).message()).contains(ids.get(2));
        assertThat(jdbc.queryForObject("select count(*) from organization_succession_link where predecessor_code = 'SP-OLD'",
                Integer.class)).isZero();

        assertThat(split(Map.of(ids.get(0), "SP-A", ids.get(1), "SP-B", ids.get(2), "SP-A")).kind())
                .isEqualTo(SuccessionKind.SCISSION);
        assertThat(view("SP-OLD").successors()).containsExactly("SP-A", "SP-B");
        transactions.executeWithoutResult(tx -> {
            lifecycle.createDraft(AFTER, "SP-A");
            lifecycle.createDraft(AFTER, "SP-B");
        });
        assertThat(snapshotIds(AFTER, "SP-A")).containsExactly(ids.get(0), ids.get(2));
        assertThat(snapshotIds(AFTER, "SP-B")).containsExactly(ids.get(1));
    }

    @Test
    void each_bad_succession_is_refused_naming_the_field_and_changes_nothing() {
        campaigns(BEFORE, AFTER);
        for (String code : List.of("BS-A", "BS-B", "BS-C", "BS-D")) {
            TestOrganizations.create(organizations, code);
        }
        pastDeclarations.accepted(AFTER, "BS-D", 1, false); // accepted in 2027
        int before = jdbc.queryForObject("select count(*) from organization_succession", Integer.class);
        LocalDate december = LocalDate.of(2026, 12, 1);

        refused(List.of("BS-NOPE"), "BS-B", december, "x", "predecessors[0]", "Unknown",
                "Organismes remplacés : aucun organisme du registre n’a le code « BS-NOPE »");
        refused(List.of("BS-A"), "BS-ZZZ", december, "x", "successor", "Unknown", "Organisme successeur : aucun organisme");
        refused(List.of("BS-A"), "BS-A", december, "x", "successor", "Self", "ne peut pas se succéder à lui-même");
        refused(List.of("BS-D"), "BS-C", december, "x", "effectiveDate", "BeforeLastDeclaration",
                "Date d’effet : la date d’effet ne peut pas précéder l’année de la dernière déclaration acceptée de BS-D (2027)");
        refused(List.of("BS-A"), "BS-B", null, "", "effectiveDate", "NotNull", "Date d’effet : obligatoire");
        assertThat(jdbc.queryForObject("select count(*) from organization_succession", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from organization where active and code like 'BS-%'",
                Integer.class)).isEqualTo(4);

        assertThat(record(List.of("BS-A"), "BS-B", december, "Absorption", null).kind())
                .isEqualTo(SuccessionKind.ABSORPTION);
        refused(List.of("BS-B"), "BS-A", december.plusDays(1), "x", "successor", "Cycle", "ce serait un cycle");
        refused(List.of("BS-A"), "BS-C", december.plusDays(1), "x", "predecessors[0]", "AlreadySucceeded",
                "a déjà été remplacé par BS-B");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(refusal(() -> record(List.of("BS-C"), "BS-C", december, "x", null)).get(0).message())
                .isEqualTo("Successor body: body BS-C cannot succeed itself");
        assertThatThrownBy(() -> as("gestion", Roles.MANAGERS, () -> successions.record(new SuccessionForm(
                List.of("BS-C"), "BS-D", LocalDate.of(2027, 12, 1), "x", null))))
                .as("managers only read").isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from organization_succession", Integer.class)).isEqualTo(before + 1);
    }

    @Test
    void a_campaign_planned_before_a_merger_targets_the_successor_instead_of_the_bodies_replaced() {
        for (String code : List.of("PL-A", "PL-B", "PL-SUCC", "PL-OTHER")) {
            TestOrganizations.create(organizations, code);
        }
        asCoordinator(() -> campaignService.create(new CampaignForm(PLANNED, LocalDate.of(PLANNED, 6, 30),
                LocalDate.of(PLANNED, 9, 1), LocalDate.of(PLANNED, 10, 31), LocalDate.of(PLANNED, 11, 30), null, null,
                false, List.of("PL-A", "PL-B", "PL-OTHER"), null)));

        record(List.of("PL-A", "PL-B"), "PL-SUCC", LocalDate.of(PLANNED, 4, 1), "Fusion avant l’ouverture", null);

        assertThat(jdbc.queryForList("select organization_code from campaign_target where campaign_year = ?", String.class,
                PLANNED)).as("the bodies replaced are neither invited nor counted as non-respondents")
                .containsExactlyInAnyOrder("PL-SUCC", "PL-OTHER");
    }

    /** The organization as the API shows it, with its successions. */
    private OrganizationView view(String code) {
        return asCoordinator(() -> OrganizationView.of(organizations.get(code), successions.predecessorsOf(code),
                successions.endOf(code).orElse(null)));
    }

    private Successions.Succession record(List<String> predecessors, String successor, LocalDate effectiveDate,
            String reason, String kind) {
        return asCoordinator(() -> successions.record(new SuccessionForm(predecessors, successor, effectiveDate, reason,
                kind)));
    }

    private Successions.Succession split(Map<String, String> assignments) {
        return asCoordinator(() -> successions.split(new SplitForm("SP-OLD", List.of("SP-A", "SP-B"),
                LocalDate.of(BEFORE, 12, 1), "Scission", assignments)));
    }

    private void refused(List<String> predecessors, String successor, LocalDate effectiveDate, String reason,
            String path, String code, String message) {
        assertThat(refusal(() -> record(predecessors, successor, effectiveDate, reason, null)))
                .filteredOn(violation -> violation.path().equals(path))
                .anySatisfy(violation -> {
                    assertThat(violation.code()).isEqualTo(code);
                    assertThat(violation.message()).contains(message);
                });
    }

    private static List<Violation> refusal(Runnable work) {
        try {
            work.run();
        } catch (InvalidInputException refused) {
            return refused.violations();
        }
        throw new AssertionError("not refused");
    }

    private static <T> T asCoordinator(Supplier<T> work) {
        return as("coordo", Roles.COORDINATORS, work);
    }

    /** As this user signed in, with this group, as a request of theirs runs. */
    private static <T> T as(String user, String group, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(group))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private List<String> snapshotIds(int year, String code) {
        return jdbc.queryForList("""
                select s.initiative_id from initiative_snapshot s join declaration d on d.id = s.declaration_id
                 where d.campaign_year = ? and d.organization_code = ? order by s.position
                """, String.class, year, code);
    }

    private void campaigns(int... years) {
        for (int year : years) {
            jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                    + "values (?, ?, ?, ?, ?, 'FERMEE') on conflict do nothing", year, java.sql.Date.valueOf(year + "-06-30"),
                    java.sql.Date.valueOf(year + "-09-01"), java.sql.Date.valueOf(year + "-10-31"),
                    java.sql.Date.valueOf(year + "-11-30"));
        }
    }
}
