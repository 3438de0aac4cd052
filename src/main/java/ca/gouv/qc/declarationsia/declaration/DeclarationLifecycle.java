package ca.gouv.qc.declarationsia.declaration;

import ca.gouv.qc.declarationsia.shared.ProcessModels;
import ca.gouv.qc.declarationsia.declaration.DeclarationForm.InitiativeForm;
import ca.gouv.qc.declarationsia.shared.BatchWrites;
import ca.gouv.qc.declarationsia.shared.NotFoundException;
import ca.gouv.qc.declarationsia.shared.QuebecTime;
import ca.gouv.qc.declarationsia.shared.validation.InputValidator;
import ca.gouv.qc.declarationsia.shared.validation.InvalidInputException;
import ca.gouv.qc.declarationsia.shared.validation.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of a declaration's state. Every change of a declaration, of its initiatives' snapshots and of its
 * status goes through here, whoever asks: pages, API, process steps, other capabilities. It allows only the moves of
 * {@link DeclarationStatus} (those the model makes), checks a submission (its rules, the attestation and a signatory:
 * here alone, every door asks), and audits
 * each move with the actor its caller took from the authenticated user, or {@value #SYSTEM} for the process's own
 * steps. It runs in its caller's transaction: the change, its audit and the process step that asked commit together.
 */
@Service
public class DeclarationLifecycle {

    /** The actor of the process's own steps (putting under review, validation). */
    public static final String SYSTEM = "system";

    /** What the ministry sets on one initiative before publication. */
    public record Override(String initiativeId, String genericProductName, String statusUnavailableReason) {
    }

    private record State(long id, DeclarationStatus status) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DeclarationRepository declarations;
    private final CarryOver carryOver;
    private final InitiativeIds initiativeIds;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DeclarationRules rules;
    private final InputValidator validator;
    private final ObjectMapper json;
    private final DeclarationAnswers answers;

    DeclarationLifecycle(JdbcClient jdbc, JdbcTemplate batch, DeclarationRepository declarations, CarryOver carryOver,
            InitiativeIds initiativeIds, RuntimeService runtime, TaskService tasks, DeclarationRules rules,
            InputValidator validator, ObjectMapper json, DeclarationAnswers answers) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.declarations = declarations;
        this.carryOver = carryOver;
        this.initiativeIds = initiativeIds;
        this.runtime = runtime;
        this.tasks = tasks;
        this.rules = rules;
        this.validator = validator;
        this.json = json;
        this.answers = answers;
    }

    /**
     * Opens one body's declaration for a campaign: its draft (prefilled with last year's active initiatives) and its
     * {@code organization-declaration} process. The draft's unique key makes it happen once, however often a launch
     * step is retried or re-run after a crash.
     *
     * @return true if opened now, false if it was open already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean open(int campaignYear, String organizationCode) {
        Optional<Long> draft = createDraft(campaignYear, organizationCode);
        if (draft.isEmpty()) {
            return false;
        }
        DeclarationKey key = new DeclarationKey(campaignYear, organizationCode);
        String processId = runtime.startProcessInstanceByKey(ProcessModels.OrganizationDeclaration.KEY, key.businessKey(),
                Map.of("campaignYear", campaignYear, "organizationCode", organizationCode)).getId();
        ProcessLink link = new ProcessLink(draft.get(), processId);
        if (!BatchWrites.defer(ProcessLink.class, link, this::link)) {
            link(List.of(link));
        }
        return true;
    }

    /** A declaration's process, written with the batch's others at its end (nothing in the batch reads it back). */
    private record ProcessLink(long declarationId, String processInstanceId) {
    }

    private void link(List<ProcessLink> links) {
        batch.batchUpdate("update declaration set process_instance_id = ? where id = ?", links, links.size(),
                (statement, link) -> {
                    statement.setString(1, link.processInstanceId());
                    statement.setLong(2, link.declarationId());
                });
    }

    /**
     * Within a launch's batch ({@link ca.gouv.qc.declarationsia.shared.BatchReads}), reads what opening these bodies'
     * declarations needs of last year (the carry-over) in a few statements for all of them, not a few per body.
     */
    public void prepareOpening(int campaignYear, List<String> organizationCodes) {
        carryOver.prepareBatch(campaignYear, organizationCodes);
    }

    /** The draft alone, prefilled with last year's active initiatives; empty if the declaration exists already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> createDraft(int campaignYear, String organizationCode) {
        Optional<Long> created = jdbc.sql("""
                insert into declaration (campaign_year, organization_code, portfolio_code, network)
                select :year, code, portfolio_code, network from organization_directory where code = :organization
                on conflict (campaign_year, organization_code) do nothing
                returning id
                """).param("year", campaignYear).param("organization", organizationCode).query(Long.class).optional();
        created.ifPresent(id -> carryOver.copyInto(id, campaignYear, organizationCode));
        return created;
    }

    /**
     * A succession recorded while the body's declaration is open, counting for its campaign (issue 25): the
     * initiatives the carry-over now asks of it that it does not hold come into it, after its own, with their answers
     * and where they came from, as they would have at its opening. Only while the body may still change it; the
     * registry refuses the succession's date otherwise ({@link ca.gouv.qc.declarationsia.organization.Successions}).
     *
     * @return the ids that came in
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> takeOverCarried(DeclarationKey key) {
        State state = state(key);
        if (!state.status().isEditable()) {
            throw refused("status", "Locked", "validation.declaration.locked", state.status());
        }
        List<String> missing = carryOver.missingFrom(state.id(), key.campaignYear(), key.organizationCode());
        if (!missing.isEmpty()) {
            carryOver.copyMissing(state.id(), key.campaignYear(), key.organizationCode(), missing);
            bumpVersion(state.id());
        }
        return missing;
    }

    /**
     * The body's draft, as its respondent saved it (well-formed: the caller validated it). A new initiative gets its
     * stable id here; what only a reviewer sets is kept. A save from an older version fails (another tab saved).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Declaration saveDraft(Declaration current, boolean noInitiatives, Declaration.Person contact,
            List<InitiativeForm> initiatives, Integer version) {
        requireEditable(current);
        Map<String, InitiativeSnapshot> before = current.initiatives().stream()
                .collect(Collectors.toMap(InitiativeSnapshot::initiativeId, Function.identity()));
        int added = (int) initiatives.stream().filter(DeclarationLifecycle::isNew).count();
        Iterator<String> newIds = initiativeIds.next(current.organizationCode(), added).iterator();
        List<InitiativeSnapshot> snapshots = new ArrayList<>();
        for (InitiativeForm initiative : initiatives) {
            String id = isNew(initiative) ? newIds.next() : initiative.id().trim();
            snapshots.add(Snapshots.of(id, initiative, before.get(id)));
        }
        return declarations.saveDraft(current.withDraft(noInitiatives, contact, snapshots,
                version != null ? version : current.version()));
    }

    /**
     * Submission, the one place its rules are checked, whichever door asked (the page, the API; Tasklist and the
     * engine's REST API are sent to the page): the declaration still the body's to change, the attestation signed and
     * the signatory named, the submission rules met ({@link #contentProblems}), all refused at once; and the process
     * waiting for the body's answer. Then the signatory recorded, the time stamped, flagged late if after the body's
     * due date of the moment (the campaign's, an extension, or the correction round's), a copy of what was submitted
     * kept for the reviewer, and SOUMISE. The body's task is completed after the commit by the caller
     * ({@link SubmissionHandoff}); the engine lets it complete only then ({@link #submitted}).
     *
     * @return the declaration as now stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Declaration submit(Declaration current, SubmitForm form, String actor) {
        requireEditable(current);
        List<Violation> violations = new ArrayList<>(signatureProblems(form));
        violations.addAll(contentProblems(current));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        DeclarationKey key = new DeclarationKey(current.campaignYear(), current.organizationCode());
        if (DeclarationTasks.organizationTask(tasks, key).count() == 0) {
            throw refused("status", "NotReady", "validation.declaration.notReady");
        }
        Declaration.Signatory signatory = new Declaration.Signatory(form.signatory().name().strip(),
                form.signatory().role().strip(), form.signatory().email().strip());
        LocalDate due = dueDate(jdbc, current.id());
        boolean late = current.late() || QuebecTime.engineToday().isAfter(due);
        Timestamp now = Timestamp.from(QuebecTime.engineNow());
        jdbc.sql("""
                update declaration set attestation = true, signatory_name = :name, signatory_role = :role,
                       signatory_email = :email, submitted_at = :now, late = :late where id = :id
                """).param("name", signatory.name()).param("role", signatory.role())
                .param("email", signatory.email()).param("now", now).param("late", late)
                .param("id", current.id()).update();
        move(current.id(), current.status(), DeclarationStatus.SOUMISE, actor, null);
        jdbc.sql("""
                insert into declaration_submission (declaration_id, number, submitted_at, initiatives)
                values (:id, (select coalesce(max(number), 0) + 1 from declaration_submission where declaration_id = :id),
                        :now, cast(:initiatives as jsonb))
                """).param("id", current.id()).param("now", now).param("initiatives", write(current.initiatives()))
                .update();
        return current.submitted(signatory, now.toInstant(), late);
    }

    /** What the attestation and the signatory lack for a submission, whatever the declaration holds. */
    List<Violation> signatureProblems(SubmitForm form) {
        List<Violation> violations = new ArrayList<>(validator.validate(form));
        if (!Boolean.TRUE.equals(form.attestation())) {
            violations.add(0, validator.violation("attestation", "Required", "validation.submission.attestation"));
        }
        return violations;
    }

    /**
     * Every reason the declaration could not be submitted as it stands (empty when it could): {@link DeclarationRules}
     * against the campaign's reference date and the body's initiatives active last year.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Violation> contentProblems(Declaration declaration) {
        LocalDate reference = jdbc.sql("select reference_date from campaign_calendar where campaign_year = :year")
                .param("year", declaration.campaignYear()).query(LocalDate.class).single();
        List<Violation> violations = new ArrayList<>(rules.check(declaration, YearMonth.from(reference),
                carryOver.activeLastYear(declaration.campaignYear(), declaration.organizationCode())));
        // the extra questions of the campaign's form version: required ones, conditional ones when their condition holds
        violations.addAll(answers.missing(declaration));
        return violations;
    }

    /**
     * Whether the body's task may complete: only as part of a submission, which made the declaration SOUMISE before
     * the task is completed. Asked by the engine itself ({@link RequireSubmissionListener}) so that a completion by
     * any other way than {@link #submit} is refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean submitted(DeclarationKey key) {
        return state(key).status() == DeclarationStatus.SOUMISE;
    }

    /** "Mettre en révision": a submitted declaration goes to the ministry's reviewers. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void putUnderReview(DeclarationKey key) {
        State state = state(key);
        move(state.id(), state.status(), DeclarationStatus.EN_REVISION, SYSTEM, null);
    }

    /** What the ministry sets before publication; only while the declaration is under review. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyOverrides(DeclarationKey key, List<Override> overrides) {
        State state = state(key);
        if (state.status() != DeclarationStatus.EN_REVISION) {
            throw refused("status", "State", "validation.review.notUnderReview", state.status());
        }
        for (Override override : overrides) {
            jdbc.sql("""
                    update initiative_snapshot set generic_product_name = coalesce(:generic, generic_product_name),
                           status_unavailable_reason = coalesce(:reason, status_unavailable_reason)
                     where declaration_id = :declaration and initiative_id = :initiative
                    """).param("generic", override.genericProductName()).param("reason", override.statusUnavailableReason())
                    .param("declaration", state.id()).param("initiative", override.initiativeId()).update();
        }
        if (!overrides.isEmpty()) {
            bumpVersion(state.id());
        }
    }

    /** "Accepter la déclaration", credited to the reviewer who decided it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accept(DeclarationKey key, String reviewer) {
        State state = state(key);
        move(state.id(), state.status(), DeclarationStatus.ACCEPTEE, reviewer, null);
    }

    /**
     * "Demander des corrections": a new correction round with its own due date, credited to the reviewer.
     *
     * @return the number of the round now open
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int requestCorrections(DeclarationKey key, String reviewer, LocalDate dueDate) {
        State state = state(key);
        int round = jdbc.sql("""
                update declaration set correction_round = correction_round + 1, correction_due_date = :due
                 where id = :id returning correction_round
                """).param("due", dueDate).param("id", state.id()).query(Integer.class).single();
        move(state.id(), state.status(), DeclarationStatus.A_CORRIGER, reviewer, null);
        return round;
    }

    /** A body with nothing to declare this year, never submitted: EXEMPTEE, with the coordinator's reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    void exempt(Declaration current, String reason, String coordinator) {
        if (!current.status().canMoveTo(DeclarationStatus.EXEMPTEE)) {
            throw refused("status", "State", "validation.exemption.state", current.status());
        }
        jdbc.sql("update declaration set exemption_reason = :reason where id = :id")
                .param("reason", reason).param("id", current.id()).update();
        move(current.id(), current.status(), DeclarationStatus.EXEMPTEE, coordinator, reason);
    }

    /**
     * A new due date for a body that has not submitted, with its audit (who, when, from, to, why).
     *
     * @return the id of the audit row
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long extend(DeclarationKey key, LocalDate previousDueDate, LocalDate newDueDate, String reason, String grantedBy) {
        State state = state(key);
        if (state.status() != DeclarationStatus.BROUILLON) {
            throw refused("status", "State", "validation.extension.alreadySubmitted");
        }
        jdbc.sql("update declaration set extended_due_date = :due, version = version + 1 where id = :id")
                .param("due", newDueDate).param("id", state.id()).update();
        return jdbc.sql("""
                insert into deadline_extension (declaration_id, previous_due_date, new_due_date, reason, granted_by, granted_at)
                values (:id, :previous, :due, :reason, :by, :at) returning id
                """)
                .param("id", state.id()).param("previous", previousDueDate).param("due", newDueDate)
                .param("reason", reason).param("by", grantedBy).param("at", Timestamp.from(QuebecTime.engineNow()))
                .query(Long.class).single();
    }

    /** The date the body's answer is due now: the campaign's, its extension, or its correction round's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LocalDate dueDateOf(DeclarationKey key) {
        return dueDate(jdbc, state(key).id());
    }

    /** The date the body's answer is due now, by the database's one definition ({@code declaration_due_date}). */
    static LocalDate dueDate(JdbcClient jdbc, long declarationId) {
        return jdbc.sql("""
                select declaration_due_date(d.status, d.correction_due_date, d.extended_due_date,
                                            coalesce(t.due_date, c.due_date))
                  from declaration d join campaign_calendar c on c.campaign_year = d.campaign_year
                  left join campaign_body t on t.campaign_year = d.campaign_year
                                             and t.organization_code = d.organization_code
                 where d.id = :id
                """).param("id", declarationId).query(LocalDate.class).single();
    }

    /** Refused unless the body may change its declaration (a draft, or sent back for corrections). */
    void requireEditable(Declaration declaration) {
        if (!declaration.status().isEditable()) {
            throw refused("status", "Locked", "validation.declaration.locked", declaration.status());
        }
    }

    /**
     * The one way a status changes: only a move the model makes, only from the status the caller saw, audited.
     * A move from a status the declaration no longer has means someone else moved it meanwhile.
     */
    private void move(long id, DeclarationStatus from, DeclarationStatus to, String actor, String comment) {
        if (!from.canMoveTo(to)) {
            throw refused("status", "Transition", "validation.declaration.transition", from, to);
        }
        int updated = jdbc.sql("update declaration set status = :to, version = version + 1 where id = :id and status = :from")
                .param("to", to.name()).param("id", id).param("from", from.name()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Declaration " + id + " is no longer " + from);
        }
        jdbc.sql("""
                insert into declaration_transition (declaration_id, from_status, to_status, actor, comment, occurred_at)
                values (:id, :from, :to, :actor, left(:comment, 2000), :now)
                """).param("id", id).param("from", from.name()).param("to", to.name()).param("actor", actor)
                .param("comment", comment).param("now", Timestamp.from(QuebecTime.engineNow())).update();
    }

    private void bumpVersion(long id) {
        jdbc.sql("update declaration set version = version + 1 where id = :id").param("id", id).update();
    }

    private State state(DeclarationKey key) {
        return jdbc.sql("select id, status from declaration where campaign_year = :year and organization_code = :organization")
                .param("year", key.campaignYear()).param("organization", key.organizationCode())
                .query((rs, i) -> new State(rs.getLong("id"), DeclarationStatus.valueOf(rs.getString("status"))))
                .optional()
                .orElseThrow(() -> new NotFoundException("error.declaration.notFound", key.campaignYear(),
                        key.organizationCode()));
    }

    private InvalidInputException refused(String path, String code, String key, Object... arguments) {
        return new InvalidInputException(List.of(validator.violation(path, code, key, arguments)));
    }

    private String write(List<InitiativeSnapshot> initiatives) {
        try {
            return json.writeValueAsString(initiatives);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Initiatives not serializable", e);
        }
    }

    private static boolean isNew(InitiativeForm initiative) {
        return blank(initiative.id());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
