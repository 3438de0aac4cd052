package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.shared.BatchReads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch's organizations with their respondents, read in two statements for all its bodies (see {@link BatchReads}):
 * {@link OrganizationService#lookup} then answers from them. Plain SQL, the same columns the aggregate maps.
 */
@Component
public class OrganizationBatch {

    private record Key(String code) {
    }

    private final JdbcClient jdbc;

    OrganizationBatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads these organizations for the running batch; nothing outside one. Returns those found. */
    public List<Organization> prepare(Collection<String> codes) {
        if (!BatchReads.active() || codes.isEmpty()) {
            return List.of();
        }
        String[] array = codes.toArray(String[]::new);
        Map<String, List<Contact>> respondents = new HashMap<>();
        jdbc.sql("""
                select organization_code, name, email from organization_respondent
                 where organization_code = any(:codes) order by organization_code, position
                """).param("codes", array).query(row -> {
                    respondents.computeIfAbsent(row.getString("organization_code"), code -> new ArrayList<>())
                            .add(new Contact(row.getString("name"), row.getString("email")));
                });
        List<Organization> found = jdbc.sql("""
                select code, name_fr, name_en, acronym, lggri_category, portfolio_code, network, active,
                       preferred_language, escalation_name, escalation_email, version, updated_at
                  from organization where code = any(:codes)
                """).param("codes", array).query((row, i) -> new Organization(row.getString("code"),
                        row.getString("name_fr"), row.getString("name_en"), row.getString("acronym"),
                        LggriCategory.valueOf(row.getString("lggri_category")), row.getString("portfolio_code"),
                        row.getBoolean("network"), row.getBoolean("active"), row.getString("preferred_language"),
                        List.copyOf(respondents.getOrDefault(row.getString("code"), List.of())),
                        new Contact(row.getString("escalation_name"), row.getString("escalation_email")),
                        row.getInt("version"), row.getTimestamp("updated_at").toInstant()))
                .list();
        found.forEach(organization -> BatchReads.put(new Key(organization.code()), organization));
        return found;
    }

    static Optional<Organization> kept(String code) {
        return BatchReads.find(new Key(code));
    }
}
