package ca.gouv.qc.declarationsia.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gouv.qc.declarationsia.support.DatabaseTest;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Editable" is defined once, by {@link DeclarationStatus#isEditable}: after a migration the database's copy (read by
 * {@code declaration_deadline.awaiting_body}) is the enum's, even where an older rule was stored.
 */
@DatabaseTest
class DeclarationStatusRowsTest {

    private static final int YEAR = 2022;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void after_a_migration_the_database_says_editable_of_exactly_the_statuses_java_does() {
        migrate();
        jdbc.update("update declaration_status set editable = not editable where status = 'SOUMISE'");

        migrate(); // as a node starting on an existing database, nothing left to migrate

        Map<String, Boolean> stored = jdbc.query("select status, editable from declaration_status", rs -> {
            Map<String, Boolean> rows = new java.util.HashMap<>();
            while (rs.next()) {
                rows.put(rs.getString("status"), rs.getBoolean("editable"));
            }
            return rows;
        });
        assertThat(stored).isEqualTo(Arrays.stream(DeclarationStatus.values())
                .collect(Collectors.toMap(DeclarationStatus::name, DeclarationStatus::isEditable)));
        assertThat(stored).containsEntry("BROUILLON", true).containsEntry("A_CORRIGER", true)
                .containsEntry("SOUMISE", false);
    }

    @Test
    void the_dashboard_view_awaits_the_body_exactly_where_java_lets_it_edit() {
        migrate();
        jdbc.update("delete from declaration where campaign_year = ?", YEAR);
        jdbc.update("delete from campaign where year = ?", YEAR);
        jdbc.update("""
                insert into campaign (year, reference_date, opening_date, due_date, closing_date, status)
                values (?, '2022-04-01', '2022-09-01', '2022-11-01', '2022-12-01', 'FERMEE')""", YEAR);
        for (DeclarationStatus status : DeclarationStatus.values()) {
            String code = "EDT-" + status.ordinal();
            organization(code);
            jdbc.update("insert into campaign_target (campaign_year, organization_code) values (?, ?)", YEAR, code);
            jdbc.update("""
                    insert into declaration (campaign_year, organization_code, portfolio_code, network, status,
                                             exemption_reason, submitted_at)
                    values (?, ?, 'FINANCES', true, ?, 'x', now())""", YEAR, code, status.name());
        }
        organization("EDT-NONE"); // targeted, its draft not opened yet: a draft to come, the body's to write
        jdbc.update("insert into campaign_target (campaign_year, organization_code) values (?, 'EDT-NONE')", YEAR);

        Map<String, Boolean> awaiting = jdbc.query(
                "select organization_code, status, awaiting_body from declaration_deadline where campaign_year = ?",
                rs -> {
                    Map<String, Boolean> rows = new java.util.HashMap<>();
                    while (rs.next()) {
                        rows.put(rs.getString("organization_code").equals("EDT-NONE") ? "none"
                                : rs.getString("status"), rs.getBoolean("awaiting_body"));
                    }
                    return rows;
                }, YEAR);
        Map<String, Boolean> expected = new java.util.HashMap<>(Arrays.stream(DeclarationStatus.values())
                .collect(Collectors.toMap(DeclarationStatus::name, DeclarationStatus::isEditable)));
        expected.put("none", DeclarationStatus.BROUILLON.isEditable());
        assertThat(awaiting).isEqualTo(expected);

        jdbc.update("delete from declaration where campaign_year = ?", YEAR);
        jdbc.update("delete from campaign where year = ?", YEAR);
    }

    private void organization(String code) {
        jdbc.update("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values (?, ?, ?, 'ORGANISME_BUDGETAIRE', 'FINANCES', true, ?) on conflict (code) do nothing""",
                code, "Organisme de test " + code, "Test body " + code, "dri@example.qc.ca");
    }

    /** As the application's Flyway does (application.yml), with the callback Spring Boot registers. */
    private void migrate() {
        Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0")
                .callbacks(new DeclarationStatusRows()).load().migrate();
    }
}
