package ca.gouv.qc.declarationsia.architecture.planted.campaign;

import ca.gouv.qc.declarationsia.architecture.planted.declaration.PlantedDeclarationRepository;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Planted in a "campaign" capability: three reads of "declaration"'s rows that CapabilityBoundariesTest must report
 * (its self-test runs the checks on this package). Never used.
 */
class PlantedCrossRead {

    static final String SQL = """
            select c.year, d.status from campaign c
              join declaration d on d.campaign_year = c.year
            """;

    /** Another capability's table mapped here. */
    @Table("initiative_snapshot")
    record Snapshot(String initiativeId) {
    }

    long declarations(PlantedDeclarationRepository repository) {
        return repository.count();
    }
}
