package ca.gouv.qc.declarationsia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gouv.qc.declarationsia.campaign.CampaignStatus;
import ca.gouv.qc.declarationsia.declaration.AcquisitionMode;
import ca.gouv.qc.declarationsia.declaration.Category;
import ca.gouv.qc.declarationsia.declaration.DecisionRole;
import ca.gouv.qc.declarationsia.declaration.DeclarationStatus;
import ca.gouv.qc.declarationsia.declaration.HumanOversight;
import ca.gouv.qc.declarationsia.declaration.ObjectType;
import ca.gouv.qc.declarationsia.declaration.PersonalInformation;
import ca.gouv.qc.declarationsia.declaration.Phase;
import ca.gouv.qc.declarationsia.declaration.PrivacyImpactAssessment;
import ca.gouv.qc.declarationsia.declaration.RiskLevel;
import ca.gouv.qc.declarationsia.organization.LggriCategory;
import ca.gouv.qc.declarationsia.support.DatabaseTest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Flyway builds the schema from empty on PostgreSQL, and the database guards the codes of the model. */
@DatabaseTest
class DatabaseSchemaTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flyway_migrated_an_empty_database_to_the_latest_version() {
        List<String> versions = jdbc.queryForList(
                "select version from flyway_schema_history where success and version is not null order by installed_rank",
                String.class);
        assertThat(versions).contains("1", "2");
        assertThat(jdbc.queryForObject("select count(*) from portfolio", Integer.class)).isGreaterThanOrEqualTo(20);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    }

    static List<Arguments> codeColumns() {
        return List.of(
                Arguments.of("organization", "lggri_category", LggriCategory.class),
                Arguments.of("campaign", "status", CampaignStatus.class),
                Arguments.of("declaration", "status", DeclarationStatus.class),
                Arguments.of("initiative_snapshot", "object_type", ObjectType.class),
                Arguments.of("initiative_snapshot", "category", Category.class),
                Arguments.of("initiative_snapshot", "phase", Phase.class),
                Arguments.of("initiative_snapshot", "acquisition_mode", AcquisitionMode.class),
                Arguments.of("initiative_snapshot", "personal_information", PersonalInformation.class),
                Arguments.of("initiative_snapshot", "privacy_impact_assessment", PrivacyImpactAssessment.class),
                Arguments.of("initiative_snapshot", "decision_role", DecisionRole.class),
                Arguments.of("initiative_snapshot", "human_oversight", HumanOversight.class),
                Arguments.of("initiative_snapshot", "risk_level", RiskLevel.class));
    }

    @ParameterizedTest(name = "{0}.{1} accepts exactly the codes of {2}")
    @MethodSource("codeColumns")
    void check_constraints_accept_exactly_the_codes_of_the_model(String table, String column, Class<? extends Enum<?>> codes) {
        List<String> definitions = jdbc.queryForList("""
                select pg_get_constraintdef(c.oid) from pg_constraint c join pg_class t on t.oid = c.conrelid
                 where t.relname = ? and c.contype = 'c'
                """, String.class, table);
        String definition = definitions.stream()
                .filter(text -> text.contains("(" + column + ")::text = ANY"))
                .findFirst().orElseThrow(() -> new AssertionError("no check constraint on " + table + "." + column));
        Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(definition);
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        while (quoted.find()) {
            allowed.add(quoted.group(1));
        }
        assertThat(allowed).isEqualTo(Arrays.stream(codes.getEnumConstants()).map(Enum::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
    }

    /**
     * The engine's job table has the indexes its acquisition needs once campaigns leave tens of thousands of timers due
     * later (JobAcquisitionIndexes): due now, and locked by a job in progress. Their use is measured by the benchmark.
     */
    @Test
    void the_engines_job_table_has_the_indexes_of_its_acquisition() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job'", String.class))
                .anySatisfy(index -> assertThat(index).contains("dia_idx_job_due").endsWith("(duedate_)"))
                .anySatisfy(index -> assertThat(index).contains("dia_idx_job_lock_expiry").endsWith("(lock_exp_time_)"));
    }

    @Test
    void an_unknown_code_never_reaches_the_table() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into organization (code, name_fr, name_en, lggri_category, portfolio_code, network, escalation_email)
                values ('DB-1', 'Nom', 'Name', 'MINISTRY', 'FINANCES', false, 'x@example.qc.ca')
                """)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void only_one_campaign_is_open_at_a_time() {
        jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, closing_date, status) "
                + "values (2071, '2071-06-01', '2071-09-01', '2071-10-31', '2071-11-30', 'OUVERTE')");
        assertThatThrownBy(() -> jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, "
                + "closing_date, status) values (2072, '2072-06-01', '2072-09-01', '2072-10-31', '2072-11-30', 'OUVERTE')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("update campaign set status = 'FERMEE' where year = 2071");
    }

    @Test
    void campaign_dates_must_be_in_order() {
        assertThatThrownBy(() -> jdbc.update("insert into campaign (year, reference_date, opening_date, due_date, "
                + "closing_date) values (2073, '2073-06-01', '2073-11-01', '2073-10-31', '2073-11-30')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
