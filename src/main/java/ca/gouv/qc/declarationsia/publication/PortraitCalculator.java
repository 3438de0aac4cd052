package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.organization.Successions.Succession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Computes the Portrait of an edition from its frozen initiatives, with SQL aggregates shaped for each figure. */
@Component
class PortraitCalculator {

    private static final int TOP = 10;

    private final JdbcClient jdbc;
    private final Successions successions;

    PortraitCalculator(JdbcClient jdbc, Successions successions) {
        this.jdbc = jdbc;
        this.successions = successions;
    }

    Portrait compute(long editionId, int year, int version) {
        int total = count("select count(*) from published_initiative where edition_id = :edition", editionId);
        int bodies = count("select count(distinct organization_code) from published_initiative where edition_id = :edition",
                editionId);
        Optional<Long> previous = jdbc.sql("""
                select e.id from published_edition e
                 where e.campaign_year = (select max(campaign_year) from published_edition where campaign_year < :year)
                 order by e.version desc limit 1
                """).param("year", year).query(Long.class).optional();
        Integer previousYear = previous.map(id -> jdbc.sql("select campaign_year from published_edition where id = :id")
                .param("id", id).query(Integer.class).single()).orElse(null);
        Integer previousTotal = previous.map(id -> count(
                "select count(*) from published_initiative where edition_id = :edition", id)).orElse(null);
        Set<String> bodyCodes = codes(editionId);
        Set<String> previousCodes = previous.map(this::codes).orElse(Set.of());
        List<Succession> inTheYear = previousYear == null ? List.of()
                : successions.between(openingDate(previousYear), openingDate(year));
        // a successor of a body that declared last year is the same administration under a new structure, not new
        Set<String> carryingOn = new HashSet<>();
        inTheYear.stream().filter(s -> s.predecessors().stream().anyMatch(previousCodes::contains))
                .forEach(s -> carryingOn.addAll(s.successors()));
        int newBodies = (int) bodyCodes.stream()
                .filter(code -> previous.isEmpty() || !previousCodes.contains(code) && !carryingOn.contains(code)).count();
        Integer change = previousTotal == null ? null : total - previousTotal;
        Double percent = previousTotal == null || previousTotal == 0 ? null
                : Math.round(1000.0 * (total - previousTotal) / previousTotal) / 10.0;
        return new Portrait(year, version, total, bodies, previousYear, change, percent, newBodies,
                count("select count(*) from published_initiative where edition_id = :edition and services_to_population", editionId),
                count("select count(*) from published_initiative where edition_id = :edition and generative_ai", editionId),
                groups("category", editionId), groups("published_status", editionId), groups("portfolio_label", editionId),
                jdbc.sql("""
                        select organization_name as name, count(*) as count from published_initiative
                         where edition_id = :edition group by organization_name
                         order by count(*) desc, organization_name collate "fr-CA-x-icu" limit :top
                        """).param("edition", editionId).param("top", TOP).query(Portrait.TopOrganization.class).list(),
                inTheYear.stream().map(s -> note(s, editionId, previous.orElse(null))).toList());
    }

    /**
     * Who succeeded whom, and the initiatives of the bodies involved under the former structure (the predecessors and
     * the successors, an absorbing body's own included) last year against the successors' this year: the same
     * administration before and after.
     */
    private Portrait.SuccessionNote note(Succession succession, long editionId, Long previousEditionId) {
        List<String> involved = new ArrayList<>(succession.predecessors());
        involved.addAll(succession.successors());
        return new Portrait.SuccessionNote(succession.kind().name(), succession.effectiveDate(),
                succession.predecessorNames(), succession.successorNames(),
                previousEditionId == null ? 0 : initiativesOf(previousEditionId, involved),
                initiativesOf(editionId, succession.successors()));
    }

    private int initiativesOf(long editionId, List<String> codes) {
        return jdbc.sql("""
                select count(*) from published_initiative where edition_id = :edition and organization_code = any(:codes)
                """).param("edition", editionId).param("codes", codes.toArray(String[]::new)).query(Integer.class).single();
    }

    private Set<String> codes(long editionId) {
        return new HashSet<>(jdbc.sql("select distinct organization_code from published_initiative where edition_id = :edition")
                .param("edition", editionId).query(String.class).list());
    }

    /**
     * A campaign follows the successions in effect at its opening (its targets, its carry-over): the Portrait notes
     * those that took effect after the previous edition's opening and by this one's. A year published without a
     * campaign (a baseline) counts from its first day: Santé Québec (1 December 2024) after the 2024 baseline is
     * noted in 2025, as the first campaign run here follows it.
     */
    private LocalDate openingDate(int year) {
        return jdbc.sql("select opening_date from campaign_calendar where campaign_year = :year")
                .param("year", year).query(LocalDate.class).optional().orElse(LocalDate.of(year, 1, 1));
    }

    private int count(String sql, long editionId) {
        return jdbc.sql(sql).param("edition", editionId).query(Integer.class).single();
    }

    /** Counts per value, largest first (ties in French alphabetical order). */
    private Map<String, Integer> groups(String column, long editionId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select " + column + " as value, count(*) as n from published_initiative where edition_id = :edition "
                        + "group by " + column + " order by count(*) desc, " + column + " collate \"fr-CA-x-icu\"")
                .param("edition", editionId)
                .query((rs, i) -> counts.put(rs.getString("value"), rs.getInt("n"))).list();
        return counts;
    }

}
