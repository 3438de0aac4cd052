package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Successions in the registry (issue 25): a body merged, absorbed, renamed or split. Recorded once, by a coordinator,
 * audited (who, when, why, from when); the predecessors become inactive from the effective date, so that no campaign
 * targets them any more, and the declaration capability asks here whose initiatives a body carries on.
 */
@Service
public class Successions {

    /**
     * One recorded succession, as the API, the pages and the other capabilities read it: the bodies by code, and by
     * French name in the same order (by name).
     */
    public record Succession(long id, SuccessionKind kind, List<String> predecessors, List<String> successors,
            LocalDate effectiveDate, String reason, String recordedBy, java.time.Instant recordedAt,
            List<String> predecessorNames, List<String> successorNames, List<OpenCampaign> openCampaign) {

        /** The same, with what its recording did to the open campaign's declarations. */
        Succession with(List<OpenCampaign> followed) {
            return new Succession(id, kind, predecessors, successors, effectiveDate, reason, recordedBy, recordedAt,
                    predecessorNames, successorNames, List.copyOf(followed));
        }
    }

    /**
     * What a succession recorded during a campaign, and counting for it, did there (only in the answer to its
     * recording): the initiatives that came into the successor's open declaration, and the predecessors that keep
     * their own declaration of the year, completed as it is (their initiatives come at the next campaign).
     */
    public record OpenCampaign(int campaignYear, String successor, List<String> carriedInto,
            List<String> declaringThemselves) {
    }

    private final JdbcClient jdbc;
    private final OrganizationRepository organizations;
    private final DeclaredInitiatives declared;
    private final InputValidator validator;
    private final AccessPolicy access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Successions(JdbcClient jdbc, OrganizationRepository organizations, DeclaredInitiatives declared,
            InputValidator validator, AccessPolicy access, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.declared = declared;
        this.validator = validator;
        this.access = access;
        this.clock = clock;
    }

    /** A merge, absorption or renaming; refuses it whole, changing nothing, naming each wrong field. */
    @Transactional
    public Succession record(SuccessionForm form) {
        access.requireCoordinator();
        lockRegistry();
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        // the registry's rules too, on whatever was given: every wrong field said at once
        List<String> predecessors = form.predecessors() == null ? List.of() : form.predecessors().stream()
                .filter(code -> code != null && !code.isBlank()).toList();
        if (form.successor() != null && !form.successor().isBlank()) {
            violations.addAll(successorRules("successor", form.successor(), predecessors));
        }
        for (int i = 0; i < predecessors.size(); i++) {
            violations.addAll(predecessorRules("predecessors[" + i + "]", predecessors.get(i),
                    form.successor(), form.effectiveDate()));
        }
        if (new HashSet<>(predecessors).size() < predecessors.size()) {
            violations.add(validator.violation("predecessors", "Duplicate", "validation.succession.twice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        SuccessionKind kind = form.kind() != null && !form.kind().isBlank() ? SuccessionKind.valueOf(form.kind())
                : form.predecessors().size() > 1 ? SuccessionKind.FUSION : SuccessionKind.ABSORPTION;
        if (kind == SuccessionKind.SCISSION) {
            throw new InvalidInputException(List.of(validator.violation("kind", "Split", "validation.succession.splitForm")));
        }
        long id = insert(kind, form.effectiveDate(), form.reason());
        for (String predecessor : form.predecessors()) {
            link(id, predecessor, form.successor());
        }
        List<OpenCampaign> followed = followOpenCampaign(form.predecessors(), List.of(form.successor()),
                form.effectiveDate());
        deactivateDue();
        events.publishEvent(new SuccessionRecorded(List.copyOf(form.predecessors()), List.of(form.successor()),
                form.effectiveDate()));
        return find(id).orElseThrow().with(followed);
    }

    /** A split: each initiative active at the predecessor assigned to exactly one of the successors. */
    @Transactional
    public Succession split(SplitForm form) {
        access.requireCoordinator();
        lockRegistry();
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        if (violations.isEmpty()) {
            for (int i = 0; i < form.successors().size(); i++) {
                violations.addAll(successorRules("successors[" + i + "]", form.successors().get(i),
                        List.of(form.predecessor())));
            }
            if (new HashSet<>(form.successors()).size() < form.successors().size()) {
                violations.add(validator.violation("successors", "Duplicate", "validation.succession.twice"));
            }
            violations.addAll(predecessorRules("predecessor", form.predecessor(), null, form.effectiveDate()));
        }
        if (violations.isEmpty()) {
            violations.addAll(assignmentRules(form));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        long id = insert(SuccessionKind.SCISSION, form.effectiveDate(), form.reason());
        for (String successor : form.successors()) {
            link(id, form.predecessor(), successor);
        }
        Map<String, String> assignments = form.assignments() == null ? Map.of() : form.assignments();
        assignments.forEach((initiative, successor) -> jdbc.sql("""
                insert into organization_succession_assignment (succession_id, initiative_id, successor_code)
                values (:id, :initiative, :successor)
                """).param("id", id).param("initiative", initiative).param("successor", successor).update());
        List<OpenCampaign> followed = followOpenCampaign(List.of(form.predecessor()), form.successors(),
                form.effectiveDate());
        deactivateDue();
        events.publishEvent(new SuccessionRecorded(List.of(form.predecessor()), List.copyOf(form.successors()),
                form.effectiveDate()));
        return find(id).orElseThrow().with(followed);
    }

    /**
     * A succession counts from the first campaign opening on or after its effective date, the open one too when it is
     * recorded late. The successor's declaration of that campaign, opened before, then lacks the predecessors'
     * initiatives its carry-over now asks (a predecessor with a declaration of its own that year keeps it, completed as
     * it is, and gives its initiatives at the next campaign, as for a succession taking effect during a campaign).
     * While the successor may still change its declaration, they come into it, with where they came from; once it is
     * submitted, the date is refused, naming the first one accepted (the day after that opening: the succession then
     * counts from the next campaign). Called once the succession's links are in place (the carry-over reads them);
     * a refusal rolls the recording back whole.
     */
    private List<OpenCampaign> followOpenCampaign(List<String> predecessors, List<String> successors,
            LocalDate effectiveDate) {
        List<OpenCampaign> followed = new ArrayList<>();
        for (String successor : successors) {
            Optional<DeclaredInitiatives.OpenDeclaration> open = declared.openDeclaration(successor, effectiveDate,
                    predecessors);
            if (open.isEmpty()) {
                continue;
            }
            DeclaredInitiatives.OpenDeclaration declaration = open.get();
            if (!declaration.missing().isEmpty() && !declaration.editable()) {
                throw new InvalidInputException(List.of(validator.violation("effectiveDate", "SuccessorDeclared",
                        "validation.succession.successorDeclared", successor, String.valueOf(declaration.campaignYear()),
                        declaration.status(), declaration.openingDate(), declaration.openingDate().plusDays(1),
                        String.join(", ", declaration.missing()))));
            }
            List<String> carried = declaration.missing().isEmpty() ? List.of()
                    : declared.takeOver(successor, declaration.campaignYear());
            if (!carried.isEmpty() || !declaration.declaringThemselves().isEmpty()) {
                followed.add(new OpenCampaign(declaration.campaignYear(), successor, carried,
                        declaration.declaringThemselves()));
            }
        }
        return followed;
    }

    /** The initiatives a split must assign: those still active at the body (for the API). */
    @Transactional(readOnly = true)
    public List<String> activeInitiatives(String organizationCode) {
        access.requireCoordinator();
        return declared.active(organizationCode);
    }

    /** The same with their names, for the coordinator's page that assigns them. */
    @Transactional(readOnly = true)
    List<DeclaredInitiatives.ActiveInitiative> activeInitiativesNamed(String organizationCode) {
        access.requireCoordinator();
        return declared.activeNamed(organizationCode);
    }

    /**
     * The bodies whose initiatives this one carries on, and from when: every succession recorded, those taking effect
     * later too (the registry shows them).
     */
    @Transactional(readOnly = true)
    public List<Predecessor> predecessorsOf(String successorCode) {
        return ancestryOf(successorCode, LocalDate.of(9999, 12, 31)).getOrDefault(successorCode, List.of());
    }

    /**
     * The bodies whose initiatives this one carries on in a campaign opening on {@code openingDate}, and theirs in
     * turn: for this body and each of its ancestors, its own predecessors, by the successions in effect by then. One
     * recorded ahead of its date, taking effect after the opening, leaves the body replaced to declare that year
     * itself; its initiatives come at the next campaign. One statement for the whole ancestry (a launch opens
     * thousands of declarations; Santé Québec alone has dozens of predecessors). No access check: the declaration
     * capability asks it when it opens a declaration, whoever launches the campaign.
     */
    @Transactional(readOnly = true)
    public Map<String, List<Predecessor>> ancestryOf(String code, LocalDate openingDate) {
        return ancestryOf(List.of(code), openingDate);
    }

    /**
     * The same for several bodies at once (a launch's batch), in the one statement: their ancestries side by side, by
     * successor (a body's walk from its own code reaches only its own ancestors).
     */
    @Transactional(readOnly = true)
    public Map<String, List<Predecessor>> ancestryOf(Collection<String> codes, LocalDate openingDate) {
        Map<String, List<Predecessor>> ancestry = new java.util.HashMap<>();
        jdbc.sql("""
                with recursive ancestry (successor_code, predecessor_code, succession_id, kind, effective_date) as (
                    select l.successor_code, l.predecessor_code, s.id, s.kind, s.effective_date
                      from organization_succession_link l join organization_succession s on s.id = l.succession_id
                     where l.successor_code = any(cast(:codes as varchar[])) and s.effective_date <= :opening
                    union
                    select l.successor_code, l.predecessor_code, s.id, s.kind, s.effective_date
                      from ancestry a
                      join organization_succession_link l on l.successor_code = a.predecessor_code
                      join organization_succession s on s.id = l.succession_id
                     where s.effective_date <= :opening
                )
                select a.successor_code, a.predecessor_code, o.name_fr, a.kind, a.effective_date,
                       array(select x.initiative_id from organization_succession_assignment x
                              where x.succession_id = a.succession_id and x.successor_code = a.successor_code) as initiatives
                  from ancestry a join organization o on o.code = a.predecessor_code
                 order by a.effective_date, a.predecessor_code
                """).param("codes", codes.toArray(String[]::new)).param("opening", openingDate)
                .query(row -> {
                    ancestry.computeIfAbsent(row.getString("successor_code"), successor -> new ArrayList<>())
                            .add(new Predecessor(row.getString("predecessor_code"), row.getString("name_fr"),
                                    SuccessionKind.valueOf(row.getString("kind")),
                                    row.getObject("effective_date", LocalDate.class),
                                    Set.of((String[]) row.getArray("initiatives").getArray())));
                });
        return ancestry;
    }

    /** The succession that ended this body, if any. */
    @Transactional(readOnly = true)
    public Optional<Succession> endOf(String predecessorCode) {
        return jdbc.sql("select succession_id from organization_succession_link where predecessor_code = :code limit 1")
                .param("code", predecessorCode).query(Long.class).optional().flatMap(this::find);
    }

    /** Every succession, latest first: the registry's "who succeeded whom". Staff. */
    @Transactional(readOnly = true)
    public List<Succession> list() {
        access.requireStaff();
        return read("true", "s.effective_date desc, s.id desc", Map.of());
    }

    /**
     * The successions that took effect after one date and on or before the other, oldest first: those a Portrait
     * notes. No access check (the Portrait is computed by the publication job, and public).
     */
    @Transactional(readOnly = true)
    public List<Succession> between(LocalDate after, LocalDate until) {
        return read("s.effective_date > :after and s.effective_date <= :until", "s.effective_date, s.id",
                Map.of("after", after, "until", until));
    }

    /**
     * The latest {@code limit} successions in which one of these bodies was replaced or succeeded, latest first: those
     * among a campaign's bodies. No access check (the campaign's dashboard checks its own).
     */
    @Transactional(readOnly = true)
    public List<Succession> involving(java.util.Collection<String> codes, int limit) {
        return read("""
                s.id in (select x.id from organization_succession x
                          where exists (select 1 from organization_succession_link y where y.succession_id = x.id
                                           and (y.predecessor_code = any(:codes) or y.successor_code = any(:codes)))
                          order by x.effective_date desc, x.id desc limit :limit)""", "s.effective_date desc, s.id desc",
                Map.of("codes", codes.toArray(String[]::new), "limit", limit));
    }

    /**
     * Predecessors whose effective date has come become inactive: at once for a succession recorded on or after
     * its date, the night it comes for one recorded ahead of time.
     */
    @Scheduled(cron = "${declarations.successions.cron:0 5 0 * * *}")
    @Transactional
    public void deactivateDue() {
        jdbc.sql("""
                update organization set active = false, updated_at = now(), version = version + 1
                 where active and code in (select l.predecessor_code from organization_succession_link l
                                             join organization_succession s on s.id = l.succession_id
                                            where s.effective_date <= :today)
                """).param("today", LocalDate.now(clock)).update();
    }

    private List<Violation> successorRules(String path, String successor, List<String> predecessors) {
        if (!organizations.existsById(successor)) {
            return List.of(validator.violation(path, "Unknown", "validation.succession.unknown", successor));
        }
        if (predecessors.contains(successor)) {
            return List.of(validator.violation(path, "Self", "validation.succession.self", successor));
        }
        Set<String> ancestors = ancestorsOf(predecessors);
        if (ancestors.contains(successor)) {
            return List.of(validator.violation(path, "Cycle", "validation.succession.cycle", successor));
        }
        return endOf(successor).map(end -> List.of(validator.violation(path, "Succeeded",
                "validation.succession.successorEnded", successor, String.join(", ", end.successors()))))
                .orElse(List.of());
    }

    private List<Violation> predecessorRules(String path, String predecessor, String successor, LocalDate effectiveDate) {
        if (!organizations.existsById(predecessor)) {
            return List.of(validator.violation(path, "Unknown", "validation.succession.unknown", predecessor));
        }
        if (predecessor.equals(successor)) {
            return List.of(); // said once, on the successor
        }
        Optional<Succession> end = endOf(predecessor);
        if (end.isPresent()) {
            return List.of(validator.violation(path, "AlreadySucceeded", "validation.succession.alreadySucceeded",
                    predecessor, String.join(", ", end.get().successors()), end.get().effectiveDate()));
        }
        // a succession counts from the first campaign opening on or after its date: one on or before the opening of
        // the campaign the predecessor last declared in, accepted, would contradict that declaration
        OptionalInt lastAccepted = declared.lastAcceptedYear(predecessor);
        if (lastAccepted.isPresent() && effectiveDate != null) {
            LocalDate opening = openingDate(lastAccepted.getAsInt());
            if (!effectiveDate.isAfter(opening)) {
                return List.of(validator.violation("effectiveDate", "BeforeLastDeclaration",
                        "validation.succession.beforeLastDeclaration", predecessor,
                        String.valueOf(lastAccepted.getAsInt()), opening));
            }
        }
        return List.of();
    }

    private List<Violation> assignmentRules(SplitForm form) {
        Map<String, String> assignments = form.assignments() == null ? Map.of() : form.assignments();
        List<String> active = declared.active(form.predecessor());
        List<Violation> violations = new ArrayList<>();
        for (String initiative : active) {
            String successor = assignments.get(initiative);
            if (successor == null || successor.isBlank()) {
                violations.add(validator.violation("assignments", "Unassigned", "validation.succession.unassigned",
                        initiative));
            }
        }
        Set<String> known = new LinkedHashSet<>(active);
        assignments.forEach((initiative, successor) -> {
            if (!known.contains(initiative)) {
                violations.add(validator.violation("assignments", "Unknown", "validation.succession.notActive",
                        initiative, form.predecessor()));
            } else if (successor != null && !successor.isBlank() && !form.successors().contains(successor)) {
                violations.add(validator.violation("assignments", "NotASuccessor",
                        "validation.succession.notASuccessor", initiative, successor));
            }
        });
        return violations;
    }

    /** A campaign's opening date, as the campaign capability shows it (its view campaign_calendar). */
    private LocalDate openingDate(int year) {
        return jdbc.sql("select opening_date from campaign_calendar where campaign_year = :year").param("year", year)
                .query(LocalDate.class).optional().orElse(LocalDate.of(year, 1, 1));
    }

    /** Every body that, through recorded successions, ended in one of these. */
    private Set<String> ancestorsOf(List<String> codes) {
        Set<String> seen = new HashSet<>();
        List<String> frontier = new ArrayList<>(codes);
        while (!frontier.isEmpty()) {
            List<String> next = jdbc.sql("select predecessor_code from organization_succession_link where successor_code in (:codes)")
                    .param("codes", frontier).query(String.class).list();
            frontier = next.stream().filter(seen::add).toList();
        }
        return seen;
    }

    private Optional<Succession> find(long id) {
        return read("s.id = :id", "s.id", Map.of("id", id)).stream().findFirst();
    }

    /**
     * The one read of successions, grouped (one row per predecessor and successor): every list of them, whoever asks,
     * is this statement under its own condition and order; within one, the bodies by French name.
     */
    private List<Succession> read(String condition, String order, Map<String, ?> parameters) {
        record Head(long id, SuccessionKind kind, LocalDate effectiveDate, String reason, String recordedBy,
                java.time.Instant recordedAt, Map<String, String> predecessors, Map<String, String> successors) {
        }
        Map<Long, Head> found = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select s.id, s.kind, s.effective_date, s.reason, s.recorded_by, s.recorded_at,
                       l.predecessor_code, p.name_fr as predecessor_name, l.successor_code, n.name_fr as successor_name
                  from organization_succession s
                  join organization_succession_link l on l.succession_id = s.id
                  join organization p on p.code = l.predecessor_code
                  join organization n on n.code = l.successor_code
                """ + " where " + condition + " order by " + order
                + ", p.name_fr collate \"fr-CA-x-icu\", l.predecessor_code, n.name_fr collate \"fr-CA-x-icu\", l.successor_code")
                .params(parameters).query(row -> {
                    Head head = found.computeIfAbsent(row.getLong("id"), id -> {
                        try {
                            return new Head(id, SuccessionKind.valueOf(row.getString("kind")),
                                    row.getObject("effective_date", LocalDate.class), row.getString("reason"),
                                    row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant(),
                                    new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    head.predecessors().putIfAbsent(row.getString("predecessor_code"), row.getString("predecessor_name"));
                    head.successors().putIfAbsent(row.getString("successor_code"), row.getString("successor_name"));
                });
        return found.values().stream().map(head -> new Succession(head.id(), head.kind(),
                List.copyOf(head.predecessors().keySet()), List.copyOf(head.successors().keySet()), head.effectiveDate(),
                head.reason(), head.recordedBy(), head.recordedAt(), List.copyOf(head.predecessors().values()),
                List.copyOf(head.successors().values()), List.of())).toList();
    }

    private long insert(SuccessionKind kind, LocalDate effectiveDate, String reason) {
        return jdbc.sql("""
                insert into organization_succession (kind, effective_date, reason, recorded_by, recorded_at)
                values (:kind, :date, :reason, :by, :at) returning id
                """).param("kind", kind.name()).param("date", effectiveDate).param("reason", reason.trim())
                .param("by", CurrentUser.actorId()).param("at", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private void link(long id, String predecessor, String successor) {
        jdbc.sql("insert into organization_succession_link (succession_id, predecessor_code, successor_code) "
                + "values (:id, :predecessor, :successor)")
                .param("id", id).param("predecessor", predecessor).param("successor", successor).update();
    }

    /** Two coordinators recording crossing successions at once could make a cycle: one at a time. */
    private void lockRegistry() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('organization_succession'))").query((rs, i) -> 1).list();
    }
}
