package ca.gouv.qc.declarationsia.declaration;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Last year's initiatives that were still active (not retired): a new declaration starts with them, same stable
 * ids, and may not lose one silently.
 */
@Repository
class CarryOver {

    private static final String PREVIOUS_ACTIVE = """
            from initiative_snapshot s
            join declaration p on p.id = s.declaration_id
           where p.organization_code = :organization
             and p.campaign_year = (select max(campaign_year) from declaration
                                     where organization_code = :organization and campaign_year < :year)
             and s.phase is distinct from 'MISE_HORS_SERVICE'
            """;

    /** The columns copied from last year's snapshot: the fields the catalogue carries over. */
    private static final List<String> COPIED = FieldCatalogue.carriedOver().stream().map(FieldCatalogue.Field::column)
            .toList();

    private final JdbcClient jdbc;

    CarryOver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeclarationRules.CarriedOver> activeLastYear(int year, String organizationCode) {
        return jdbc.sql("select s.initiative_id as id, s.name " + PREVIOUS_ACTIVE + " order by s.position")
                .param("year", year).param("organization", organizationCode)
                .query(DeclarationRules.CarriedOver.class).list();
    }

    /** Copies them into a new declaration, with the fields the catalogue carries over (not a reviewer's status reason). */
    void copyInto(long declarationId, int year, String organizationCode) {
        jdbc.sql("insert into initiative_snapshot (declaration_id, position, " + String.join(", ", COPIED)
                + ") select :declaration, row_number() over (order by s.position) - 1, s."
                + String.join(", s.", COPIED) + " " + PREVIOUS_ACTIVE)
                .param("declaration", declarationId).param("year", year).param("organization", organizationCode)
                .update();
    }
}
