package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.organization.DeclaredInitiatives;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's questions about a body's declarations, answered from the declarations this capability owns. */
@Component
class DeclaredInitiativesOfBodies implements DeclaredInitiatives {

    private final JdbcClient jdbc;

    DeclaredInitiativesOfBodies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalInt lastAcceptedYear(String organizationCode) {
        Integer year = jdbc.sql("select coalesce(max(campaign_year), 0) from declaration where organization_code = :organization "
                + "and status = 'ACCEPTEE'").param("organization", organizationCode).query(Integer.class).single();
        return year == null || year == 0 ? OptionalInt.empty() : OptionalInt.of(year);
    }

    @Override
    public List<String> active(String organizationCode) {
        return activeNamed(organizationCode).stream().map(ActiveInitiative::id).toList();
    }

    @Override
    public List<ActiveInitiative> activeNamed(String organizationCode) {
        return jdbc.sql("""
                select s.initiative_id as id, s.name from initiative_snapshot s
                 where s.declaration_id = (select id from declaration where organization_code = :organization
                                            order by campaign_year desc limit 1)
                   and s.phase is distinct from 'MISE_HORS_SERVICE'
                 order by s.position
                """).param("organization", organizationCode).query(ActiveInitiative.class).list();
    }
}
