package ca.gouv.qc.declarationsia.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The Portrait of a campaign year, as declaration-model.md defines it and {@code GET /api/portraits/{year}} shows it.
 *
 * @param previousYear the previous published year, or null for the first one
 * @param changePercent change of the total against the previous year, one decimal, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Portrait(
        int year,
        int version,
        int totalInitiatives,
        int organizationsWithInitiatives,
        Integer previousYear,
        Integer changeAbsolute,
        Double changePercent,
        int newOrganizations,
        int servicesToPopulation,
        int generativeAi,
        Map<String, Integer> byCategory,
        Map<String, Integer> byStatus,
        Map<String, Integer> byPortfolio,
        List<TopOrganization> topOrganizations) {

    public record TopOrganization(String name, int count) {
    }
}
