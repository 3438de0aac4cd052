package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.shared.web.PageNumber;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The registry as the coordinators' page lists it: one query shaped for the page, filtered and paged in the database
 * (a few hundred bodies today, more tomorrow: 50 a page).
 */
@Repository
class OrganizationDirectory {

    record Row(String code, String nameFr, String nameEn, String acronym, LggriCategory lggriCategory,
            String portfolioFr, String portfolioEn, boolean network, boolean active, int respondentCount, long total) {
    }

    record Filter(String text, LggriCategory category, String portfolio, Boolean active) {

        boolean isEmpty() {
            return (text == null || text.isBlank()) && category == null && (portfolio == null || portfolio.isBlank())
                    && active == null;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    OrganizationDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static final int PAGE_SIZE = 50;

    /** Page {@code requested} (from 1; past the last, the last) of the filtered registry. */
    Page<Row> find(Filter filter, int requested) {
        List<Row> rows = find(filter, PAGE_SIZE, (long) (Math.max(1, requested) - 1) * PAGE_SIZE);
        long total = rows.isEmpty() ? count(filter) : rows.get(0).total();
        int number = PageNumber.within(requested, total, PAGE_SIZE);
        if (rows.isEmpty() && total > 0) {
            rows = find(filter, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
        }
        return new PageImpl<>(rows, PageRequest.of(number - 1, PAGE_SIZE), total);
    }

    private long count(Filter filter) {
        List<Row> first = find(filter, 1, 0);
        return first.isEmpty() ? 0 : first.get(0).total();
    }

    private List<Row> find(Filter filter, int limit, long offset) {
        String text = filter.text() == null || filter.text().isBlank() ? null
                : "%" + filter.text().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("text", text)
                .addValue("category", filter.category() == null ? null : filter.category().name())
                .addValue("portfolio", filter.portfolio() == null || filter.portfolio().isBlank() ? null : filter.portfolio())
                .addValue("active", filter.active())
                .addValue("limit", limit).addValue("offset", offset);
        return jdbc.query("""
                select count(*) over () as total, o.code, o.name_fr, coalesce(o.name_en, o.name_fr) as name_en, o.acronym, o.lggri_category, p.name_fr as portfolio_fr,
                       p.name_en as portfolio_en, o.network, o.active,
                       (select count(*) from organization_respondent r where r.organization_code = o.code) as respondents
                  from organization o
                  join portfolio p on p.code = o.portfolio_code
                 where (cast(:text as text) is null or unaccent(lower(o.name_fr)) like unaccent(:text)
                        or unaccent(lower(coalesce(o.name_en, ''))) like unaccent(:text) or lower(o.code) like :text
                        or lower(coalesce(o.acronym, '')) like :text)
                   and (cast(:category as text) is null or o.lggri_category = :category)
                   and (cast(:portfolio as text) is null or o.portfolio_code = :portfolio)
                   and (cast(:active as boolean) is null or o.active = :active)
                 order by o.name_fr collate "fr-CA-x-icu", o.code
                 limit :limit offset :offset
                """, parameters, (rs, i) -> new Row(rs.getString("code"), rs.getString("name_fr"),
                rs.getString("name_en"), rs.getString("acronym"), LggriCategory.valueOf(rs.getString("lggri_category")),
                rs.getString("portfolio_fr"), rs.getString("portfolio_en"), rs.getBoolean("network"),
                rs.getBoolean("active"), rs.getInt("respondents"), rs.getLong("total")));
    }
}
