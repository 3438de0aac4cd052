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

    private final JdbcClient jdbc;

    CarryOver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeclarationRules.CarriedOver> activeLastYear(int year, String organizationCode) {
        return jdbc.sql("select s.initiative_id as id, s.name " + PREVIOUS_ACTIVE + " order by s.position")
                .param("year", year).param("organization", organizationCode)
                .query(DeclarationRules.CarriedOver.class).list();
    }

    /** Copies them into a new declaration; what the reviewer set last year (status reason) does not carry over. */
    void copyInto(long declarationId, int year, String organizationCode) {
        jdbc.sql("""
                insert into initiative_snapshot (declaration_id, position, initiative_id, name, object_type, description,
                       category, subcategory, benefits, phase, start_date, production_date, retirement_date,
                       services_to_population, cybersecurity, generative_ai, acquisition_mode, supplier_name, product_name,
                       personal_information, privacy_impact_assessment, decision_role, human_oversight, risk_level,
                       public_description, generic_product_name)
                select :declaration, row_number() over (order by s.position) - 1, s.initiative_id, s.name, s.object_type,
                       s.description, s.category, s.subcategory, s.benefits, s.phase, s.start_date, s.production_date,
                       s.retirement_date, s.services_to_population, s.cybersecurity, s.generative_ai, s.acquisition_mode,
                       s.supplier_name, s.product_name, s.personal_information, s.privacy_impact_assessment,
                       s.decision_role, s.human_oversight, s.risk_level, s.public_description, s.generic_product_name
                """ + PREVIOUS_ACTIVE)
                .param("declaration", declarationId).param("year", year).param("organization", organizationCode)
                .update();
    }
}
