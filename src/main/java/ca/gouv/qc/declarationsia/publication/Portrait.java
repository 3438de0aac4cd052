package ca.gouv.qc.declarationsia.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Portrait of a campaign year, as declaration-model.md defines it and {@code GET /api/portraits/{year}} shows it.
 *
 * @param previousYear the previous published year, or null for the first one
 * @param changePercent change of the total against the previous year, one decimal, or null
 * @param newOrganizations bodies with initiatives that had none in the previous edition, successors of one that had
 *        some excepted
 * @param successions the successions that took effect since the previous edition (null in editions before them)
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
        List<TopOrganization> topOrganizations,
        List<SuccessionNote> successions) {

    public record TopOrganization(String name, int count) {
    }

    /**
     * A succession that took effect since the previous edition (issue 25): the bodies replaced and their successors,
     * by name, with the initiatives of the bodies involved (predecessors and successors) in the previous edition and
     * the successors' in this one: the former structure against the new one.
     */
    public record SuccessionNote(String kind, LocalDate effectiveDate, List<String> predecessors, List<String> successors,
            int previousInitiatives, int initiatives) {
    }
}
