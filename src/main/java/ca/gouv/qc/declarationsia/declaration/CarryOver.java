package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.organization.Predecessor;
import ca.gouv.qc.declarationsia.organization.Successions;
import ca.gouv.qc.declarationsia.shared.Answers;
import ca.gouv.qc.declarationsia.shared.BatchReads;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Last year's initiatives that were still active (not retired): a new declaration starts with them, same stable
 * ids, and may not lose one silently. They follow the successions of the registry (issue 25): a body also carries on
 * the active initiatives of the bodies it succeeded (all of them, or those a split assigned to it), ids unchanged.
 * <p>
 * A succession counts from the first campaign opening on or after its effective date, as the campaign's targets do.
 * One that takes effect while a campaign is open (recorded ahead of its date, or late): the predecessor's declaration
 * of that year is completed as it is (by the predecessor's respondents); its initiatives come to the successor at the
 * next campaign. So one initiative is never in two declarations of one year, and nothing is moved under a respondent's
 * feet. A predecessor's initiatives are carried once: not again once declared after its last declaration (by the
 * successor, which updated or retired them), and not lost when nobody declared them since (the predecessor was not
 * asked in the year the succession took effect).
 * <p>
 * An initiative's answers to the extra questions come with it only where the new campaign's form version still asks
 * them (issue 26, {@link DeclarationAnswers#carry}): a question retired or absent is not asked again, and a choice the
 * version retired is dropped, which the respondent is told ({@link #droppedChoices}).
 */
@Repository
class CarryOver {

    private record Source(long declarationId, int year, String organizationCode, String organizationName,
            Predicate<String> carries) {
    }

    private record Active(String id, String name) {
    }

    /** The columns copied from last year's snapshot: the fields the catalogue carries over. */
    private static final List<String> COPIED = FieldCatalogue.carriedOver().stream().map(FieldCatalogue.Field::column)
            .toList();

    private record GivenAnswers(String initiativeId, String answers) {
    }

    private final JdbcClient jdbc;
    private final Successions successions;
    private final DeclarationAnswers answers;

    CarryOver(JdbcClient jdbc, Successions successions, DeclarationAnswers answers) {
        this.jdbc = jdbc;
        this.successions = successions;
        this.answers = answers;
    }

    List<DeclarationRules.CarriedOver> activeLastYear(int year, String organizationCode) {
        List<DeclarationRules.CarriedOver> carried = new ArrayList<>();
        carried(year, organizationCode).forEach((source, initiatives) -> initiatives
                .forEach(initiative -> carried.add(new DeclarationRules.CarriedOver(initiative.id(), initiative.name()))));
        return carried;
    }

    /** Each initiative this body carries on from a predecessor, by id: the body it came from, "name (CODE)". */
    Map<String, String> fromPredecessors(int year, String organizationCode) {
        Map<String, String> origins = new LinkedHashMap<>();
        carried(year, organizationCode).forEach((source, initiatives) -> {
            if (!source.organizationCode().equals(organizationCode)) {
                initiatives.forEach(initiative -> origins.put(initiative.id(),
                        source.organizationName() + " (" + source.organizationCode() + ")"));
            }
        });
        return origins;
    }

    /** Copies them into a new declaration, with the fields the catalogue carries over (not a reviewer's status reason). */
    void copyInto(long declarationId, int year, String organizationCode) {
        copy(declarationId, year, organizationCode, 0, id -> true);
    }

    /**
     * The initiatives the carry-over asks of this declaration that it does not hold: those of a predecessor whose
     * succession was recorded after the declaration was opened, and counts for its campaign.
     */
    List<String> missingFrom(long declarationId, int year, String organizationCode) {
        Set<String> held = new HashSet<>(jdbc.sql("select initiative_id from initiative_snapshot where declaration_id = :id")
                .param("id", declarationId).query(String.class).list());
        return activeLastYear(year, organizationCode).stream().map(DeclarationRules.CarriedOver::id)
                .filter(id -> !held.contains(id)).toList();
    }

    /** Copies these into an open declaration, after its own, as they would have come at its opening. */
    void copyMissing(long declarationId, int year, String organizationCode, List<String> ids) {
        int after = jdbc.sql("select coalesce(max(position) + 1, 0) from initiative_snapshot where declaration_id = :id")
                .param("id", declarationId).query(Integer.class).single();
        Set<String> wanted = new HashSet<>(ids);
        copy(declarationId, year, organizationCode, after, wanted::contains);
    }

    private void copy(long declarationId, int year, String organizationCode, int start, Predicate<String> wanted) {
        int position = start;
        for (Map.Entry<Source, List<Active>> carriedFrom : carried(year, organizationCode).entrySet()) {
            Map.Entry<Source, List<Active>> entry = Map.entry(carriedFrom.getKey(),
                    carriedFrom.getValue().stream().filter(initiative -> wanted.test(initiative.id())).toList());
            if (entry.getValue().isEmpty()) {
                continue;
            }
            position += jdbc.sql("insert into initiative_snapshot (declaration_id, position, " + String.join(", ", COPIED)
                    + ") select :declaration, :offset + row_number() over (order by s.position) - 1, s."
                    + String.join(", s.", COPIED)
                    + " from initiative_snapshot s where s.declaration_id = :previous and s.initiative_id in (:ids)")
                    .param("declaration", declarationId).param("offset", position)
                    .param("previous", entry.getKey().declarationId())
                    .param("ids", entry.getValue().stream().map(Active::id).toList())
                    .update();
            for (GivenAnswers given : answersOf(entry.getKey(), entry.getValue())) {
                Map<String, Object> kept = answers.carry(year, Answers.parse(given.answers()).values()).kept();
                if (!kept.isEmpty()) {
                    jdbc.sql("""
                            update initiative_snapshot set answers = cast(:answers as jsonb)
                             where declaration_id = :declaration and initiative_id = :id
                            """).param("answers", new Answers(kept).json()).param("declaration", declarationId)
                            .param("id", given.initiativeId()).update();
                }
            }
        }
    }

    /**
     * The choices last year's answers gave that this campaign's version retired, by initiative id: dropped when the
     * initiative was carried over, told to the respondent until the question is answered again (its answer is no longer
     * what was carried). Only while the declaration may still be changed.
     */
    Map<String, List<DeclarationAnswers.DroppedChoice>> droppedChoices(Declaration declaration) {
        Map<String, List<DeclarationAnswers.DroppedChoice>> dropped = new LinkedHashMap<>();
        if (!declaration.status().isEditable()) {
            return dropped;
        }
        Map<String, Map<String, Object>> now = new HashMap<>();
        declaration.initiatives().forEach(initiative -> now.put(initiative.initiativeId(),
                initiative.answers() == null ? Map.of() : initiative.answers().values()));
        carried(declaration.campaignYear(), declaration.organizationCode()).forEach((source, initiatives) -> {
            for (GivenAnswers given : answersOf(source, initiatives)) {
                Map<String, Object> answered = now.get(given.initiativeId());
                if (answered == null) {
                    continue; // no longer in the declaration
                }
                DeclarationAnswers.Carried carried = answers.carry(declaration.campaignYear(),
                        Answers.parse(given.answers()).values());
                // still as carried (nothing, or the choices kept of several): the respondent has not answered again
                List<DeclarationAnswers.DroppedChoice> unanswered = carried.dropped().stream()
                        .filter(choice -> same(answered.get(choice.questionId()), carried.kept().get(choice.questionId())))
                        .toList();
                if (!unanswered.isEmpty()) {
                    dropped.put(given.initiativeId(), unanswered);
                }
            }
        });
        return dropped;
    }

    private static boolean same(Object now, Object carried) {
        return empty(now) ? empty(carried) : now.equals(carried);
    }

    private static boolean empty(Object answer) {
        return answer == null || answer instanceof String text && text.isBlank()
                || answer instanceof java.util.Collection<?> chosen && chosen.isEmpty();
    }

    /** The answers the source's declaration gave for these initiatives (those that gave any). */
    private List<GivenAnswers> answersOf(Source source, List<Active> initiatives) {
        if (initiatives.isEmpty()) {
            return List.of();
        }
        Optional<List<GivenAnswers>> batch = BatchReads.find(List.of(GivenAnswers.class, source.declarationId()));
        if (batch.isPresent()) {
            Set<String> ids = initiatives.stream().map(Active::id).collect(Collectors.toSet());
            return batch.get().stream().filter(given -> ids.contains(given.initiativeId())).toList();
        }
        return jdbc.sql("""
                select s.initiative_id, s.answers::text as answers from initiative_snapshot s
                 where s.declaration_id = :previous and s.initiative_id in (:ids) and s.answers is not null
                """).param("previous", source.declarationId())
                .param("ids", initiatives.stream().map(Active::id).toList())
                .query(GivenAnswers.class).list();
    }

    /**
     * The sources of the carry-over in order (the body itself first), each with the initiatives it gives. Read once in
     * a batch ({@link BatchReads}): the declaration page asks it three ways (what came over, from whom, which choices
     * were dropped).
     */
    private Map<Source, List<Active>> carried(int year, String organizationCode) {
        List<Object> key = List.of(CarryOver.class, year, organizationCode);
        Optional<Map<Source, List<Active>>> kept = BatchReads.find(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        Map<Source, List<Active>> carried = read(year, organizationCode);
        BatchReads.put(key, carried);
        return carried;
    }

    private Map<Source, List<Active>> read(int year, String organizationCode) {
        Optional<Source> own = lastBefore(year, organizationCode, organizationCode, id -> true);
        return assemble(year, organizationCode, own, source -> activeIn(List.of(source.declarationId()))
                .getOrDefault(source.declarationId(), List.of()),
                successions.ancestryOf(organizationCode, openingDate(year)));
    }

    /** The body's own last declaration first, then its predecessors', each initiative once. */
    private Map<Source, List<Active>> assemble(int year, String organizationCode, Optional<Source> own,
            Function<Source, List<Active>> ownActive, Map<String, List<Predecessor>> ancestry) {
        Map<Source, List<Active>> carried = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        own.ifPresent(source -> carried.put(source, kept(source, seen, ownActive.apply(source))));
        collectPredecessors(year, ancestry, organizationCode, id -> true, carried, seen,
                new HashSet<>(Set.of(organizationCode)));
        return carried;
    }

    /**
     * Within a launch's batch ({@link BatchReads}), reads what the carry-over of these bodies needs in a few statements
     * for all of them: the campaign's opening, their successions, their last declarations, the active initiatives and
     * the answers of those. A body with predecessors is left to its own reads when it opens (a predecessor may be
     * opened earlier in the same batch, which decides whether its initiatives come now).
     */
    void prepareBatch(int year, List<String> organizationCodes) {
        if (!BatchReads.active() || organizationCodes.isEmpty()) {
            return;
        }
        LocalDate opening = openingDate(year);
        BatchReads.put(List.of(CarryOver.class, "opening", year), opening);
        Map<String, List<Predecessor>> ancestry = successions.ancestryOf(organizationCodes, opening);
        Map<String, Source> own = lastBefore(year, organizationCodes);
        List<Long> previous = own.values().stream().map(Source::declarationId).toList();
        Map<Long, List<Active>> active = activeIn(previous);
        Map<Long, List<GivenAnswers>> given = answersIn(previous);
        for (String code : organizationCodes) {
            if (ancestry.containsKey(code)) {
                continue;
            }
            Optional<Source> source = Optional.ofNullable(own.get(code));
            BatchReads.put(List.of(CarryOver.class, year, code), assemble(year, code, source,
                    last -> active.getOrDefault(last.declarationId(), List.of()), Map.of()));
            source.ifPresent(last -> BatchReads.put(List.of(GivenAnswers.class, last.declarationId()),
                    given.getOrDefault(last.declarationId(), List.of())));
        }
    }

    /**
     * The successions this campaign follows are those in effect at its opening, as for its targets: one taking effect
     * later leaves the body replaced targeted, to declare this year itself. A year without a campaign counts from its
     * first day, as the registry and the Portrait count it.
     */
    private LocalDate openingDate(int year) {
        return BatchReads.get(List.of(CarryOver.class, "opening", year), () -> jdbc
                .sql("select opening_date from campaign_calendar where campaign_year = :year").param("year", year)
                .query(LocalDate.class).optional().orElse(LocalDate.of(year, 1, 1)));
    }

    private void collectPredecessors(int year, Map<String, List<Predecessor>> ancestry, String successorCode,
            Predicate<String> outer, Map<Source, List<Active>> carried, Set<String> seen, Set<String> visited) {
        for (Predecessor predecessor : ancestry.getOrDefault(successorCode, List.of())) {
            if (!visited.add(predecessor.code()) || hasDeclaration(year, predecessor.code())) {
                continue; // its declaration of this year is completed as it is: its initiatives come next year
            }
            Predicate<String> carries = outer.and(predecessor::carries);
            lastBefore(year, predecessor.code(), predecessor.name(), carries)
                    .ifPresent(last -> carried.put(last, take(last, year, seen)));
            collectPredecessors(year, ancestry, predecessor.code(), carries, carried, seen, visited);
        }
    }

    /**
     * The active initiatives of these declarations (a body's own last ones: all of them, nobody else declares them),
     * by declaration, in their order.
     */
    private Map<Long, List<Active>> activeIn(List<Long> declarationIds) {
        Map<Long, List<Active>> active = new HashMap<>();
        if (!declarationIds.isEmpty()) {
            jdbc.sql("""
                    select s.declaration_id, s.initiative_id, s.name from initiative_snapshot s
                     where s.declaration_id = any(cast(:declarations as bigint[]))
                       and s.phase is distinct from 'MISE_HORS_SERVICE'
                     order by s.declaration_id, s.position
                    """).param("declarations", declarationIds.toArray(Long[]::new))
                    .query(row -> {
                        active.computeIfAbsent(row.getLong("declaration_id"), id -> new ArrayList<>())
                                .add(new Active(row.getString("initiative_id"), row.getString("name")));
                    });
        }
        return active;
    }

    /** The answers these declarations gave (their initiatives that gave any), by declaration. */
    private Map<Long, List<GivenAnswers>> answersIn(List<Long> declarationIds) {
        Map<Long, List<GivenAnswers>> given = new HashMap<>();
        if (!declarationIds.isEmpty()) {
            jdbc.sql("""
                    select s.declaration_id, s.initiative_id, s.answers::text as answers from initiative_snapshot s
                     where s.declaration_id = any(cast(:declarations as bigint[])) and s.answers is not null
                    """).param("declarations", declarationIds.toArray(Long[]::new))
                    .query(row -> {
                        given.computeIfAbsent(row.getLong("declaration_id"), id -> new ArrayList<>())
                                .add(new GivenAnswers(row.getString("initiative_id"), row.getString("answers")));
                    });
        }
        return given;
    }

    /**
     * A predecessor's last declaration: its active initiatives not declared since, by anyone, before {@code year}.
     * One a successor already carried on (and updated or retired) comes from the successor's declaration, not again
     * from the predecessor's; one nobody declared since (the predecessor was not asked in the year the succession took
     * effect) is not lost.
     */
    private List<Active> take(Source source, int year, Set<String> seen) {
        return kept(source, seen, jdbc.sql("""
                select s.initiative_id as id, s.name from initiative_snapshot s
                 where s.declaration_id = :declaration and s.phase is distinct from 'MISE_HORS_SERVICE'
                   and not exists (select 1 from initiative_snapshot later
                                     join declaration d on d.id = later.declaration_id
                                    where later.initiative_id = s.initiative_id
                                      and d.campaign_year > :since and d.campaign_year < :year)
                 order by s.position
                """).param("declaration", source.declarationId()).param("since", source.year()).param("year", year)
                .query(Active.class).list());
    }

    private static List<Active> kept(Source source, Set<String> seen, List<Active> active) {
        return active.stream().filter(initiative -> source.carries().test(initiative.id()) && seen.add(initiative.id()))
                .toList();
    }

    private Optional<Source> lastBefore(int year, String organizationCode, String organizationName,
            Predicate<String> carries) {
        return jdbc.sql("""
                select id, campaign_year from declaration
                 where organization_code = :organization and campaign_year < :year
                 order by campaign_year desc limit 1
                """).param("organization", organizationCode).param("year", year)
                .query((rs, i) -> new Source(rs.getLong("id"), rs.getInt("campaign_year"), organizationCode,
                        organizationName, carries))
                .optional();
    }

    /** Each of these bodies' last declaration before {@code year}, by code: one statement for a batch. */
    private Map<String, Source> lastBefore(int year, List<String> organizationCodes) {
        Map<String, Source> last = new HashMap<>();
        jdbc.sql("""
                select distinct on (organization_code) organization_code, id, campaign_year from declaration
                 where organization_code = any(cast(:organizations as varchar[])) and campaign_year < :year
                 order by organization_code, campaign_year desc
                """).param("organizations", organizationCodes.toArray(String[]::new)).param("year", year)
                .query(row -> {
                    String code = row.getString("organization_code");
                    last.put(code, new Source(row.getLong("id"), row.getInt("campaign_year"), code, code, id -> true));
                });
        return last;
    }

    private boolean hasDeclaration(int year, String organizationCode) {
        return jdbc.sql("select count(*) from declaration where organization_code = :organization and campaign_year = :year")
                .param("organization", organizationCode).param("year", year).query(Integer.class).single() > 0;
    }
}
