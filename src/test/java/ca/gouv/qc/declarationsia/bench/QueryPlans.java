package ca.gouv.qc.declarationsia.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans PostgreSQL chooses, at full volume, for the lookups that run once per organization (launch, dashboard)
 * and for the Portrait's aggregates: the evidence behind each index (bench/README.md, "Tuning").
 */
final class QueryPlans {

    private final JdbcTemplate jdbc;

    QueryPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String explain(int campaignYear, String organizationCode, long editionId) {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("carry-over: the organization's previous declaration (once per organization at launch)", """
                select max(campaign_year) from declaration where organization_code = '%s' and campaign_year < %d"""
                .formatted(organizationCode, campaignYear));
        statements.put("dashboard: last mail of one organization (once per row shown)", """
                select kind, status, sent_at, created_at from mail_outbox where campaign_year = %d
                 and organization_code = '%s' order by created_at desc, id desc limit 1""".formatted(campaignYear, organizationCode));
        statements.put("dashboard: declarations by status (summary)", """
                select coalesce(d.status, 'BROUILLON'), count(*) from campaign_target t left join declaration d
                    on d.campaign_year = t.campaign_year and d.organization_code = t.organization_code
                 where t.campaign_year = %d group by 1""".formatted(campaignYear));
        statements.put("Portrait: initiatives by category", """
                select category, count(*) from published_initiative where edition_id = %d group by category"""
                .formatted(editionId));
        StringBuilder plans = new StringBuilder();
        statements.forEach((purpose, sql) -> plans.append("-- ").append(purpose).append('\n').append(sql).append('\n')
                .append(plan(sql)).append("\n\n"));
        return plans.toString();
    }

    private String plan(String sql) {
        List<String> lines = jdbc.queryForList("explain (analyze, costs off, timing on, summary on) " + sql, String.class);
        return lines.stream().map(line -> "   " + line).collect(Collectors.joining("\n"));
    }
}
