package ca.gouv.qc.declarationsia.publication;

import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.FreeText;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.form.FormDefinition;
import ca.gouv.qc.declarationsia.form.FormDefinition.Question;
import ca.gouv.qc.declarationsia.form.FormVersions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The questions of a year's form version whose answers the open data publish (issue 26), in the version's order,
     * with the version that labels them; none for a year without a campaign here (a baseline) or on version 1.
     */
    public record PublicQuestions(FormDefinition form, List<Question> questions) {
    }

    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final PortraitCalculator calculator;
    private final ObjectMapper json;
    private final InputValidator validator;
    private final FormVersions forms;

    Editions(JdbcClient jdbc, PortraitCalculator calculator, ObjectMapper json, InputValidator validator,
            FormVersions forms) {
        this.jdbc = jdbc;
        this.calculator = calculator;
        this.json = json;
        this.validator = validator;
        this.forms = forms;
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
        // the answers to the version's public questions only: the others never reach a published table
        List<String> published = publicQuestions(year).questions().stream().map(Question::id).toList();
        String answers = published.isEmpty() ? "cast(null as jsonb)"
                : "(select jsonb_object_agg(a.key, a.value) from jsonb_each(s.answers) a where a.key in (:published))";
        var insert = jdbc.sql("""
                insert into published_initiative (edition_id, initiative_id, name, category, organization_code,
                       organization_name, portfolio_label, benefits, published_status, generic_product_name,
                       public_description, services_to_population, generative_ai, answers)
                select :edition, s.initiative_id, s.name, s.category, s.organization_code, o.name_fr,
                       p.name_fr || case when s.network then ' (Réseau)' else '' end, s.benefits,
                       case when s.status_unavailable_reason is not null then 'INFORMATION_INDISPONIBLE'
                            when s.phase in ('MISE_A_DISPOSITION', 'EXPLOITATION_SUIVI') then 'SOLUTION_EN_PRODUCTION'
                            else 'DEVELOPPEMENT_SOLUTION' end,
                       s.generic_product_name, s.public_description, coalesce(s.services_to_population, false),
                       coalesce(s.generative_ai, false), %s
                  from declared_initiative s
                  join organization_directory o on o.code = s.organization_code
                  join portfolio_name p on p.code = s.portfolio_code
                 where s.campaign_year = :year and s.declaration_status = 'ACCEPTEE'
                   and not coalesce(s.cybersecurity, false)
                   and s.phase is distinct from 'MISE_HORS_SERVICE'
                   and not s.not_publishable
                """.formatted(answers)).param("edition", editionId).param("year", year);
        (published.isEmpty() ? insert : insert.param("published", published)).update();
        storeFigures(editionId, calculator.compute(editionId, year, version));
        return version;
    }

    /** Why an erratum was published, shown with its version. */
    record ChangeNote(@NotBlank @Size(max = 2000) @FreeText String changeNote) {
    }

    /** A correction after publication: only a published year, and only with a note saying what changed. */
    @Transactional
    public int publishErratum(int year, String publishedBy, String changeNote) {
        portrait(year);
        validator.requireValid(new ChangeNote(changeNote));
        return publish(year, publishedBy, changeNote.strip());
    }

    /** The figures' one write (the database refuses any later one). */
    void storeFigures(long editionId, Portrait portrait) {
        jdbc.sql("update published_edition set portrait = cast(:portrait as jsonb) where id = :id")
                .param("portrait", write(portrait)).param("id", editionId).update();
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

    /** The questions whose answers the year's open data publish (see {@link PublicQuestions}). */
    @Transactional(readOnly = true)
    public PublicQuestions publicQuestions(int year) {
        return jdbc.sql("select form_version from campaign_form where campaign_year = :year").param("year", year)
                .query(Integer.class).optional().map(forms::get)
                .map(form -> new PublicQuestions(form, form.askedQuestions().stream().filter(Question::published)
                        .toList()))
                .orElse(new PublicQuestions(null, List.of()));
    }

    /** The published answers of the year's latest edition, by initiative id, then question id (public ones only). */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Object>> publicAnswers(int year) {
        Map<String, Map<String, Object>> answers = new HashMap<>();
        jdbc.sql("""
                select i.initiative_id, i.answers::text as answers
                  from published_initiative i
                 where i.edition_id = (select id from published_edition where campaign_year = :year
                                        order by version desc limit 1)
                   and i.answers is not null
                """).param("year", year)
                .query((java.sql.ResultSet row) -> {
                    answers.put(row.getString("initiative_id"), read(row.getString("answers")));
                });
        return answers;
    }

    private Map<String, Object> read(String answers) {
        try {
            return json.readValue(answers, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable published answers", e);
        }
    }

    /** The register of a year's latest edition, filtered; any filter left empty takes everything. */
    @Transactional(readOnly = true)
    public List<PublishedInitiative> register(int year, String category, String status, String portfolio, String body) {
        portrait(year);
        return jdbc.sql("""
                select i.initiative_id, i.name, i.category, i.organization_name, i.portfolio_label, i.benefits,
                       i.published_status, i.generic_product_name, i.public_description
                  from published_initiative i
                 where i.edition_id = (select id from published_edition where campaign_year = :year
                                        order by version desc limit 1)
                   and (cast(:category as text) is null or i.category = :category)
                   and (cast(:status as text) is null or i.published_status = :status)
                   and (cast(:portfolio as text) is null or i.portfolio_label = :portfolio)
                   and (cast(:body as text) is null or i.organization_name = :body)
                 order by i.organization_name collate "fr-CA-x-icu", i.name collate "fr-CA-x-icu"
                """).param("year", year).param("category", blankToNull(category)).param("status", blankToNull(status))
                .param("portfolio", blankToNull(portfolio)).param("body", blankToNull(body))
                .query(PublishedInitiative.class).list();
    }

    /** One initiative as each year's latest edition published it, oldest first. */
    public record YearOfInitiative(int year, String name, String category, String organizationName,
            String publishedStatus, String benefits, String publicDescription) {
    }

    @Transactional(readOnly = true)
    public List<YearOfInitiative> history(String initiativeId) {
        List<YearOfInitiative> years = jdbc.sql("""
                select e.campaign_year as year, i.name, i.category, i.organization_name, i.published_status, i.benefits,
                       i.public_description
                  from published_initiative i join published_edition e on e.id = i.edition_id
                 where i.initiative_id = :id
                   and e.version = (select max(version) from published_edition where campaign_year = e.campaign_year)
                 order by e.campaign_year
                """).param("id", initiativeId).query(YearOfInitiative.class).list();
        if (years.isEmpty()) {
            throw new NotFoundException("error.publishedInitiative.notFound", initiativeId);
        }
        return years;
    }

    /** How each targeted body answered: declared, nil declaration, exempted, late, or no response. */
    public record Coverage(String organizationName, String status, boolean noInitiatives, boolean late) {
    }

    @Transactional(readOnly = true)
    public List<Coverage> coverage(int year) {
        portrait(year);
        return jdbc.sql("""
                select o.name_fr as organization_name, coalesce(d.status, 'BROUILLON') as status,
                       coalesce(d.no_initiatives, false) as no_initiatives, coalesce(d.late, false) as late
                  from campaign_body t join organization_directory o on o.code = t.organization_code
                  left join declaration_summary d on d.campaign_year = t.campaign_year and d.organization_code = t.organization_code
                 where t.campaign_year = :year
                 order by o.name_fr collate "fr-CA-x-icu"
                """).param("year", year).query(Coverage.class).list();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private String write(Portrait portrait) {
        try {
            return json.writeValueAsString(portrait);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
