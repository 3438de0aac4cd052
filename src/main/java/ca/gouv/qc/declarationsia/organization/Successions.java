package ca.gouv.qc.declarationsia.organization;

import ca.gouv.qc.declarationsia.security.AccessPolicy;
import ca.gouv.qc.declarationsia.security.CurrentUser;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** One recorded succession, as the API and the pages show it. */
    public record Succession(long id, SuccessionKind kind, List<String> predecessors, List<String> successors,
            LocalDate effectiveDate, String reason, String recordedBy, java.time.Instant recordedAt) {
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
        deactivateDue();
        events.publishEvent(new SuccessionRecorded(List.copyOf(form.predecessors()), List.of(form.successor()),
                form.effectiveDate()));
        return find(id).orElseThrow();
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
        deactivateDue();
        events.publishEvent(new SuccessionRecorded(List.of(form.predecessor()), List.copyOf(form.successors()),
                form.effectiveDate()));
        return find(id).orElseThrow();
    }

    /** The initiatives a split must assign: those still active at the body (for the coordinator's page). */
    @Transactional(readOnly = true)
    public List<String> activeInitiatives(String organizationCode) {
        access.requireCoordinator();
        return declared.active(organizationCode);
    }

    /**
     * The bodies whose initiatives this one carries on, and from when. No access check: the declaration capability
     * asks it when it opens a declaration, whoever launches the campaign.
     */
    @Transactional(readOnly = true)
    public List<Predecessor> predecessorsOf(String successorCode) {
        record Row(long id, String code, String name, String kind, LocalDate effectiveDate) {
        }
        List<Row> rows = jdbc.sql("""
                select s.id, l.predecessor_code as code, o.name_fr as name, s.kind, s.effective_date
                  from organization_succession_link l
                  join organization_succession s on s.id = l.succession_id
                  join organization o on o.code = l.predecessor_code
                 where l.successor_code = :code
                 order by s.effective_date, l.predecessor_code
                """).param("code", successorCode).query(Row.class).list();
        return rows.stream().map(row -> new Predecessor(row.code(), row.name(), SuccessionKind.valueOf(row.kind()),
                row.effectiveDate(), Set.copyOf(jdbc.sql("""
                        select initiative_id from organization_succession_assignment
                         where succession_id = :id and successor_code = :code
                        """).param("id", row.id()).param("code", successorCode).query(String.class).list())))
                .toList();
    }

    /** The succession that ended this body, if any. */
    @Transactional(readOnly = true)
    public Optional<Succession> endOf(String predecessorCode) {
        return jdbc.sql("select succession_id from organization_succession_link where predecessor_code = :code limit 1")
                .param("code", predecessorCode).query(Long.class).optional().flatMap(this::find);
    }

    /** Every succession, latest first: the dashboard's "who succeeded whom". Staff. */
    @Transactional(readOnly = true)
    public List<Succession> list() {
        access.requireStaff();
        return jdbc.sql("select id from organization_succession order by effective_date desc, id desc")
                .query(Long.class).list().stream().map(this::find).flatMap(Optional::stream).toList();
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
        OptionalInt lastAccepted = declared.lastAcceptedYear(predecessor);
        if (lastAccepted.isPresent() && effectiveDate != null && effectiveDate.getYear() < lastAccepted.getAsInt()) {
            return List.of(validator.violation("effectiveDate", "BeforeLastDeclaration",
                    "validation.succession.beforeLastDeclaration", predecessor, String.valueOf(lastAccepted.getAsInt())));
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
        record Head(long id, String kind, LocalDate effectiveDate, String reason, String recordedBy,
                java.sql.Timestamp recordedAt) {
        }
        return jdbc.sql("select id, kind, effective_date, reason, recorded_by, recorded_at from organization_succession where id = :id")
                .param("id", id).query(Head.class).optional().map(head -> {
                    List<String[]> links = jdbc.sql("""
                            select predecessor_code, successor_code from organization_succession_link
                             where succession_id = :id order by predecessor_code, successor_code
                            """).param("id", id).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
                    return new Succession(head.id(), SuccessionKind.valueOf(head.kind()),
                            links.stream().map(link -> link[0]).distinct().toList(),
                            links.stream().map(link -> link[1]).distinct().toList(),
                            head.effectiveDate(), head.reason(), head.recordedBy(), head.recordedAt().toInstant());
                });
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
