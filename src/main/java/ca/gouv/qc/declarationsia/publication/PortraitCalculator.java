package ca.gouv.qc.declarationsia.publication;

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

    PortraitCalculator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A succession as the registry's view body_succession shows it. */
    private record Succession(long id, String kind, LocalDate effectiveDate, List<String> predecessors,
            List<String> successors) {
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
                : successionsBetween(referenceDate(previousYear), referenceDate(year));
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

    /** Who succeeded whom, and the initiatives of the predecessors last year against the successors' this year. */
    private Portrait.SuccessionNote note(Succession succession, long editionId, Long previousEditionId) {
        return new Portrait.SuccessionNote(succession.kind(), succession.effectiveDate(),
                names(succession.predecessors()), names(succession.successors()),
                previousEditionId == null ? 0 : initiativesOf(previousEditionId, succession.predecessors()),
                initiativesOf(editionId, succession.successors()));
    }

    private int initiativesOf(long editionId, List<String> codes) {
        return jdbc.sql("""
                select count(*) from published_initiative where edition_id = :edition and organization_code = any(:codes)
                """).param("edition", editionId).param("codes", codes.toArray(String[]::new)).query(Integer.class).single();
    }

    private List<String> names(List<String> codes) {
        return jdbc.sql("""
                select name_fr from organization_directory where code = any(:codes) order by name_fr collate "fr-CA-x-icu"
                """).param("codes", codes.toArray(String[]::new)).query(String.class).list();
    }

    private Set<String> codes(long editionId) {
        return new HashSet<>(jdbc.sql("select distinct organization_code from published_initiative where edition_id = :edition")
                .param("edition", editionId).query(String.class).list());
    }

    /** The successions that took effect after one date and on or before the other, oldest first. */
    private List<Succession> successionsBetween(LocalDate after, LocalDate until) {
        record Row(long successionId, String kind, LocalDate effectiveDate, String predecessorCode,
                String successorCode) {
        }
        Map<Long, Succession> found = new LinkedHashMap<>();
        for (Row row : jdbc.sql("""
                select succession_id, kind, effective_date, predecessor_code, successor_code from body_succession
                 where effective_date > :after and effective_date <= :until
                 order by effective_date, succession_id, predecessor_code, successor_code
                """).param("after", after).param("until", until).query(Row.class).list()) {
            Succession succession = found.computeIfAbsent(row.successionId(), id -> new Succession(id, row.kind(),
                    row.effectiveDate(), new ArrayList<>(), new ArrayList<>()));
            addOnce(succession.predecessors(), row.predecessorCode());
            addOnce(succession.successors(), row.successorCode());
        }
        return List.copyOf(found.values());
    }

    private static void addOnce(List<String> codes, String code) {
        if (!codes.contains(code)) {
            codes.add(code);
        }
    }

    /** A year's reference date; a year published without a campaign (a baseline) counts to its end. */
    private LocalDate referenceDate(int year) {
        return jdbc.sql("select reference_date from campaign_calendar where campaign_year = :year")
                .param("year", year).query(LocalDate.class).optional().orElse(LocalDate.of(year, 12, 31));
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
