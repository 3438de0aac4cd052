package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published editions: a frozen copy of the publishable initiatives of the accepted declarations, and the Portrait
 * computed from it. Written once, in one transaction, so the Portrait, the register and the open data appear together;
 * later edits of declarations do not touch them. An erratum is a new version; earlier versions stay readable.
 */
@Service
public class Editions {

    /** Published initiative as the open data lists it (spec's columns, then the stable id). */
    public record PublishedInitiative(String initiativeId, String name, String category, String organizationName,
            String portfolioLabel, String benefits, String publishedStatus, String genericProductName,
            String publicDescription) {
    }

    private final JdbcClient jdbc;
    private final PortraitCalculator calculator;
    private final ObjectMapper json;

    Editions(JdbcClient jdbc, PortraitCalculator calculator, ObjectMapper json) {
        this.jdbc = jdbc;
        this.calculator = calculator;
        this.json = json;
    }

    /** Freezes and publishes the next version of a year's edition; returns its version. */
    @Transactional
    public int publish(int year, String approvedBy, String changeNote) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from published_edition where campaign_year = :year")
                .param("year", year).query(Integer.class).single();
        long editionId = jdbc.sql("""
                insert into published_edition (campaign_year, version, published_at, approved_by, change_note, portrait)
                values (:year, :version, :now, :by, :note, '{}'::jsonb) returning id
                """).param("year", year).param("version", version).param("now", Timestamp.from(QuebecTime.engineNow()))
                .param("by", approvedBy).param("note", changeNote).query(Long.class).single();
        jdbc.sql("""
                insert into published_initiative (edition_id, initiative_id, name, category, organization_code,
                       organization_name, portfolio_label, benefits, published_status, generic_product_name,
                       public_description, services_to_population, generative_ai)
                select :edition, s.initiative_id, s.name, s.category, d.organization_code, o.name_fr,
                       p.name_fr || case when d.network then ' (Réseau)' else '' end, s.benefits,
                       case when s.status_unavailable_reason is not null then 'INFORMATION_INDISPONIBLE'
                            when s.phase in ('MISE_A_DISPOSITION', 'EXPLOITATION_SUIVI') then 'SOLUTION_EN_PRODUCTION'
                            else 'DEVELOPPEMENT_SOLUTION' end,
                       s.generic_product_name, s.public_description, coalesce(s.services_to_population, false),
                       coalesce(s.generative_ai, false)
                  from initiative_snapshot s
                  join declaration d on d.id = s.declaration_id
                  join organization o on o.code = d.organization_code
                  join portfolio p on p.code = d.portfolio_code
                 where d.campaign_year = :year and d.status = 'ACCEPTEE'
                   and not coalesce(s.cybersecurity, false)
                   and s.phase is distinct from 'MISE_HORS_SERVICE'
                   and not s.not_publishable
                """).param("edition", editionId).param("year", year).update();
        Portrait portrait = calculator.compute(editionId, year, version);
        // the figures' one write (the database refuses any later one)
        jdbc.sql("update published_edition set portrait = cast(:portrait as jsonb) where id = :id")
                .param("portrait", write(portrait)).param("id", editionId).update();
        return version;
    }

    @Transactional(readOnly = true)
    public Portrait portrait(int year) {
        String text = jdbc.sql("""
                select portrait::text from published_edition where campaign_year = :year order by version desc limit 1
                """).param("year", year).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("error.portrait.notFound", year));
        try {
            return json.readValue(text, Portrait.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable Portrait of " + year, e);
        }
    }

    @Transactional(readOnly = true)
    public List<PublishedInitiative> initiatives(int year) {
        return jdbc.sql("""
                select i.initiative_id, i.name, i.category, i.organization_name, i.portfolio_label, i.benefits,
                       i.published_status, i.generic_product_name, i.public_description
                  from published_initiative i
                 where i.edition_id = (select id from published_edition where campaign_year = :year
                                        order by version desc limit 1)
                 order by i.organization_name collate "fr-CA-x-icu", i.name collate "fr-CA-x-icu"
                """).param("year", year).query(PublishedInitiative.class).list();
    }

    private String write(Portrait portrait) {
        try {
            return json.writeValueAsString(portrait);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
