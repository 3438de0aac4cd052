package ca.gouv.qc.declarationsia.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        int newBodies = previous.map(id -> jdbc.sql("""
                select count(distinct organization_code) from published_initiative
                 where edition_id = :edition and organization_code not in
                       (select organization_code from published_initiative where edition_id = :previous)
                """).param("edition", editionId).param("previous", id).query(Integer.class).single()).orElse(bodies);
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
                        """).param("edition", editionId).param("top", TOP).query(Portrait.TopOrganization.class).list());
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
