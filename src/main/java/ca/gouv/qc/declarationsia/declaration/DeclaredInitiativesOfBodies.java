package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.organization.DeclaredInitiatives;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's questions about a body's declarations, answered from the declarations this capability owns. */
@Component
class DeclaredInitiativesOfBodies implements DeclaredInitiatives {

    private final JdbcClient jdbc;
    // asked when a succession is recorded, not when built: both ask the registry's successions in turn
    private final ObjectProvider<CarryOver> carryOver;
    private final ObjectProvider<DeclarationLifecycle> lifecycle;

    DeclaredInitiativesOfBodies(JdbcClient jdbc, ObjectProvider<CarryOver> carryOver,
            ObjectProvider<DeclarationLifecycle> lifecycle) {
        this.jdbc = jdbc;
        this.carryOver = carryOver;
        this.lifecycle = lifecycle;
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

    @Override
    public Optional<OpenDeclaration> openDeclaration(String organizationCode, LocalDate effectiveDate,
            List<String> predecessors) {
        record Open(long id, int year, LocalDate opening, String status) {
        }
        return jdbc.sql("""
                select d.id, d.campaign_year as year, c.opening_date as opening, d.status
                  from declaration d join campaign_calendar c on c.campaign_year = d.campaign_year
                 where d.organization_code = :organization and c.status = 'OUVERTE' and c.opening_date >= :effective
                """).param("organization", organizationCode).param("effective", effectiveDate).query(Open.class)
                .optional().map(open -> {
                    DeclarationStatus status = DeclarationStatus.valueOf(open.status());
                    List<String> declaring = jdbc.sql("""
                            select organization_code from declaration
                             where campaign_year = :year and organization_code in (:codes) order by organization_code
                            """).param("year", open.year()).param("codes", predecessors).query(String.class).list();
                    return new OpenDeclaration(open.year(), open.opening(), status, status.isEditable(),
                            carryOver.getObject().missingFrom(open.id(), open.year(), organizationCode), declaring);
                });
    }

    @Override
    public List<String> takeOver(String organizationCode, int campaignYear) {
        return lifecycle.getObject().takeOverCarried(new DeclarationKey(campaignYear, organizationCode));
    }
}
