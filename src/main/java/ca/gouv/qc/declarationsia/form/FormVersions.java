package ca.gouv.qc.declarationsia.form;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the declaration's form: read by anyone signed in (a body's script reads the questions its campaign
 * asks), made by coordinators, one after the other, each from an earlier one. A version once stored never changes: the
 * campaigns pinned to it read their answers with the questions they were asked.
 */
@Service
public class FormVersions {

    /** One version in the list: what it was made from, when and by whom. */
    public record Summary(int version, Integer basedOn, Instant createdAt, String createdBy, int questions) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final FormProblems problems;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final Clock clock;
    /**
     * Versions read, by number: a stored version never changes, and every draft save, check and submission of a
     * campaign asks for its own. Filled by reads only, never by the transaction that stores a version (it may roll
     * back).
     */
    private final Map<Integer, FormDefinition> read = new ConcurrentHashMap<>();

    FormVersions(JdbcClient jdbc, ObjectMapper json, FormProblems problems, InputValidator validator,
            AccessPolicy access, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.problems = problems;
        this.validator = validator;
        this.access = access;
        this.clock = clock;
    }

    /** The newest version: what a new campaign asks unless its coordinator pins another. */
    @Transactional(readOnly = true)
    public int newest() {
        return jdbc.sql("select max(version) from form_version").query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public boolean exists(int version) {
        return jdbc.sql("select count(*) from form_version where version = :version").param("version", version)
                .query(Integer.class).single() > 0;
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<Summary> list() {
        return jdbc.sql("""
                select version, based_on, created_at, created_by,
                       coalesce(json_array_length(definition -> 'questions'), 0) as questions
                  from form_version order by version desc
                """).query((row, number) -> new Summary(row.getInt("version"),
                        (Integer) row.getObject("based_on"), row.getTimestamp("created_at").toInstant(),
                        row.getString("created_by"), row.getInt("questions"))).list();
    }

    /** The years of the campaigns on each version, newest first (campaign's view {@code campaign_form}). */
    @Transactional(readOnly = true)
    public Map<Integer, List<Integer>> campaignsByVersion() {
        Map<Integer, List<Integer>> years = new java.util.HashMap<>();
        jdbc.sql("select form_version, campaign_year from campaign_form order by campaign_year desc")
                .query((row, number) -> years.computeIfAbsent(row.getInt("form_version"),
                        version -> new java.util.ArrayList<>()).add(row.getInt("campaign_year")))
                .list();
        return years;
    }

    @Transactional(readOnly = true)
    public FormDefinition get(int version) {
        return find(version).orElseThrow(() -> new NotFoundException("error.form.notFound", version));
    }

    /** Every reason this definition cannot be the next version (empty when it can). */
    @Transactional(readOnly = true)
    public List<Violation> problems(FormDefinition definition) {
        return problems(definition, List.of());
    }

    /**
     * Every reason this definition, with the code lists the coordinators' page adds ({@code addedLists}, the ids typed
     * in their order), cannot be the next version: the page's new lists first, then what the API is told.
     */
    @Transactional(readOnly = true)
    List<Violation> problems(FormDefinition definition, List<String> addedLists) {
        access.requireCoordinator();
        FormDefinition base = definition.basedOn() == null ? null : find(definition.basedOn()).orElse(null);
        List<Violation> found = new ArrayList<>(problems.addedLists(addedLists, base));
        found.addAll(problems.of(definition, newest(), base));
        return found;
    }

    /** Stores the next version, or refuses it whole with every problem; a version taken meanwhile is refused too. */
    @Transactional
    public FormDefinition create(FormDefinition definition) {
        return create(definition, List.of());
    }

    /** {@link #create(FormDefinition)} from the coordinators' page, with the code lists it adds. */
    @Transactional
    FormDefinition create(FormDefinition definition, List<String> addedLists) {
        List<Violation> violations = problems(definition, addedLists);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        int stored = jdbc.sql("""
                insert into form_version (version, based_on, definition, created_at, created_by)
                values (:version, :basedOn, cast(:definition as json), :now, :by)
                on conflict (version) do nothing
                """).param("version", definition.version()).param("basedOn", definition.basedOn())
                .param("definition", write(definition)).param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentUser.actorId()).update();
        if (stored == 0) {
            throw new InvalidInputException(List.of(validator.violation("version", "NotNext", "validation.form.notNext",
                    newest() + 1)));
        }
        return stored(definition.version()).orElseThrow();
    }

    private Optional<FormDefinition> find(int version) {
        FormDefinition known = read.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<FormDefinition> stored = stored(version);
        stored.ifPresent(definition -> read.put(version, definition));
        return stored;
    }

    private Optional<FormDefinition> stored(int version) {
        return jdbc.sql("select definition from form_version where version = :version").param("version", version)
                .query(String.class).optional().map(this::read);
    }

    private FormDefinition read(String definition) {
        try {
            return json.readValue(definition, FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored form version does not read back", e);
        }
    }

    private String write(FormDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
